//! Talking to the content API: fetch a document, refuse what is not JSON, and map every failure to one of a
//! few kinds the UI can explain (network, server, not found, bad data). Path patterns of contract v1 live here.

use std::fmt;

use gloo_net::http::Request;

use crate::model::documents::MAX_DOC_BYTES;
use crate::model::{ApiBase, DocError};

/// Why a document could not be had.
#[derive(Clone, Debug, PartialEq)]
pub enum FetchError {
    /// No response at all (offline, DNS, CORS, aborted).
    Network(String),
    /// 404, or a static host's SPA fallback page where a JSON document should be.
    NotFound,
    /// Any other non-2xx status.
    Http(u16),
    /// A response that is not a valid contract document.
    Doc(DocError),
}

impl fmt::Display for FetchError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            FetchError::Network(m) => write!(f, "network error: {m}"),
            FetchError::NotFound => write!(f, "not found"),
            FetchError::Http(s) => write!(f, "HTTP {s}"),
            FetchError::Doc(e) => write!(f, "{e}"),
        }
    }
}

impl From<DocError> for FetchError {
    fn from(e: DocError) -> Self {
        FetchError::Doc(e)
    }
}

/// Fetches `url` as text, refusing HTML (an SPA fallback answering 200 for a missing file) and anything
/// announced as larger than the document limit.
pub async fn fetch_text(url: &str) -> Result<String, FetchError> {
    let resp = match early_response(url).await {
        Some(resp) => resp,
        None => Request::get(url)
            .header("Accept", "application/json")
            .send()
            .await
            .map_err(|e| FetchError::Network(e.to_string()))?,
    };
    let status = resp.status();
    if status == 404 || status == 410 {
        return Err(FetchError::NotFound);
    }
    if !(200..300).contains(&status) {
        return Err(FetchError::Http(status));
    }
    let headers = resp.headers();
    if headers.get("content-type").is_some_and(|ct| ct.to_ascii_lowercase().contains("text/html")) {
        return Err(FetchError::NotFound);
    }
    if let Some(len) = headers.get("content-length").and_then(|l| l.trim().parse::<usize>().ok()) {
        if len > MAX_DOC_BYTES {
            return Err(FetchError::Doc(DocError::TooLarge(len)));
        }
    }
    let text = resp.text().await.map_err(|e| FetchError::Network(e.to_string()))?;
    next_task().await;
    Ok(text)
}

/// Waits for the browser's next task (`first-screen.js`'s `guangTick`, a message to itself), so what the caller does with a response (parse,
/// validate, render) runs in a task of its own instead of lengthening the one that delivered it: at start
/// the app's mount, the first page's parse and its cards would otherwise be one long task that blocks input.
pub async fn next_task() {
    settled(page_helper("guangTick", &wasm_bindgen::JsValue::UNDEFINED)).await;
}

/// Calls one of the helpers `first-screen.js` defines on `window` (JS, so they cost the wasm nothing) and
/// returns its promise; `None` when the page has no such helper (the wasm tests' page), and callers then
/// go on at once.
pub fn page_helper(name: &str, arg: &wasm_bindgen::JsValue) -> Option<js_sys::Promise> {
    use wasm_bindgen::JsCast;
    let window: wasm_bindgen::JsValue = web_sys::window()?.into();
    let helper = js_sys::Reflect::get(&window, &name.into()).ok()?.dyn_into::<js_sys::Function>().ok()?;
    helper.call1(&window, arg).ok()?.dyn_into::<js_sys::Promise>().ok()
}

/// Waits for a promise [`page_helper`] returned, whether it resolves or rejects.
pub async fn settled(promise: Option<js_sys::Promise>) {
    if let Some(p) = promise {
        let _ = wasm_bindgen_futures::JsFuture::from(p).await;
    }
}

/// The response `first-screen.js` started for `url` while the wasm loaded (the first feed page, so its
/// covers could start downloading early), taken at most once; `None` when there is none or it failed, and the
/// caller fetches as usual. It is checked like any other response.
async fn early_response(url: &str) -> Option<gloo_net::http::Response> {
    use wasm_bindgen::JsCast;
    let window: wasm_bindgen::JsValue = web_sys::window()?.into();
    let early = js_sys::Reflect::get(&window, &"guangEarly".into()).ok()?.dyn_into::<js_sys::Object>().ok()?;
    let promise = js_sys::Reflect::get(&early, &url.into()).ok()?.dyn_into::<js_sys::Promise>().ok()?;
    let _ = js_sys::Reflect::delete_property(&early, &url.into());
    let resp = wasm_bindgen_futures::JsFuture::from(promise).await.ok()?.dyn_into::<web_sys::Response>().ok()?;
    Some(gloo_net::http::Response::from(resp))
}

/// Drops the early response unused: the feed restored a saved place instead of loading its first page, and a
/// later refresh must fetch the page as it is then, not as it was at load.
pub fn forget_early() {
    if let Some(w) = web_sys::window() {
        let _ = js_sys::Reflect::delete_property(&w.into(), &"guangEarly".into());
    }
}

/// Where the documents of contract v1 live under the API base. Ids are validated before they get here, and
/// a route parameter that is not a valid id never reaches a URL (it is a not-found page instead).
pub mod paths {
    /// `index.json`: channels and campaigns.
    pub const INDEX: &str = "index.json";

