//! The UI language, and every user-visible string in zh-CN and en.
//!
//! The strings live in `locales/zh-CN.json` and `locales/en.json`, where translators edit them. At build time
//! `build.rs` runs leptos_i18n's parser and code generator over them, so a key used in code but missing from a
//! file, a key missing from one language, or a missing or misspelt `{{ placeholder }}` argument fails the build
//! instead of leaving a blank in the UI. [`Locale`] itself stays free of Leptos, so the data model and the
//! embed protocol can name a language in native tests.

#[cfg(feature = "app")]
mod strings;
#[cfg(feature = "app")]
pub mod studio;
#[cfg(feature = "app")]
pub use strings::*;

/// A UI language.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default)]
pub enum Locale {
    /// Simplified Chinese, the default.
    #[default]
    Zh,
    /// English.
    En,
}

impl Locale {
    /// The BCP 47 tag, also the key of content translations.
    pub fn tag(self) -> &'static str {
        match self {
            Locale::Zh => "zh-CN",
            Locale::En => "en",
        }
    }

    /// Maps a language tag (`zh`, `zh-Hans-CN`, `en-GB`, ...) to a UI language, if we speak it.
    pub fn from_tag(tag: &str) -> Option<Locale> {
        let lower = tag.trim().to_ascii_lowercase();
        let primary = lower.split(['-', '_']).next().unwrap_or("");
        match primary {
            "zh" => Some(Locale::Zh),
            "en" => Some(Locale::En),
            _ => None,
        }
    }

    /// The other language, for the language switch.
    pub fn other(self) -> Locale {
        match self {
            Locale::Zh => Locale::En,
            Locale::En => Locale::Zh,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn language_tags_map_to_ui_languages() {
        assert_eq!(Locale::from_tag("zh-Hans-CN"), Some(Locale::Zh));
        assert_eq!(Locale::from_tag("en-GB"), Some(Locale::En));
        assert_eq!(Locale::from_tag("EN"), Some(Locale::En));
        assert_eq!(Locale::from_tag("fr"), None);
    }
}
