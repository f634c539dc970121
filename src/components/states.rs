//! Loading, error, empty and end states, shared so every page explains itself the same way.

use leptos::prelude::*;

use crate::api::FetchError;
use crate::app::use_ctx;
use crate::i18n::Text;
use crate::{text, tr};

/// The message for a fetch failure, in words a user can act on.
pub fn error_text(e: &FetchError) -> Text {
    match e {
        FetchError::Network(_) => text!(error_network),
        FetchError::Http(_) => text!(error_server),
        FetchError::NotFound | FetchError::Doc(_) => text!(error_data),
    }
}

/// Grey placeholder cards while the first page loads. Static markup laid out by CSS columns (`.skeleton`
/// in main.css, the masonry's column counts and a few cover shapes), so drawing it computes nothing.
#[component]
pub fn SkeletonGrid() -> impl IntoView {
    let ctx = use_ctx();
    view! {
        <div class="skeleton" role="status" aria-live="polite">
            <span class="visually-hidden">{move || tr!(ctx.locale.get(), loading)}</span>
            {(0..8)
                .map(|_| {
                    view! {
                        <div class="card card-skeleton" aria-hidden="true">
                            <div class="card-cover shimmer"></div>
                            <div class="line shimmer"></div>
                            <div class="line line-short shimmer"></div>
                        </div>
                    }
                })
                .collect_view()}
        </div>
    }
}

/// What a part of the app shows when its code (a lazy chunk of a split build) did not load: the network
/// error with a retry that reloads the page, which fetches the code again. `what` names it in the console.
pub fn code_failed(what: &str) -> AnyView {
    leptos::logging::warn!("guang: the code of {what} did not load");
    let reload = Callback::new(|_| {
        if let Some(w) = web_sys::window() {
            let _ = w.location().reload();
        }
    });
    view! { <ErrorState error=FetchError::Network("page code".into()) on_retry=reload/> }.into_any()
}

/// A full-width error with a retry button.
#[component]
pub fn ErrorState(error: FetchError, on_retry: Callback<()>) -> impl IntoView {
    let ctx = use_ctx();
    let key = error_text(&error);
    view! {
        <div class="state state-error" role="alert" data-testid="error-state">
            <h2>{move || tr!(ctx.locale.get(), error_title)}</h2>
            <p>{move || ctx.t(key)}</p>
            <RetryButton on_retry/>
        </div>
    }
}

/// The retry button used by every error state.
#[component]
pub fn RetryButton(on_retry: Callback<()>) -> impl IntoView {
    let ctx = use_ctx();
    view! {
        <button type="button" class="btn btn-primary" data-testid="retry" on:click=move |_| on_retry.run(())>
            {move || tr!(ctx.locale.get(), retry)}
        </button>
    }
}

/// A friendly empty state with a title and an explanation.
#[component]
pub fn EmptyState(
    title: Text,
    #[prop(optional)] body: Option<Text>,
    #[prop(optional)] children: Option<Children>,
) -> impl IntoView {
    let ctx = use_ctx();
    view! {
        <div class="state state-empty" data-testid="empty-state">
            <h2>{move || ctx.t(title)}</h2>
            {body.map(|b| view! { <p>{move || ctx.t(b)}</p> })}
            {children.map(|c| c())}
        </div>
    }
}
