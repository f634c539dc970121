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
    let resp = Request::get(url)
        .header("Accept", "application/json")
        .send()
        .await
        .map_err(|e| FetchError::Network(e.to_string()))?;
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
    resp.text().await.map_err(|e| FetchError::Network(e.to_string()))
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
}

/// Resolves a contract path against the base. Paths built by [`paths`] from valid ids always resolve.
pub fn url(base: &ApiBase, path: &str) -> String {
    base.resolve(path).unwrap_or_else(|_| base.as_url())
}
