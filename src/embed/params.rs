//! The query parameters of an embed (`?embed=1&id=…&origin=…&theme=…&lang=…`), which the loader script
//! appends to the frame's URL. They are attacker-controlled like any URL: a bad value is dropped (the app
//! then behaves as if it were absent), never trusted. `lang` is read by the app's normal language choice.

use super::protocol::Theme;
use crate::model::text::is_valid_id;

/// Longest `origin=` value looked at.
const MAX_ORIGIN_LEN: usize = 256;

/// What the URL of an embedded page says.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct EmbedParams {
    /// The host's id for this frame, echoed in `ready` (and expected back in `hello`).
    pub id: Option<String>,
    /// The origin the host says it has; only a hint for [`super::choose_host_origin`].
    pub origin: Option<String>,
    /// The colour scheme to start with.
    pub theme: Option<Theme>,
}

impl EmbedParams {
    /// Reads the parameters through `get` (a query lookup). `None` unless `embed=1`: embed mode is opt-in
    /// per page load, so a normal visit never loses its header.
    pub fn from_query(get: impl Fn(&str) -> Option<String>) -> Option<EmbedParams> {
        if get("embed").as_deref() != Some("1") {
            return None;
        }
        Some(EmbedParams {
            id: get("id").filter(|id| is_valid_embed_id(id)),
            origin: get("origin").filter(|o| !o.is_empty() && o.len() <= MAX_ORIGIN_LEN),
            theme: get("theme").as_deref().and_then(Theme::from_tag),
        })
    }
}

/// Whether `id` can be an embed id: the contract's id alphabet (1 to 64 of `[A-Za-z0-9_-]`), so it is safe
/// in a URL and in a log line.
pub fn is_valid_embed_id(id: &str) -> bool {
    is_valid_id(id)
}
