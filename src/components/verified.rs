//! The verified-creator mark: the badge icon with a tooltip and a screen-reader name, the same everywhere a
//! creator's name appears.

use leptos::prelude::*;

use crate::app::use_ctx;
use crate::components::icons::VerifiedIcon;
use crate::tr;

/// Shown after a verified creator's name.
#[component]
pub fn VerifiedMark() -> impl IntoView {
    let ctx = use_ctx();
    view! {
        <span class="verified" title=move || tr!(ctx.locale.get(), verified)>
            <VerifiedIcon/>
            <span class="visually-hidden">{move || tr!(ctx.locale.get(), verified)}</span>
        </span>
    }
}
