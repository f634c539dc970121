//! The translation files themselves: both languages have the same keys with the same placeholders, and no
//! string is empty. The build already refuses a key missing from one language (build.rs); this also catches
//! a placeholder a translator dropped or renamed, which would otherwise show a raw `{{ n }}` or lose a value.

use std::collections::{BTreeMap, BTreeSet};

fn load(name: &str) -> BTreeMap<String, String> {
    let path = format!("{}/locales/{name}.json", env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{path}: flat string keys expected: {e}"))
}

fn placeholders(s: &str) -> BTreeSet<String> {
    s.split("{{").skip(1).filter_map(|rest| rest.split_once("}}")).map(|(name, _)| name.trim().to_string()).collect()
}

#[test]
fn both_languages_have_the_same_keys_and_placeholders() {
    let (zh, en) = (load("zh-CN"), load("en"));
    let zh_keys: BTreeSet<_> = zh.keys().collect();
    let en_keys: BTreeSet<_> = en.keys().collect();
    assert_eq!(zh_keys, en_keys, "keys differ between zh-CN and en");
    for (key, zh_text) in &zh {
        let en_text = &en[key];
        assert_eq!(placeholders(zh_text), placeholders(en_text), "`{key}`: {zh_text:?} vs {en_text:?}");
        assert!(!zh_text.trim().is_empty() && !en_text.trim().is_empty(), "`{key}` is empty");
    }
    assert!(zh.len() > 200, "only {} strings: is this the right file?", zh.len());
}

#[test]
fn placeholders_are_read_like_leptos_i18n_reads_them() {
    assert_eq!(placeholders("第 {{ n }} 张，共 {{total}} 张"), BTreeSet::from(["n".into(), "total".into()]));
    assert!(placeholders("no placeholders { here }").is_empty());
}
