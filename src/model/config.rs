//! The runtime `config.json` beside `index.html`: a deploy-time setting (where the API is, which origins may
//! embed the app), never something a query parameter can change.

use serde::Deserialize;

use super::documents::{DocError, CONTRACT_VERSION, MAX_DOC_BYTES};
use super::problem::{ProblemKind, Problems};
use super::url::{scheme_of, ApiBase, UrlError};

/// Locales the UI speaks; the first is the default.
pub const UI_LOCALES: [&str; 2] = ["zh-CN", "en"];

/// Deployment settings, validated.
#[derive(Clone, Debug, PartialEq)]
pub struct AppConfig {
    /// API base, as written (absolute, or relative to the page); the app resolves it against the page URL.
    pub api_base: String,
    /// UI locale when neither the user nor the browser chooses one.
    pub default_locale: String,
    /// Origins (`https://host[:port]`) allowed to embed the app and receive its messages.
    pub embed_origins: Vec<String>,
    /// Whether the API accepts writes (follows, events); otherwise everything stays on the device.
    pub api_writes: bool,
}

impl Default for AppConfig {
    fn default() -> Self {
        Self {
            api_base: "api/v1/".into(),
            default_locale: UI_LOCALES[0].into(),
            embed_origins: Vec::new(),
            api_writes: false,
        }
    }
}

#[derive(Deserialize)]
struct Raw {
    version: u64,
    api_base: String,
    #[serde(default)]
    default_locale: Option<String>,
    #[serde(default)]
    embed_origins: Vec<String>,
    #[serde(default)]
    api_writes: bool,
}

/// Parses and validates `config.json`. Unknown locales fall back to the default; a bad embed origin or an
/// API base with a forbidden scheme refuses the whole file, since a half-applied deployment setting is a
/// security surprise.
pub fn parse_config(json: &str) -> Result<AppConfig, DocError> {
    if json.len() > MAX_DOC_BYTES {
        return Err(DocError::TooLarge(json.len()));
    }
    let raw: Raw =
        serde_json::from_value(super::documents::parse_value(json)?).map_err(|e| DocError::Malformed(e.to_string()))?;
    if raw.version != CONTRACT_VERSION {
        return Err(DocError::UnsupportedVersion(raw.version));
    }
    let mut p = Problems::default();
    let base = raw.api_base.trim().to_string();
    let scheme_ok = if base.is_empty() {
        Err(UrlError::Empty)
    } else if base.starts_with("//") {
        Err(UrlError::ProtocolRelative)
    } else if let Some(scheme) = scheme_of(&base) {
        if scheme == "http" || scheme == "https" {
            ApiBase::parse(&base).map(|_| ())
        } else {
            Err(UrlError::ForbiddenScheme(scheme))
        }
    } else {
        Ok(())
    };
    if let Err(e) = scheme_ok {
        p.add("api_base", ProblemKind::BadUrl(e));
    }
    for (i, origin) in raw.embed_origins.iter().enumerate() {
        match ApiBase::parse(origin) {
            // An origin is scheme://host[:port] and nothing else: no path, query or wildcard.
            Ok(b) if b.as_url() == format!("{}/", b.origin()) && origin.trim_end_matches('/') == b.origin() => {}
            Ok(_) => p.add(format!("embed_origins[{i}]"), ProblemKind::BadUrl(UrlError::Malformed)),
            Err(e) => p.add(format!("embed_origins[{i}]"), ProblemKind::BadUrl(e)),
        }
    }
    if !p.is_empty() {
        return Err(DocError::Invalid(p.into_vec()));
    }
    let default_locale =
        raw.default_locale.filter(|l| UI_LOCALES.contains(&l.as_str())).unwrap_or_else(|| UI_LOCALES[0].to_string());
    Ok(AppConfig {
        api_base: base,
        default_locale,
        embed_origins: raw.embed_origins.iter().map(|o| o.trim_end_matches('/').to_string()).collect(),
        api_writes: raw.api_writes,
    })
}
