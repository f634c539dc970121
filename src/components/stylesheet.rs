//! Stylesheets beside index.html that only some routes need (`pages.css` for every page but the feed,
//! `studio.css` for the creators' studio), so a viewer's first load carries only the feed's rules.

use crate::api::{page_helper, settled};

/// Adds the stylesheet `href` to the document once (`first-screen.js`'s `guangSheet`); the returned promise
/// settles when it has loaded or failed (the page then shows unstyled rather than not at all). Calling
/// again returns the same promise, so a route can start the load, fetch its code meanwhile, and then wait
/// with [`loaded`].
pub fn stylesheet(href: &str) -> Option<js_sys::Promise> {
    page_helper("guangSheet", &href.into())
}

/// Waits for a load [`stylesheet`] started.
pub async fn loaded(sheet: Option<js_sys::Promise>) {
    settled(sheet).await;
}
