//! The not-found page, for unknown routes and for items or creators the API does not have.

use leptos::prelude::*;

use crate::app::{set_title, use_ctx};
use crate::i18n::Key;

/// What could not be found.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Missing {
    /// An item id the API does not know.
    Item,
    /// A creator id the API does not know.
    Creator,
    /// A route the app does not have.
    Page,
}

/// A not-found message with a way home.
#[component]
pub fn NotFound(what: Missing) -> impl IntoView {
    let ctx = use_ctx();
    let body = match what {
        Missing::Item => Key::NotFoundItem,
        Missing::Creator => Key::NotFoundCreator,
        Missing::Page => Key::NotFoundPage,
    };
    Effect::new(move |_| set_title(&format!("{} · {}", ctx.t(Key::NotFoundTitle), ctx.t(Key::AppName))));
    view! {
        <div class="state state-missing" data-testid="not-found">
            <h1 id="page-heading" tabindex="-1">{move || ctx.t(Key::NotFoundTitle)}</h1>
            <p>{move || ctx.t(body)}</p>
            <a class="btn btn-primary" href="/">{move || ctx.t(Key::BackHome)}</a>
        </div>
    }
}
