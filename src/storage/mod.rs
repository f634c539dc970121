//! Small settings kept on the device (the chosen language, later follows and the interest profile).
//! Storage can be missing (private mode, a sandboxed iframe) or full; every call degrades to "nothing saved"
//! instead of failing, and every value read back is validated by its caller.

/// Prefix of every key, so Guang never reads or clobbers a host page's keys on the same origin.
const PREFIX: &str = "guang.";

fn local_storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

/// Reads a saved string.
pub fn get(key: &str) -> Option<String> {
    local_storage()?.get_item(&format!("{PREFIX}{key}")).ok().flatten()
}

/// Saves a string; returns whether it was stored.
pub fn set(key: &str, value: &str) -> bool {
    local_storage().is_some_and(|s| s.set_item(&format!("{PREFIX}{key}"), value).is_ok())
}

/// Deletes a saved value (a corrupt one, so it is not read again).
pub fn remove(key: &str) {
    if let Some(s) = local_storage() {
        let _ = s.remove_item(&format!("{PREFIX}{key}"));
    }
}
