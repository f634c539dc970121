//! URL policy for everything that comes from outside (API documents, config, share links).
//!
//! External data is hostile: only `http(s)` URLs and references relative to the API base may reach an `src`
//! or `href`. Everything else (`javascript:`, `data:`, protocol-relative `//host`, control characters) is
//! refused here, in pure Rust, so the rule is tested natively and no browser API decides it for us.

use std::fmt;

/// Longest URL accepted; longer ones are refused rather than truncated (a truncated URL is a different URL).
pub const MAX_URL_LEN: usize = 2048;

/// Why a URL was refused; shown in logs and in the creator studio's problem list.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum UrlError {
    /// Nothing but white space.
    Empty,
    /// Longer than [`MAX_URL_LEN`].
    TooLong,
    /// A scheme other than http or https, e.g. `javascript` or `data`.
    ForbiddenScheme(String),
    /// `//host/path`: the scheme would be inherited, which hides where the request goes.
    ProtocolRelative,
    /// White space, control characters, backslashes or an absolute URL without a host.
    Malformed,
}

impl fmt::Display for UrlError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            UrlError::Empty => write!(f, "empty URL"),
            UrlError::TooLong => write!(f, "URL longer than {MAX_URL_LEN} characters"),
            UrlError::ForbiddenScheme(s) => write!(f, "scheme `{s}:` is not allowed (only http and https)"),
            UrlError::ProtocolRelative => write!(f, "protocol-relative URL (//host) is not allowed"),
            UrlError::Malformed => write!(f, "malformed URL"),
        }
    }
}

/// The absolute http(s) base every relative reference in the API resolves against.
///
/// Kept as origin + directory path so resolution is string concatenation that cannot escape the scheme.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ApiBase {
    origin: String,
    dir: String,
}

impl ApiBase {
    /// Parses an absolute `http(s)://host[:port]/path` base; a missing trailing slash is added, because a base
    /// always names a directory of JSON files.
    pub fn parse(absolute: &str) -> Result<Self, UrlError> {
        let checked = check_chars(absolute)?;
        let (scheme, rest) = split_scheme(checked).ok_or(UrlError::Malformed)?;
        if scheme != "http" && scheme != "https" {
            return Err(UrlError::ForbiddenScheme(scheme));
        }
        let rest = rest.strip_prefix("//").ok_or(UrlError::Malformed)?;
        let host_end = rest.find(['/', '?', '#']).unwrap_or(rest.len());
        let host = &rest[..host_end];
        if host.is_empty() || host.contains('@') {
            return Err(UrlError::Malformed);
        }
        let path = &rest[host_end..];
        let path = path.split(['?', '#']).next().unwrap_or("");
        let mut dir = if path.is_empty() { "/".to_string() } else { path.to_string() };
        if !dir.ends_with('/') {
            dir.push('/');
        }
        Ok(Self { origin: format!("{scheme}://{host}"), dir })
    }

    /// `https://host:port`, for same-origin checks.
    pub fn origin(&self) -> &str {
        &self.origin
    }

    /// The base as one absolute URL ending in `/`.
    pub fn as_url(&self) -> String {
        format!("{}{}", self.origin, self.dir)
    }

    /// Resolves a reference found in an API document. Absolute http(s) URLs pass through unchanged,
    /// `/path` is taken from the base's origin, anything else is relative to the base directory.
    pub fn resolve(&self, reference: &str) -> Result<String, UrlError> {
        let r = check_chars(reference)?;
        if r.starts_with("//") {
            return Err(UrlError::ProtocolRelative);
        }
        if let Some((scheme, rest)) = split_scheme(r) {
            if scheme != "http" && scheme != "https" {
                return Err(UrlError::ForbiddenScheme(scheme));
            }
            let host = rest.strip_prefix("//").ok_or(UrlError::Malformed)?;
            if host.is_empty() || host.starts_with(['/', '?', '#']) {
                return Err(UrlError::Malformed);
            }
            return Ok(r.to_string());
        }
        if r.starts_with('/') {
            return Ok(format!("{}{}", self.origin, r));
        }
        Ok(format!("{}{}{}", self.origin, self.dir, r))
    }

    /// Whether a resolved URL is on the API's own origin (used to decide what may be cached offline).
    pub fn is_same_origin(&self, resolved: &str) -> bool {
        resolved.strip_prefix(&self.origin).is_some_and(|rest| rest.is_empty() || rest.starts_with('/'))
    }
}

/// The lower-cased scheme of `s`, if it has one (`None` for relative references such as `api/v1/`).
pub fn scheme_of(s: &str) -> Option<String> {
    split_scheme(s.trim()).map(|(scheme, _)| scheme)
}

