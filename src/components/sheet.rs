//! The app's modal sheets: a `<dialog>` opened with `showModal`, so the page behind is inert, Escape closes it
//! and focus returns to whatever opened it; Tab stays inside. [`sheet`] is the shell the share sheet, the
//! item menu and the shortcuts help share (a click on the backdrop or the close button closes it too).

use leptos::html::Dialog;
use leptos::prelude::*;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

use crate::app::use_ctx;
use crate::tr;

/// A modal bottom sheet (a centred dialog on wide screens) showing `body` and a close button. A plain generic
/// function rather than a component with `Children`: each sheet keeps its own concrete view type, which
/// costs fewer wasm bytes than type-erased children.
///
/// `open` opens and closes it; `on_close` runs when the user closes it (Escape, the backdrop, the close
/// button), and the owner then makes `open` false. `labelled_by` is the id of the heading in `body`.
pub fn sheet(
    open: impl Fn() -> bool + 'static,
    on_close: impl Fn() + Copy + 'static,
    labelled_by: &'static str,
    testid: &'static str,
    close_testid: Option<&'static str>,
    body: impl IntoView + 'static,
) -> impl IntoView {
    let ctx = use_ctx();
    let dialog = NodeRef::<Dialog>::new();
    sync_dialog(dialog, open);
    view! {
        <dialog
            node_ref=dialog
            class="sheet"
            aria-labelledby=labelled_by
            data-testid=testid
            on:close=move |_| if closed(dialog) { on_close() }
            on:click=move |ev| {
                if ev.target() == ev.current_target() {
                    on_close();
                }
            }
        >
            <div class="sheet-body">
                {body}
                <button type="button" class="btn sheet-close" data-testid=close_testid on:click=move |_| on_close()>
                    {move || tr!(ctx.locale.get(), close)}
                </button>
            </div>
        </dialog>
    }
}

/// Whether a `close` event still means the dialog is closed. Escape closes a dialog at once but its `close`
/// event comes a task later; a key that opens the dialog again can come first, and the stale event must not
/// close the new one.
pub fn closed(dialog: NodeRef<Dialog>) -> bool {
    dialog.get_untracked().is_none_or(|d| !d.open())
}

/// Keeps a `<dialog>` open exactly while `open` says so. A modal dialog makes the page behind it inert and
/// gives focus back to its opener when it closes; Tab is also kept inside (wrapping at either end) rather
/// than leaving for the browser's own controls.
pub fn sync_dialog(dialog: NodeRef<Dialog>, open: impl Fn() -> bool + 'static) {
    Effect::new(move |_| {
        if let Some(d) = dialog.get() {
            wrap_tab(&d);
        }
    });
    Effect::new(move |_| {
        let want = open();
        if let Some(d) = dialog.get() {
            if want && !d.open() {
                let _ = d.show_modal();
            } else if !want && d.open() {
                d.close();
            }
        }
    });
}

/// Moves focus from the last focusable element of `dialog` to the first on Tab, and back on Shift+Tab.
fn wrap_tab(dialog: &web_sys::HtmlDialogElement) {
    const FOCUSABLE: &str =
        "a[href], button:not([disabled]), input:not([disabled]), textarea, select, summary, [contenteditable], \
         [tabindex]:not([tabindex='-1'])";
    let target = dialog.clone();
    let on_key = Closure::<dyn FnMut(web_sys::KeyboardEvent)>::new(move |ev: web_sys::KeyboardEvent| {
        if ev.key() != "Tab" {
            return;
        }
        let Ok(list) = target.query_selector_all(FOCUSABLE) else { return };
        let shown: Vec<web_sys::HtmlElement> = (0..list.length())
            .filter_map(|i| list.item(i)?.dyn_into::<web_sys::HtmlElement>().ok())
            .filter(|e| e.offset_width() > 0 || e.offset_height() > 0)
            .collect();
        let (Some(first), Some(last)) = (shown.first(), shown.last()) else { return };
        let active = web_sys::window().and_then(|w| w.document()).and_then(|d| d.active_element());
        let at = |e: &web_sys::HtmlElement| active.as_ref().is_some_and(|a| a == e.as_ref() as &web_sys::Element);
        let to = if ev.shift_key() && at(first) {
            last
        } else if !ev.shift_key() && at(last) {
            first
        } else {
            return;
        };
        ev.prevent_default();
        let _ = to.focus();
    });
    let _ = dialog.add_event_listener_with_callback("keydown", on_key.as_ref().unchecked_ref());
    // The app's dialogs live as long as the app.
    on_key.forget();
}
