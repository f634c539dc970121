//! The app-wide toast: one polite live region for what an action says back (copied, followed, a notice about
//! reset data). It lives apart from every sheet so it is there from the start, before any sheet's code is.

use leptos::prelude::*;

use crate::app::use_ctx;

/// The toast region; the latest message from a social action or the personaliser's notice.
#[component]
pub fn Toast() -> impl IntoView {
    let ctx = use_ctx();
    view! {
        <div class="toast" role="status" aria-live="polite" data-testid="toast">
            {move || ctx.social.message.get().or_else(|| ctx.pers.notice.get().map(|k| ctx.t(k).to_string()))}
        </div>
    }
}
