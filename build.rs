//! Generates the typed UI-string module from `locales/*.json` with leptos_i18n's own parser and code generator,
//! only when the browser app is built: the pure core (demo generator, evaluation, benches) has no UI strings.

fn main() {
    println!("cargo::rerun-if-changed=build.rs");
    println!("cargo::rerun-if-changed=locales");
    #[cfg(feature = "app")]
    strings::generate();
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