    /// First page of a channel's feed.
    pub fn feed(channel: &str) -> String {
        format!("feed/{channel}/1.json")
    }

    /// An item document.
    pub fn item(id: &str) -> String {
        format!("items/{id}.json")
    }

    /// A creator document.
    pub fn creator(id: &str) -> String {
        format!("creators/{id}.json")
    }

    /// First page of a creator's items, newest first.
    pub fn creator_items(id: &str) -> String {
        format!("creators/{id}/items/1.json")
    }

    /// A campaign venue document (name, window, rule, creators, topics).
    pub fn campaign(id: &str) -> String {
        format!("campaigns/{id}.json")
    }

    /// First page of a campaign's content, best first.
    pub fn campaign_feed(id: &str) -> String {
        format!("campaigns/{id}/feed/1.json")
    }

    /// Follow / unfollow writes (only when `config.json` says the API accepts writes).
    pub const FOLLOWS: &str = "follows";

    /// Batched visit events (only when the API accepts writes).
    pub const EVENTS: &str = "events";

    /// Published items from the studio (only when the API accepts writes); their device files go first, each
    /// `PUT` to its path under the base.
    pub const ITEMS: &str = "items";
}

/// Resolves a contract path against the base. Paths built by [`paths`] from valid ids always resolve.
pub fn url(base: &ApiBase, path: &str) -> String {
    base.resolve(path).unwrap_or_else(|_| base.as_url())
}

/// How the API answered a write (a follow, a batch of events).
#[derive(Clone, Debug, PartialEq)]
pub enum WriteError {
    /// The server refused it for good (4xx other than 408/429); the reason is display text from the body.
    Rejected(String),
    /// Worth trying again later: offline, timeout, rate limit or a server error.
    Retry(String),
}

/// Longest rejection reason shown to the user; longer ones are cut (they are text, never markup).
const MAX_REASON_CHARS: usize = 200;

/// POSTs `body` (JSON) to `url`, with an `Idempotency-Key` header when `key` is given, and classifies the
/// answer. `keepalive` lets the request finish after the page is hidden (the events flush on page hide).
pub async fn post_json(url: &str, body: String, key: Option<&str>, keepalive: bool) -> Result<(), WriteError> {
    let body = wasm_bindgen::JsValue::from_str(&body);
    send_write("POST", url, &body, "application/json", key, keepalive).await
}

/// Sends a write (`method` with `body` of `content_type`: a JSON string or a file) and classifies the answer
/// the same way for every write: 2xx done, 408/409/429/5xx/offline worth retrying, any other 4xx refused with
/// the server's reason as text.
pub async fn send_write(
    method: &str,
    url: &str,
    body: &wasm_bindgen::JsValue,
    content_type: &str,
    key: Option<&str>,
    keepalive: bool,
) -> Result<(), WriteError> {
    use wasm_bindgen::JsCast;
    let init = web_sys::RequestInit::new();
    init.set_method(method);
    init.set_body(body);
    let headers = web_sys::Headers::new().map_err(|_| WriteError::Retry("headers".into()))?;
    let _ = headers.set("Content-Type", content_type);
    let _ = headers.set("Accept", "application/json");
    if let Some(k) = key {
        let _ = headers.set("Idempotency-Key", k);
    }
    init.set_headers(&headers);
    if keepalive {
        // Not in web-sys' RequestInit yet; a plain property on the init dictionary.
        let _ = js_sys::Reflect::set(&init, &"keepalive".into(), &true.into());
    }
    let window = web_sys::window().ok_or_else(|| WriteError::Retry("no window".into()))?;
    let promise = window.fetch_with_str_and_init(url, &init);
    let resp = wasm_bindgen_futures::JsFuture::from(promise)
        .await
        .map_err(|e| WriteError::Retry(format!("network: {e:?}")))?
        .dyn_into::<web_sys::Response>()
        .map_err(|_| WriteError::Retry("not a response".into()))?;
    let status = resp.status();
    if (200..300).contains(&status) {
        return Ok(());
    }
    // 409: a request with the same idempotency key is still being processed (a retry overtook the first try).
    if matches!(status, 408 | 409 | 429) || status >= 500 {
        return Err(WriteError::Retry(format!("HTTP {status}")));
    }
    let text = match resp.text() {
        Ok(p) => wasm_bindgen_futures::JsFuture::from(p).await.ok().and_then(|v| v.as_string()).unwrap_or_default(),
        Err(_) => String::new(),
    };
    Err(WriteError::Rejected(rejection_reason(&text).unwrap_or_else(|| format!("HTTP {status}"))))
}

/// The `error` text of a rejection body `{"error": "..."}`, cleaned and bounded; `None` when absent.
pub fn rejection_reason(body: &str) -> Option<String> {
    if body.len() > crate::model::documents::MAX_DOC_BYTES {
        return None;
    }
    let v: serde_json::Value = serde_json::from_str(body).ok()?;
    let text = crate::model::text::clean_text(v.get("error")?.as_str()?);
    let cut: String = text.chars().take(MAX_REASON_CHARS).collect();
    (!cut.is_empty()).then_some(cut)
}
