//! Which origin Guang talks to when it runs in a frame, and which incoming messages it listens to.
//!
//! `postMessage` is only as safe as its target origin: `*` hands every message to whoever framed the page,
//! and a listener that checks nothing takes orders from any window. So Guang picks exactly one host origin,
//! once, from what the browser tells it about its parent, and only if the deployment's `config.json` lists it
//! in `embed_origins`; with no such origin it sends nothing at all. The URL's `?origin=` is only a hint (the
//! loader sets it for browsers that do not expose `location.ancestorOrigins`): it can choose among allowed
//! origins but never add one, and when it disagrees with what the browser says, nothing is sent. Even a
//! wrong pick leaks nothing, because the browser delivers a message only to a window of the target origin.

use std::fmt;

use crate::social::url_origin;

/// What the page knows about its host, borrowed from the config, the URL and the browser by the caller.
#[derive(Clone, Copy, Debug, Default)]
pub struct HostHints<'a> {
    /// `embed_origins` from `config.json`: the only origins Guang will ever talk to.
    pub allowed: &'a [String],
    /// Whether the page runs in a frame at all (`window.parent !== window`).
    pub framed: bool,
    /// `location.ancestorOrigins[0]`, the parent's origin as the browser reports it (Chromium, WebKit).
    pub ancestor: Option<&'a str>,
    /// The `?origin=` query value.
    pub query: Option<&'a str>,
    /// `document.referrer` (the parent page's URL or origin when the frame was loaded); empty when none.
    pub referrer: Option<&'a str>,
}

/// Why no host origin was chosen; logged once, so a host developer sees why nothing arrives.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum OriginRefusal {
    /// The page is not in a frame: there is no host to talk to.
    NotFramed,
    /// `config.json` allows no embedding origins.
    NoAllowList,
    /// Neither the browser nor the URL names the parent's origin.
    Unknown,
    /// `?origin=` is not an http(s) origin (`*` and `null` included).
    InvalidHint,
    /// Two sources disagree about the parent's origin.
    Mismatch(String, String),
    /// The parent's origin is not in `embed_origins`.
    NotAllowed(String),
}

impl fmt::Display for OriginRefusal {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            OriginRefusal::NotFramed => write!(f, "not in a frame"),
            OriginRefusal::NoAllowList => write!(f, "config.json lists no embed_origins"),
            OriginRefusal::Unknown => {
                write!(f, "the host's origin is unknown (no ancestor origin, ?origin= or referrer)")
            }
            OriginRefusal::InvalidHint => write!(f, "?origin= is not an http(s) origin"),
            OriginRefusal::Mismatch(a, b) => write!(f, "the host's origin is ambiguous ({a} or {b})"),
            OriginRefusal::NotAllowed(o) => write!(f, "{o} is not in config.json's embed_origins"),
        }
    }
}

/// Picks the host origin: the browser's ancestor origin when it reports one, else `?origin=`, else the
/// referrer's origin; any two that are present must agree; the result must be in the allow-list. Never `*`.
pub fn choose_host_origin<'a>(h: &HostHints<'a>) -> Result<String, OriginRefusal> {
    if !h.framed {
        return Err(OriginRefusal::NotFramed);
    }
    let allowed: Vec<String> = h.allowed.iter().filter_map(|o| url_origin(o)).collect();
    if allowed.is_empty() {
        return Err(OriginRefusal::NoAllowList);
    }
    let present = |v: Option<&'a str>| v.map(str::trim).filter(|s| !s.is_empty());
    let query = match present(h.query) {
        Some(q) => Some(url_origin(q).ok_or(OriginRefusal::InvalidHint)?),
        None => None,
    };
    // An ancestor origin that is not http(s) ("null" for a sandboxed or file: parent) cannot be allowed.
    let ancestor = present(h.ancestor).map(|a| url_origin(a).ok_or_else(|| OriginRefusal::NotAllowed(a.to_string())));
    let referrer = present(h.referrer).and_then(url_origin);
    let chosen = match (ancestor, query, referrer) {
        (Some(a), q, _) => {
            let a = a?;
            match q {
                Some(q) if q != a => return Err(OriginRefusal::Mismatch(a, q)),
                _ => a,
            }
        }
        (None, Some(q), Some(r)) if q != r => return Err(OriginRefusal::Mismatch(q, r)),
        (None, Some(q), _) => q,
        (None, None, Some(r)) => r,
        (None, None, None) => return Err(OriginRefusal::Unknown),
    };
    if allowed.contains(&chosen) {
        Ok(chosen)
    } else {
        Err(OriginRefusal::NotAllowed(chosen))
    }
}

/// Whether a message event's `origin` is the chosen host origin (exactly, after normalisation). The caller
/// also checks that the event's `source` is the parent window: an allowed origin in another tab or frame is
/// not the host.
pub fn accepts_origin(host: &str, event_origin: &str) -> bool {
    url_origin(event_origin).is_some_and(|o| o == host)
}
