//! The app's chrome: the skip link and the top bar with the brand (home link), the share-code box, the
//! interests and settings pages and the language switch. Embedded (`?embed=1`), the host page is the
//! chrome: none of it.

use leptos::prelude::*;
use leptos_router::components::A;

use crate::app::{choose_locale, use_ctx};
use crate::components::icons::{CodeIcon, GearIcon, InterestsIcon};
use crate::tr;

/// Skip link and sticky app bar; nothing in embed mode.
#[component]
pub fn Header() -> impl IntoView {
    if crate::app::embed::active() {
        return None;
    }
    let ctx = use_ctx();
    let switch = {
        move |_| {
            let next = ctx.locale.get_untracked().other();
            choose_locale(ctx, next);
        }
    };
    Some(view! {
        <a class="skip-link" href="#main">{move || tr!(ctx.locale.get(), feed)}</a>
        <header class="app-bar">
            // Named by what it shows ("逛 逛逛好内容"), so the name holds the visible label (WCAG 2.5.3).
            <A href="/" attr:class="brand">
                <span class="brand-mark">"逛"</span>
                <span class="brand-name">{move || tr!(ctx.locale.get(), tagline)}</span>
            </A>
            <div class="app-bar-actions">
            <button
                type="button"
                class="icon-btn"
                data-testid="open-code"
                aria-haspopup="dialog"
                aria-label=move || tr!(ctx.locale.get(), open_code)
                on:click=move |_| ctx.social.code_open.set(true)
            >
                <CodeIcon/>
            </button>
            <a class="icon-btn" href="/me/interests" data-testid="interests-link" aria-label=move || tr!(ctx.locale.get(), my_interests)>
                <InterestsIcon/>
            </a>
            <a class="icon-btn" href="/me/settings" data-testid="settings-link" aria-label=move || tr!(ctx.locale.get(), settings)>
                <GearIcon/>
            </a>
            <button
                type="button"
                class="lang-switch"
                data-testid="lang-switch"
                // The name starts with the visible "EN" / "中" (label in name), then says what it does.
                aria-label=move || tr!(ctx.locale.get(), switch_language)
                on:click=switch
            >
                {move || tr!(ctx.locale.get(), language_name)}
            </button>
            </div>
        </header>
    })
}
