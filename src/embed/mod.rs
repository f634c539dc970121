//! Embed mode without the browser: the versioned postMessage protocol between Guang in a frame and the page
//! (or native webview) that hosts it, the rule that picks the one origin Guang talks to, the URL parameters
//! of an embed, and the webview user agents that change how sharing works.
//!
//! Pure Rust like `model` and `social`: everything a hostile host page, a mistyped config or a forged
//! message could get wrong is decided here and tested natively; `app::embed` only moves values between
//! these functions and the browser. See `docs/embed.md` for the protocol as hosts see it.

pub mod origin;
pub mod params;
pub mod protocol;
pub mod webview;

#[cfg(test)]
mod tests;

pub use origin::{accepts_origin, choose_host_origin, HostHints, OriginRefusal};
pub use params::{is_valid_embed_id, EmbedParams};
pub use protocol::{
    open_target, parse_from_host, parse_from_host_json, FromHost, Navigation, OpenKind, ProtocolError, ShareMethod,
    Theme, ToHost, MAX_MESSAGE_BYTES, PROTOCOL_VERSION,
};
pub use webview::{detect_webview, Webview};
