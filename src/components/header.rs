//! The top bar: the brand (home link) and the language switch.

use leptos::prelude::*;
use leptos_router::components::A;

use crate::app::{choose_locale, use_ctx};
use crate::components::icons::{CodeIcon, InterestsIcon};
use crate::i18n::Key;

/// Sticky app bar.
#[component]
pub fn Header() -> impl IntoView {
    let ctx = use_ctx();
    let switch = {
        move |_| {
            let next = ctx.locale.get_untracked().other();
            choose_locale(ctx, next);
        }
    };
    view! {
        <header class="app-bar">
            <A href="/" attr:class="brand" attr:aria-label=move || ctx.t(Key::AppName)>
                <span class="brand-mark" aria-hidden="true">"逛"</span>
                <span class="brand-name">{move || ctx.t(Key::Tagline)}</span>
            </A>
            <div class="app-bar-actions">
            <button
                type="button"
                class="icon-btn"
                data-testid="open-code"
                aria-haspopup="dialog"
                aria-label=move || ctx.t(Key::OpenCode)
                on:click=move |_| ctx.social.code_open.set(true)
            >
                <CodeIcon/>
            </button>
            <a class="icon-btn" href="/me/interests" data-testid="interests-link" aria-label=move || ctx.t(Key::MyInterests)>
                <InterestsIcon/>
            </a>
            <button
                type="button"
                class="lang-switch"
                data-testid="lang-switch"
                aria-label=move || ctx.t(Key::SwitchLanguage)
                on:click=switch
            >
                {move || ctx.t(Key::LanguageName)}
            </button>
            </div>
        </header>
    }
}
