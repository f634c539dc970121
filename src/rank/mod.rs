//! The in-wasm ranker: re-orders the cached, not-yet-shown items by local interest signals, in the spirit of
//! Taobao's EdgeRec (the server learns of a click a page late; the device can react at once). Pure Rust with
//! no browser types: the same code runs natively in tests, in the offline evaluation and in the browser.
//! docs/ranking.md describes the model, the weights and how it was evaluated.

pub mod candidate;
pub mod config;
pub mod explain;
pub mod intern;
pub mod place;
pub mod profile;
pub mod rerank;
pub mod rng;
pub mod score;
pub mod signal;
pub mod sort;
pub mod synthetic;
pub mod train;

pub use candidate::Candidate;
pub use config::RankConfig;
pub use explain::{explain, Reason};
pub use profile::{Dim, Profile, ProfileError};
pub use rerank::{is_blocked, rerank, rerank_unseen, Placement};
pub use score::{Breakdown, RankContext};
pub use signal::{Signal, SignalKind, Target};
