//! The not-found page, for unknown routes and for items or creators the API does not have.

use leptos::prelude::*;

use crate::app::{set_title, use_ctx};
use crate::{text, tr};

/// What could not be found.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Missing {
    /// An item id the API does not know.
    Item,
    /// A creator id the API does not know.
    Creator,
    /// A campaign id the API has no venue for.
    Campaign,
    /// A route the app does not have.
    Page,
}

/// A not-found message with a way home.
#[component]
pub fn NotFound(what: Missing) -> impl IntoView {
    let ctx = use_ctx();
    let body = match what {
        Missing::Item => text!(not_found_item),
        Missing::Creator => text!(not_found_creator),
        Missing::Campaign => text!(not_found_campaign),
        Missing::Page => text!(not_found_page),
    };
    Effect::new(move |_| {
        set_title(&format!("{} · {}", tr!(ctx.locale.get(), not_found_title), tr!(ctx.locale.get(), app_name)))
    });
    view! {
        <div class="state state-missing" data-testid="not-found">
            <h1 id="page-heading" tabindex="-1">{move || tr!(ctx.locale.get(), not_found_title)}</h1>
            <p>{move || ctx.t(body)}</p>
            <a class="btn btn-primary" href="/">{move || tr!(ctx.locale.get(), back_home)}</a>
        </div>
    }
}
