//! Generates the typed UI-string module from `locales/*.json` with leptos_i18n's own parser and code generator,
//! only when the browser app is built: the pure core (demo generator, evaluation, benches) has no UI strings.

fn main() {
    println!("cargo::rerun-if-changed=build.rs");
    println!("cargo::rerun-if-changed=locales");
    #[cfg(feature = "app")]
    strings::generate();
    #[cfg(feature = "app")]
    studio_strings::generate();
    // The wasm splitter (scripts/split-wasm.mjs) needs the linker's relocations to move functions into chunks.
    let wasm = std::env::var("CARGO_CFG_TARGET_ARCH").is_ok_and(|a| a == "wasm32");
    if wasm && std::env::var_os("CARGO_FEATURE_SPLIT").is_some() {
        println!("cargo::rustc-link-arg-bins=--emit-relocs");
    }
}

#[cfg(feature = "app")]
mod strings {
    use leptos_i18n_codegen::gen_code;
    use leptos_i18n_parser::parse_locales::{
        options::{Config, ParseOptions},
        parse_locales,
    };
    use std::path::PathBuf;

    /// Writes `$OUT_DIR/i18n_gen.rs`, included by `src/i18n/strings.rs`.
    pub fn generate() {
        // zh-CN is the default; `interpolate_display` lets `td_string!` fill `{{ placeholders }}` into a String.
        let cfg = Config::new("zh-CN")
            .and_then(|c| c.add_locale("en"))
            .map(|c| c.parse_options(ParseOptions::new().interpolate_display(true)));
        let parsed = match cfg.and_then(|cfg| parse_locales(None, cfg)) {
            Ok(p) => p,
            Err(e) => panic!("locales/*.json: {e}"),
        };
        // leptos_i18n only warns about a key missing from one language (and shows the default language's string
        // there); for Guang a missing translation is a build error.
        let warnings = parsed.diag.warnings();
        if !warnings.is_empty() {
            let all: Vec<String> = warnings.iter().map(|w| w.to_string()).collect();
            panic!("locales/*.json:\n{}", all.join("\n"));
        }
        let code = match gen_code(&parsed, None, false, None, true) {
            Ok(c) => c,
            Err(e) => panic!("locales/*.json: {e}"),
        };
        let out = PathBuf::from(std::env::var("OUT_DIR").expect("cargo sets OUT_DIR")).join("i18n_gen.rs");
        std::fs::write(&out, code.to_string()).expect("write the generated i18n module");
    }
}

/// The studio's strings (`locales/studio/*.json`) are a table of their own, fetched when the studio opens, so
/// the viewer's first load carries none of their text (string data stays in the main wasm module even when
/// the code using it is a lazy chunk). Checked here like the app's table: both languages have the same keys
/// and the same `{placeholders}`; the generated enum names each key, so code cannot use a missing one.
#[cfg(feature = "app")]
mod studio_strings {
    use std::collections::{BTreeMap, BTreeSet};
    use std::path::PathBuf;

    fn read(lang: &str) -> BTreeMap<String, String> {
        let path = format!("locales/studio/{lang}.json");
        let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
        serde_json::from_str(&text).unwrap_or_else(|e| panic!("{path}: {e}"))
    }

    fn placeholders(s: &str) -> BTreeSet<String> {
        s.split('{').skip(1).filter_map(|p| p.split_once('}').map(|(name, _)| name.to_string())).collect()
    }

    /// Writes `$OUT_DIR/studio_keys.rs`, included by `src/i18n/studio.rs`.
    pub fn generate() {
        println!("cargo::rerun-if-changed=locales/studio");
        let zh = read("zh-CN");
        let en = read("en");
        let keys: Vec<&String> = zh.keys().collect();
        if keys != en.keys().collect::<Vec<_>>() {
            let only_zh: Vec<_> = zh.keys().filter(|k| !en.contains_key(*k)).collect();
            let only_en: Vec<_> = en.keys().filter(|k| !zh.contains_key(*k)).collect();
            panic!("locales/studio: keys differ (only zh-CN: {only_zh:?}; only en: {only_en:?})");
        }
        let mut code = String::from(
            "/// A key of the studio's string table (`locales/studio/*.json`), in the table's sorted order.\n\
             #[allow(non_camel_case_types, missing_docs)]\n#[derive(Clone, Copy, Debug, PartialEq, Eq)]\n\
             pub enum S {\n",
        );
        for (key, zh_text) in &zh {
            let ok = key.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_');
            assert!(ok, "locales/studio: key {key:?} must be snake_case");
            assert_eq!(placeholders(zh_text), placeholders(&en[key]), "locales/studio: placeholders of {key} differ");
            code.push_str(&format!("    {key},\n"));
        }
        code.push_str("}\n");
        code.push_str(&format!("/// How many keys the table has.\npub const COUNT: usize = {};\n", keys.len()));
        code.push_str(&format!("/// FNV-1a of the keys, one per line: a served table of another build is refused.\npub const KEYS_HASH: u32 = {};\n", fnv(&keys)));
        let out = PathBuf::from(std::env::var("OUT_DIR").expect("cargo sets OUT_DIR")).join("studio_keys.rs");
        std::fs::write(&out, code).expect("write the studio's key module");
    }

    /// Must match `i18n::studio::keys_hash`.
    fn fnv(keys: &[&String]) -> u32 {
        let mut h: u32 = 0x811c_9dc5;
        for k in keys {
            for b in k.bytes().chain(std::iter::once(b'\n')) {
                h ^= u32::from(b);
                h = h.wrapping_mul(0x0100_0193);
            }
        }
        h
    }
}
