//! The user's display and playback choices: colour scheme and video autoplay. Kept on the device as a small
//! versioned document. Storage is as hostile as the network (another script on the origin, a hand edit, an
//! older or newer Guang), so it is read field by field and anything unreadable is refused with a reason: the
//! caller then starts from the defaults and tells the user, and nothing else is touched.

use serde_json::Value;

/// Version of the stored document, so a Guang that reads another layout refuses it (and resets with a
/// notice) instead of misreading it.
pub const PREFS_VERSION: u64 = 1;

/// Largest stored document read back; the real one is under 60 bytes, so anything bigger is not ours.
const MAX_PREFS_BYTES: usize = 1024;

/// A colour scheme choice.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Theme {
    /// Always light.
    Light,
    /// Always dark.
    Dark,
    /// Follow the system (the default).
    #[default]
    System,
}

impl Theme {
    /// Every choice, in the order the settings page lists them.
    pub const ALL: [Theme; 3] = [Theme::System, Theme::Light, Theme::Dark];

    /// Parses the stored and protocol spelling (`light`, `dark`, `system`); anything else is `None`.
    pub fn from_tag(tag: &str) -> Option<Theme> {
        Theme::ALL.into_iter().find(|t| t.tag() == tag)
    }

    /// The spelling used in storage, URLs and embed messages.
    pub fn tag(self) -> &'static str {
        match self {
            Theme::Light => "light",
            Theme::Dark => "dark",
            Theme::System => "system",
        }
    }

    /// The class on `<html>` that pins the scheme (`style/main.css`), or `None` to follow the system.
    pub fn class(self) -> Option<&'static str> {
        match self {
            Theme::Light => Some("theme-light"),
            Theme::Dark => Some("theme-dark"),
            Theme::System => None,
        }
    }
}

/// Display and playback settings.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Prefs {
    /// Colour scheme.
    pub theme: Theme,
    /// Whether a video may start by itself, muted, while it is in view. On by default, as in the apps people
    /// know; the system's reduced-motion setting overrides it (see [`Prefs::autoplays`]).
    pub autoplay: bool,
}

impl Default for Prefs {
    fn default() -> Self {
        Prefs { theme: Theme::System, autoplay: true }
    }
}

impl Prefs {
    /// Whether videos start by themselves now: only when the user allows it and the system does not ask for
    /// reduced motion. Even then they start muted; sound is always the user's own action.
    pub fn autoplays(&self, reduced_motion: bool) -> bool {
        self.autoplay && !reduced_motion
    }

    /// The stored document.
    pub fn to_json(&self) -> String {
        format!(r#"{{"version":{PREFS_VERSION},"theme":"{}","autoplay":{}}}"#, self.theme.tag(), self.autoplay)
    }

    /// Reads a stored document. A missing field takes its default (a document from before the field
    /// existed); a present field of the wrong kind, an unknown theme, another version, or text that is not a
    /// JSON object is refused with the reason.
    pub fn from_json(json: &str) -> Result<Prefs, String> {
        if json.len() > MAX_PREFS_BYTES {
            return Err(format!("settings larger than {MAX_PREFS_BYTES} bytes"));
        }
        let doc: Value = serde_json::from_str(json).map_err(|e| format!("settings are not JSON: {e}"))?;
        let obj = doc.as_object().ok_or("settings are not a JSON object")?;
        match obj.get("version").map(Value::as_u64) {
            Some(Some(PREFS_VERSION)) => {}
            Some(Some(v)) => return Err(format!("settings version {v} is not supported")),
            _ => return Err("settings have no version".into()),
        }
        let mut prefs = Prefs::default();
        if let Some(v) = obj.get("theme") {
            prefs.theme = v.as_str().and_then(Theme::from_tag).ok_or_else(|| format!("theme: unknown value {v}"))?;
        }
        if let Some(v) = obj.get("autoplay") {
            prefs.autoplay = v.as_bool().ok_or_else(|| format!("autoplay: expected true or false, got {v}"))?;
        }
        Ok(prefs)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_setting_survives_a_round_trip() {
        for theme in Theme::ALL {
            for autoplay in [true, false] {
                let p = Prefs { theme, autoplay };
                assert_eq!(Prefs::from_json(&p.to_json()), Ok(p));
            }
        }
    }

    #[test]
    fn missing_fields_take_their_defaults() {
        assert_eq!(Prefs::from_json(r#"{"version":1}"#), Ok(Prefs::default()));
        let dark = Prefs::from_json(r#"{"version":1,"theme":"dark"}"#).unwrap();
        assert_eq!(dark, Prefs { theme: Theme::Dark, autoplay: true });
    }

    #[test]
    fn unreadable_documents_are_refused_with_a_reason() {
        let cases = [
            ("", "not JSON"),
            ("{", "not JSON"),
            ("[1]", "not a JSON object"),
            (r#"{"theme":"dark"}"#, "no version"),
            (r#"{"version":"1"}"#, "no version"),
            (r#"{"version":2}"#, "version 2"),
            (r#"{"version":1,"theme":"neon"}"#, "theme"),
            (r#"{"version":1,"theme":7}"#, "theme"),
            (r#"{"version":1,"autoplay":"yes"}"#, "autoplay"),
            (r#"{"version":1,"autoplay":null}"#, "autoplay"),
        ];
        for (json, why) in cases {
            let err = Prefs::from_json(json).expect_err(json);
            assert!(err.contains(why), "{json}: {err}");
        }
        let huge = format!(r#"{{"version":1,"pad":"{}"}}"#, "x".repeat(2000));
        assert!(Prefs::from_json(&huge).unwrap_err().contains("larger"));
    }

    #[test]
    fn videos_autoplay_only_when_allowed_and_motion_is_not_reduced() {
        let on = Prefs::default();
        let off = Prefs { autoplay: false, ..on };
        assert!(on.autoplays(false));
        assert!(!on.autoplays(true));
        assert!(!off.autoplays(false));
        assert!(!off.autoplays(true));
    }

    #[test]
    fn themes_parse_only_their_own_spelling() {
        for t in Theme::ALL {
            assert_eq!(Theme::from_tag(t.tag()), Some(t));
        }
        assert_eq!(Theme::from_tag("Dark"), None);
        assert_eq!(Theme::from_tag(""), None);
        assert_eq!(Theme::Dark.class(), Some("theme-dark"));
        assert_eq!(Theme::System.class(), None);
    }
}
