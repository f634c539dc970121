//! Entry point of the wasm app: start-up loads the configuration and mounts the UI.

fn main() {
    #[cfg(feature = "app")]
    {
        // Debug builds print panics with their message; release builds stay small (and must not panic).
        #[cfg(debug_assertions)]
        console_error_panic_hook::set_once();
        wasm_bindgen_futures::spawn_local(guang::shell::boot());
    }
}
