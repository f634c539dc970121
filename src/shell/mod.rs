//! The shell, above `pages/` and `components/`: start-up ([`boot`]) and the router ([`routes`]). Pages and
//! components take shared state from `app/`, below them, so every import points down and a route is
//! declared in one place. [`lazy`] holds what a split build (`--features split`) loads later.

pub mod boot;
mod lazy;
pub mod routes;

pub use boot::boot;
