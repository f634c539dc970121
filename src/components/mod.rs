//! Reusable pieces of the UI. Each takes plain data (an item, a list) and reads shared state only through
//! `use_ctx`, so pages stay thin.

pub mod card;
pub mod choice;
pub mod coupon;
pub mod creator_strip;
pub mod fan_level;
pub mod follow;
pub mod following;
pub mod header;
pub mod icons;
pub mod impressions;
pub mod item_menu;
pub mod masonry;
pub mod paged_feed;
pub mod share;
pub mod sheet;
pub mod shortcuts;
pub mod states;
pub mod stylesheet;
pub mod toast;
pub mod venue_banner;
pub mod verified;
pub mod viewport;
