//! The creator studio's strings: a second table (`locales/studio/zh-CN.json`, `locales/studio/en.json`), fetched
//! when the studio opens instead of compiled in. The studio is for creators, and string data stays in the main
//! wasm module even when the code that shows it is a lazy chunk, so compiled-in strings would make every
//! viewer's first load carry the studio's text. build.rs checks both files have the same keys and
//! placeholders and generates [`S`], so code cannot name a missing key; a served table of another build (other
//! keys) is refused by its key hash.

use std::collections::BTreeMap;
use std::sync::Arc;

use leptos::prelude::*;
use leptos::task::spawn_local;

use super::Locale;
use crate::api::fetch_text;

#[allow(clippy::all)]
mod keys {
    include!(concat!(env!("OUT_DIR"), "/studio_keys.rs"));
}
pub use keys::S;

/// FNV-1a of the keys, one per line, as build.rs computes it.
fn keys_hash<'a>(keys: impl Iterator<Item = &'a String>) -> u32 {
    let mut h: u32 = 0x811c_9dc5;
    for k in keys {
        for b in k.bytes().chain(std::iter::once(b'\n')) {
            h ^= u32::from(b);
            h = h.wrapping_mul(0x0100_0193);
        }
    }
    h
}

/// Reads a served table: every key of this build, in key order, or why not.
pub fn parse_table(json: &str) -> Result<Vec<String>, String> {
    let map: BTreeMap<String, String> = serde_json::from_str(json).map_err(|e| e.to_string())?;
    if map.len() != keys::COUNT || keys_hash(map.keys()) != keys::KEYS_HASH {
        return Err("the studio's strings are of another version".into());
    }
    Ok(map.into_values().collect())
}

/// The loaded tables and the language to show; `Copy`, so views capture it freely.
#[derive(Clone, Copy)]
pub struct StudioText {
    locale: Signal<Locale>,
    zh: RwSignal<Option<Arc<Vec<String>>>>,
    en: RwSignal<Option<Arc<Vec<String>>>>,
    /// Set when the table of the current language could not be fetched or read.
    pub failed: RwSignal<bool>,
}

impl StudioText {
    /// Starts fetching the table of each language as it is needed.
    pub fn new(locale: Signal<Locale>) -> Self {
        let this = Self { locale, zh: RwSignal::new(None), en: RwSignal::new(None), failed: RwSignal::new(false) };
        let asked = StoredValue::new(Vec::<Locale>::new());
        Effect::new(move |_| {
            let l = locale.get();
            if this.failed.get() || asked.with_value(|a| a.contains(&l)) {
                return;
            }
            asked.update_value(|a| a.push(l));
            // Beside index.html (the document's base), not under the API base: the strings ship with the app.
            let url = format!("studio/{}.json", l.tag());
            spawn_local(async move {
                let table = match fetch_text(&url).await {
                    Ok(text) => parse_table(&text),
                    Err(e) => Err(e.to_string()),
                };
                match table {
                    Ok(t) => {
                        this.slot(l).try_set(Some(Arc::new(t)));
                    }
                    Err(e) => {
                        leptos::logging::warn!("guang: studio strings {url}: {e}");
                        asked.try_update_value(|a| a.retain(|x| *x != l));
                        this.failed.try_set(true);
                    }
                }
            });
        });
        this
    }

    fn slot(self, l: Locale) -> RwSignal<Option<Arc<Vec<String>>>> {
        match l {
            Locale::Zh => self.zh,
            Locale::En => self.en,
        }
    }

    /// Fetches again after a failure.
    pub fn retry(self) {
        self.failed.set(false);
    }

    /// Whether a table is here (the other language's arrives while its strings show empty for a moment).
    pub fn loaded(self) -> bool {
        self.zh.with(Option::is_some) || self.en.with(Option::is_some)
    }

    /// The string `key` in the current language (empty until the table arrives; views wait for [`Self::ready`]).
    pub fn t(self, key: S) -> String {
        let Some(l) = self.locale.try_get() else { return String::new() };
        self.slot(l)
            .try_with(|t| t.as_ref().and_then(|t| t.get(key as usize).cloned()).unwrap_or_default())
            .unwrap_or_default()
    }

    /// [`Self::t`] for code that may run after the studio closed (a finished upload): `None` then.
    pub fn try_t(self, key: S) -> Option<String> {
        let l = self.locale.try_get_untracked()?;
        self.slot(l).try_with_untracked(|t| t.as_ref().and_then(|t| t.get(key as usize).cloned()).unwrap_or_default())
    }

    /// The string `key` with its `{name}` placeholders filled.
    pub fn f(self, key: S, args: &[(&str, &dyn std::fmt::Display)]) -> String {
        let mut s = self.t(key);
        for (name, value) in args {
            s = s.replace(&format!("{{{name}}}"), &value.to_string());
        }
        s
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn served(lang: &str) -> String {
        std::fs::read_to_string(format!("{}/locales/studio/{lang}.json", env!("CARGO_MANIFEST_DIR"))).expect("table")
    }

    #[test]
    fn both_served_tables_read_in_key_order() {
        for lang in ["zh-CN", "en"] {
            let table = parse_table(&served(lang)).expect(lang);
            assert_eq!(table.len(), keys::COUNT);
            assert!(table.iter().all(|s| !s.trim().is_empty()), "{lang}: an empty string");
        }
    }

    #[test]
    fn a_table_of_another_build_is_refused() {
        let mut map: BTreeMap<String, String> = serde_json::from_str(&served("en")).expect("json");
        let first = map.keys().next().cloned().expect("a key");
        let v = map.remove(&first).expect("there");
        map.insert(format!("{first}_renamed"), v);
        assert!(parse_table(&serde_json::to_string(&map).expect("json")).is_err());
        assert!(parse_table("[1,2]").is_err());
        assert!(parse_table("{}").is_err());
    }
}
