//! Data contract v1 (docs/api.md): the documents Guang reads, their validation, and the URL and text policy
//! for everything that comes from outside. No browser types, so it is tested natively.

pub mod compose;
pub mod config;
pub mod coupon;
pub mod creator;
pub mod documents;
pub mod draft;
pub mod embedding;
pub mod item;
pub mod keys;
pub mod prefs;
pub mod problem;
pub mod profile_compose;
pub mod shelf;
pub mod text;
pub mod time;
pub mod url;
pub mod venue;

pub use config::{parse_config, AppConfig};
pub use coupon::{Coupon, CouponState};
pub use creator::{Campaign, Channel, Collab, Creator, CreatorStats, Names, ShareByLevel, Traffic};
pub use documents::{parse_creator_doc, parse_feed_page, parse_index, parse_item_doc, DocError, FeedPage, Index};
pub use draft::{validate_draft, Draft};
pub use embedding::Embedding;
pub use item::{CreatorRef, Image, Item, Kind, LiveStatus, Media, Price, Product, Stats, Translation};
pub use problem::{Problem, ProblemKind};
pub use url::{ApiBase, UrlError};
pub use venue::{parse_venue_doc, Phase, Venue};
