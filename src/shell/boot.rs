//! Start-up: load `config.json` and the API's `index.json`, then mount the app. A failed start shows a
//! retry screen instead of a blank page.

use leptos::prelude::*;

use super::routes::App;
use crate::api::{fetch_text, paths, FetchError};
use crate::app::{embed, prefs, Session, LOCALE_KEY};
use crate::i18n::Locale;
use crate::model::{parse_config, parse_index, ApiBase, AppConfig};
use crate::storage;
use crate::tr;

/// Loads what the app needs before it can show anything, then mounts it. Called once from `main`.
pub async fn boot() {
    // Embed mode styles <html> (no chrome, the host's theme) before anything renders.
    embed::init();
    prefs::pin_saved_theme();
    match load_session().await {
        Ok(session) => {
            // A first route other than the feed: its rules (`pages.css`), which first-screen.js started
            // loading with the page, are there before it is drawn.
            crate::api::settled(crate::api::page_helper("guangStyled", &wasm_bindgen::JsValue::UNDEFINED)).await;
            // The static shell goes, unless first-screen.js drew the first cards in it and laid it over the
            // page (its only class, `over`): then it stays over the app until the feed has drawn them, which
            // first-screen.js watches for (`guangMounted`).
            match splash() {
                Some(el) if el.get_attribute("class").is_some() => {
                    crate::api::page_helper("guangMounted", &wasm_bindgen::JsValue::UNDEFINED);
                }
                _ => remove_splash(),
            }
            let locale = initial_locale(&session.config);
            leptos::mount::mount_to_body(move || view! { <App session locale/> });
        }
        Err(e) => {
            leptos::logging::error!("guang: start-up failed: {e}");
            remove_splash();
            let locale = browser_locale().unwrap_or_default();
            leptos::mount::mount_to_body(move || view! { <BootFailed locale/> });
        }
    }
}

async fn load_session() -> Result<Session, FetchError> {
    let doc_base =
        web_sys::window().and_then(|w| w.document()).and_then(|d| d.base_uri().ok().flatten()).unwrap_or_default();
    let config_url = resolve_against(&doc_base, "config.json").unwrap_or_else(|| "/config.json".into());
    let config = parse_config(&fetch_text(&config_url).await?)?;
    let api_abs = resolve_against(&doc_base, &config.api_base)
        .ok_or_else(|| FetchError::Network(format!("cannot resolve api_base {}", config.api_base)))?;
    let base = ApiBase::parse(&api_abs)
        .map_err(|e| FetchError::Doc(crate::model::DocError::Malformed(format!("api_base: {e}"))))?;
    let index = parse_index(&fetch_text(&crate::api::url(&base, paths::INDEX)).await?)?;
    for p in &index.skipped {
        leptos::logging::warn!("guang: skipped in index.json: {p}");
    }
    let now = (js_sys::Date::now() / 1000.0) as i64;
    Ok(Session { config, base, index, now })
}

/// Resolves a (possibly relative) URL against the document's base with the browser's URL parser.
fn resolve_against(base: &str, reference: &str) -> Option<String> {
    web_sys::Url::new_with_base(reference, base).ok().map(|u| u.href())
}

/// The static loading screen that `index.html` shows while the wasm starts, if it is still there.
fn splash() -> Option<web_sys::Element> {
    web_sys::window()?.document()?.get_element_by_id("splash")
}

/// Removes the static loading screen.
fn remove_splash() {
    if let Some(el) = splash() {
        el.remove();
    }
}

fn browser_locale() -> Option<Locale> {
    web_sys::window()?.navigator().language().as_deref().and_then(Locale::from_tag)
}

/// `?lang=` first, then the saved choice, then the browser's language, then the deployment default.
fn initial_locale(config: &AppConfig) -> Locale {
    let from_query = web_sys::window()
        .and_then(|w| w.location().search().ok())
        .and_then(|s| web_sys::UrlSearchParams::new_with_str(&s).ok())
        .and_then(|p| p.get("lang"))
        .and_then(|l| Locale::from_tag(&l));
    from_query
        .or_else(|| storage::get(LOCALE_KEY).as_deref().and_then(Locale::from_tag))
        .or_else(browser_locale)
        .or_else(|| Locale::from_tag(&config.default_locale))
        .unwrap_or_default()
}

/// Shown when start-up failed (config or index unreachable or invalid).
#[component]
fn BootFailed(locale: Locale) -> impl IntoView {
    let reload = move |_| {
        if let Some(w) = web_sys::window() {
            let _ = w.location().reload();
        }
    };
    view! {
        <main id="main" class="state state-error" role="alert">
            <h1>{tr!(locale, error_title)}</h1>
            <p>{tr!(locale, boot_failed)}</p>
            <button type="button" class="btn btn-primary" data-testid="retry" on:click=reload>
                {tr!(locale, retry)}
            </button>
        </main>
    }
}
