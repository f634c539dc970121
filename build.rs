//! Generates the typed translation module from `locales/*.json` with leptos_i18n's own parser and code
//! generator, only when the browser app is built (the pure core has no UI strings).

use leptos_i18n_codegen::gen_code;
use leptos_i18n_parser::parse_locales::{
    options::{Config, ParseOptions},
    parse_locales,
};
use std::path::PathBuf;

fn main() {
    println!("cargo::rerun-if-changed=build.rs");
    println!("cargo::rerun-if-changed=locales");
    if std::env::var_os("CARGO_FEATURE_APP").is_none() {
        return;
    }
    let cfg = Config::new("zh-CN")
        .and_then(|c| c.add_locale("en"))
        .map(|c| c.parse_options(ParseOptions::new().interpolate_display(true)));
    let parsed = cfg.and_then(|cfg| parse_locales(None, cfg));
    let parsed = match parsed {
        Ok(p) => p,
        Err(e) => panic!("locales: {e}"),
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
        Err(e) => panic!("locales: {e}"),
    };
    let out = PathBuf::from(std::env::var("OUT_DIR").expect("cargo sets OUT_DIR")).join("i18n_gen.rs");
    std::fs::write(&out, code.to_string()).expect("write the generated i18n module");
}
