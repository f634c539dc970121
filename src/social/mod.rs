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

/// The normalised origin of an http(s) URL, shared with the embed origin rule.
pub(crate) use landing::origin as url_origin;
