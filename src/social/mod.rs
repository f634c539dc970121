//! Social features that need no server: share codes (口令) and QR codes for sharing, the on-device follow list
//! with its write outbox, traffic-source attribution and fan levels. Pure Rust like `model` and `rank`, so it builds
//! without the `app` feature and is tested natively.

pub mod attribution;
pub mod fans;
pub mod follows;
mod landing;
pub mod qr;
pub mod share_code;

pub use attribution::{classify_landing, share_level, Attribution, Landing, Source, VisitEvent, VisitLevels};
pub use fans::{FanLedger, FanLevel, FanRules, Standing};
pub use follows::{Followed, Follows, Rollback, WriteOutcome, WriteRequest};
pub use qr::{qr_svg, QrSvg};
pub use share_code::{decode_share_code, encode_share_code, CodeError, ShareTarget};

/// Reads a document this app stored on the device: at most `max` bytes of JSON whose `version` is `version`.
/// Storage is hostile input (another tab, an extension, an older build), so the three stores that keep
/// documents (follows, attribution, fan levels) refuse the same things the same way; `what` names the store in
/// the reason that gets logged.
pub(crate) fn read_versioned(json: &str, what: &str, max: usize, version: u64) -> Result<serde_json::Value, String> {
    if json.len() > max {
        return Err(format!("{what}: larger than {max} bytes"));
    }
    let doc: serde_json::Value = serde_json::from_str(json).map_err(|e| format!("{what}: not JSON: {e}"))?;
    match doc.get("version").and_then(serde_json::Value::as_u64) {
        Some(v) if v == version => Ok(doc),
        Some(v) => Err(format!("{what}: version {v} is not supported")),
        None => Err(format!("{what}: no version")),
    }
}

/// The normalised origin of an http(s) URL, shared with the embed origin rule.
pub(crate) use landing::origin as url_origin;
