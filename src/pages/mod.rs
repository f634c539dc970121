//! One module per route. Pages read route parameters, load their documents through [`load_into`], and
//! compose components; validation and formatting live elsewhere.

pub mod campaign;
pub mod creator;
pub mod feed;
pub mod interests;
pub mod item;
pub mod not_found;
pub mod settings;
pub mod studio;

use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::api::{fetch_text, FetchError};
use crate::model::DocError;

/// A single document being loaded for a page.
#[derive(Clone, Debug)]
pub enum Load<T> {
    /// In flight.
    Loading,
    /// Loaded and valid.
    Ready(T),
    /// The server has no such document.
    Missing,
    /// Failed; the page offers a retry.
    Failed(FetchError),
}

/// Fetches `url`, parses it with `parse` and stores the outcome in `target`, unless `still_wanted` says the
/// page moved on meanwhile (a fast click on another card must not be overwritten by a slow older response).
pub fn load_into<T: Send + Sync + 'static>(
    target: RwSignal<Load<T>>,
    url: String,
    parse: impl FnOnce(&str) -> Result<T, DocError> + 'static,
    still_wanted: impl Fn() -> bool + 'static,
) {
    target.try_set(Load::Loading);
    spawn_local(async move {
        let outcome = match fetch_text(&url).await {
            Ok(text) => parse(&text).map_err(FetchError::from),
            Err(e) => Err(e),
        };
        if !still_wanted() {
            return;
        }
        let next = match outcome {
            Ok(v) => Load::Ready(v),
            Err(FetchError::NotFound) => Load::Missing,
            Err(e) => {
                leptos::logging::warn!("guang: could not load {url}: {e}");
                Load::Failed(e)
            }
        };
        target.try_set(next);
    });
}

/// Goes back in history when the previous page was ours, otherwise to the feed. `navigate` comes from
/// `use_navigate()` called while the page was built (router context is not available in event handlers).
pub fn go_back(navigations: u32, navigate: impl Fn(&str, leptos_router::NavigateOptions)) {
    if navigations > 0 {
        if let Some(h) = web_sys::window().and_then(|w| w.history().ok()) {
            let _ = h.back();
            return;
        }
    }
    navigate("/", Default::default());
}

/// Offers `text` as a JSON file download named `name` (the interests export, the studio's documents and set-aside
/// drafts): a blob URL clicked from a detached link, revoked at once.
pub fn download_json(name: &str, text: &str) {
    let Some(doc) = web_sys::window().and_then(|w| w.document()) else { return };
    let parts = js_sys::Array::of1(&text.into());
    let opts = web_sys::BlobPropertyBag::new();
    opts.set_type("application/json");
    let Ok(blob) = web_sys::Blob::new_with_str_sequence_and_options(&parts, &opts) else { return };
    let Ok(url) = web_sys::Url::create_object_url_with_blob(&blob) else { return };
    if let Some(a) =
        doc.create_element("a").ok().and_then(|e| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlAnchorElement>(e).ok())
    {
        a.set_href(&url);
        a.set_download(name);
        a.click();
    }
    let _ = web_sys::Url::revoke_object_url(&url);
}