/// Trims and refuses the characters no honest URL contains.
fn check_chars(s: &str) -> Result<&str, UrlError> {
    let s = s.trim();
    if s.is_empty() {
        return Err(UrlError::Empty);
    }
    if s.len() > MAX_URL_LEN {
        return Err(UrlError::TooLong);
    }
    if s.chars().any(|c| c.is_control() || c.is_whitespace() || c == '\\') {
        return Err(UrlError::Malformed);
    }
    Ok(s)
}

/// Splits `scheme:rest` when the text before the first `:` is a syntactically valid scheme and comes before
/// any `/`, `?` or `#` (otherwise the colon belongs to a path, e.g. `a/b:c`). The scheme is lower-cased.
fn split_scheme(s: &str) -> Option<(String, &str)> {
    let colon = s.find(':')?;
    if s[..colon].contains(['/', '?', '#']) {
        return None;
    }
    let scheme = &s[..colon];
    let mut chars = scheme.chars();
    let first_ok = chars.next().is_some_and(|c| c.is_ascii_alphabetic());
    if !first_ok || !chars.all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.')) {
        return None;
    }
    Some((scheme.to_ascii_lowercase(), &s[colon + 1..]))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn base() -> ApiBase {
        ApiBase::parse("http://127.0.0.1:8080/api/v1").unwrap()
    }

    #[test]
    fn base_gets_a_trailing_slash_and_drops_query() {
        let b = ApiBase::parse("https://cdn.example.com/feed?x=1").unwrap();
        assert_eq!(b.as_url(), "https://cdn.example.com/feed/");
        assert_eq!(ApiBase::parse("https://h").unwrap().as_url(), "https://h/");
    }

    #[test]
    fn base_refuses_other_schemes_and_userinfo() {
        assert_eq!(ApiBase::parse("ftp://h/"), Err(UrlError::ForbiddenScheme("ftp".into())));
        assert_eq!(ApiBase::parse("https://user@h/"), Err(UrlError::Malformed));
        assert_eq!(ApiBase::parse("/api/"), Err(UrlError::Malformed));
    }

    #[test]
    fn relative_references_resolve_against_the_base() {
        let b = base();
        assert_eq!(b.resolve("feed/recommend/2.json").unwrap(), "http://127.0.0.1:8080/api/v1/feed/recommend/2.json");
        assert_eq!(b.resolve("/media/a.svg").unwrap(), "http://127.0.0.1:8080/media/a.svg");
        assert_eq!(b.resolve("  media/a.svg ").unwrap(), "http://127.0.0.1:8080/api/v1/media/a.svg");
        assert_eq!(b.resolve("HTTPS://shop.example.com/p/1").unwrap(), "HTTPS://shop.example.com/p/1");
    }

    #[test]
    fn hostile_references_are_refused() {
        let b = base();
        assert_eq!(b.resolve("javascript:alert(1)"), Err(UrlError::ForbiddenScheme("javascript".into())));
        assert_eq!(b.resolve("JaVaScRiPt:alert(1)"), Err(UrlError::ForbiddenScheme("javascript".into())));
        assert_eq!(b.resolve("data:image/svg+xml,<svg/>"), Err(UrlError::ForbiddenScheme("data".into())));
        assert_eq!(b.resolve("java\tscript:alert(1)"), Err(UrlError::Malformed));
        assert_eq!(b.resolve("//evil.example/x"), Err(UrlError::ProtocolRelative));
        assert_eq!(b.resolve("http:/x"), Err(UrlError::Malformed));
        assert_eq!(b.resolve("https:///x"), Err(UrlError::Malformed));
        assert_eq!(b.resolve("a\\b"), Err(UrlError::Malformed));
        assert_eq!(b.resolve(""), Err(UrlError::Empty));
        assert_eq!(b.resolve(&"a".repeat(MAX_URL_LEN + 1)), Err(UrlError::TooLong));
    }

    #[test]
    fn colon_inside_a_path_is_not_a_scheme() {
        assert_eq!(base().resolve("a/b:c").unwrap(), "http://127.0.0.1:8080/api/v1/a/b:c");
    }

    #[test]
    fn same_origin_check_does_not_accept_lookalike_hosts() {
        let b = base();
        assert!(b.is_same_origin("http://127.0.0.1:8080/x"));
        assert!(!b.is_same_origin("http://127.0.0.1:80801/x"));
        assert!(!b.is_same_origin("https://127.0.0.1:8080/x"));
    }
}
