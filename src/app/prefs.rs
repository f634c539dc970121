//! Settings in the browser: the saved [`Prefs`], the colour scheme pinned on `<html>`, and the system's
//! reduced-motion setting, which overrides video autoplay.

use leptos::prelude::*;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

use crate::model::prefs::{Prefs, Theme};
use crate::storage;

/// Key under which the settings are saved.
const PREFS_KEY: &str = "prefs";

/// The user's settings and what the system says about motion, shared by the settings page, the item page's
/// video and the shell (which applies the theme).
#[derive(Clone, Copy)]
pub struct Settings {
    /// The saved choices.
    pub prefs: RwSignal<Prefs>,
    /// Whether the system asks for reduced motion (`prefers-reduced-motion: reduce`), kept current.
    pub reduced_motion: RwSignal<bool>,
}

impl Settings {
    /// Loads the saved settings. Unreadable ones are removed and replaced by the defaults; the second value
    /// says so, for a notice.
    pub fn load() -> (Settings, bool) {
        let (prefs, reset) = match storage::get(PREFS_KEY).map(|json| Prefs::from_json(&json)) {
            None => (Prefs::default(), false),
            Some(Ok(p)) => (p, false),
            Some(Err(why)) => {
                leptos::logging::warn!("guang: saved settings unreadable ({why}); using the defaults");
                storage::remove(PREFS_KEY);
                (Prefs::default(), true)
            }
        };
        let settings = Settings { prefs: RwSignal::new(prefs), reduced_motion: RwSignal::new(false) };
        settings.watch_motion();
        (settings, reset)
    }

    /// Changes and saves the settings.
    pub fn update(self, change: impl FnOnce(&mut Prefs)) {
        self.prefs.update(change);
        storage::set(PREFS_KEY, &self.prefs.get_untracked().to_json());
    }

    /// Whether a video may start by itself (muted) now. Tracked.
    pub fn autoplays(self) -> bool {
        self.prefs.get().autoplays(self.reduced_motion.get())
    }

    fn watch_motion(self) {
        let Some(query) =
            web_sys::window().and_then(|w| w.match_media("(prefers-reduced-motion: reduce)").ok().flatten())
        else {
            return;
        };
        self.reduced_motion.set(query.matches());
        let reduced = self.reduced_motion;
        let watched = query.clone();
        let on_change = Closure::<dyn FnMut()>::new(move || {
            reduced.try_set(watched.matches());
        });
        let _ = query.add_event_listener_with_callback("change", on_change.as_ref().unchecked_ref());
        // Lives as long as the app, like the settings themselves.
        on_change.forget();
    }
}

/// Pins the colour scheme with `style/main.css`'s `theme-light` / `theme-dark` on `<html>`, or follows the
/// system again. The browser's own bar follows too: `index.html`'s two `theme-color` metas (one per system
/// scheme) both take the pinned scheme's background.
pub fn pin_theme(theme: Theme) {
    let Some(doc) = web_sys::window().and_then(|w| w.document()) else { return };
    let Some(el) = doc.document_element() else { return };
    let classes = el.class_list();
    let _ = classes.remove_2("theme-light", "theme-dark");
    if let Some(class) = theme.class() {
        let _ = classes.add_1(class);
    }
    let Ok(metas) = doc.query_selector_all("meta[name=theme-color]") else { return };
    for meta in (0..metas.length()).filter_map(|i| metas.item(i)?.dyn_into::<web_sys::Element>().ok()) {
        let dark = match theme {
            Theme::System => meta.get_attribute("media").is_some_and(|m| m.contains("dark")),
            pinned => pinned == Theme::Dark,
        };
        // The page backgrounds of style/main.css.
        let _ = meta.set_attribute("content", if dark { "#111111" } else { "#ffffff" });
    }
}

/// Applies the user's saved scheme before the first render, so a dark choice does not flash light. Embedded,
/// the host's theme applies instead. Reads without resetting: [`Settings::load`] reports a corrupt document.
pub fn pin_saved_theme() {
    if crate::app::embed::active() {
        return;
    }
    if let Some(p) = storage::get(PREFS_KEY).and_then(|json| Prefs::from_json(&json).ok()) {
        pin_theme(p.theme);
    }
}
