//! Guang (逛): an embeddable content-discovery feed that runs entirely in the browser.
//!
//! The crate is split by role. `model` (the data contract), `format` (locale-aware numbers and times) and
//! `rank` are pure Rust and build without the `app` feature, so they test natively in seconds; everything
//! that touches the browser lives behind `app`.

pub mod embed;
pub mod format;
pub mod i18n;
pub mod model;
pub mod rank;
pub mod social;

#[cfg(feature = "app")]
pub mod api;
#[cfg(feature = "app")]
pub mod app;
#[cfg(feature = "app")]
pub mod components;
#[cfg(feature = "app")]
pub mod pages;
#[cfg(feature = "app")]
pub mod shell;
#[cfg(feature = "app")]
pub mod storage;
