//! Classifying how a visitor landed on the app, from what the page can see: query parameters, the referrer,
//! its own origin, and whether it runs inside another page. Everything here is attacker-controlled text, so
//! anything odd simply falls through to [`Source::Direct`].

use super::attribution::Source;
use super::fans::FanLevel;
use crate::model::text::is_valid_id;

/// Longest URL looked at; longer referrers are treated as absent.
const MAX_URL_LEN: usize = 2048;

/// What the page saw when it was opened, borrowed from the URL and `document` by the caller.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Landing<'a> {
    /// The `src=` query parameter.
    pub src: Option<&'a str>,
    /// The `code=` query parameter (a share code).
    pub code: Option<&'a str>,
    /// The `campaign=` query parameter (a campaign id).
    pub campaign: Option<&'a str>,
    /// The `fan=` query parameter: the sharer's fan level with the creator.
    pub fan: Option<&'a str>,
    /// `document.referrer`; empty when there is none.
    pub referrer: &'a str,
    /// `location.origin` of the app itself.
    pub own_origin: &'a str,
    /// Whether the app runs inside another page's frame.
    pub embedded: bool,
}

/// Decides the source of a landing. Precedence: embed, share (`src=share` or a code), campaign (`src=campaign`
/// or a campaign id), an explicit in-app `src` (recommend, following, profile, collab), a referrer from another
/// origin (external), and otherwise direct.
pub fn classify_landing(l: &Landing) -> Source {
    if l.embedded {
        return Source::Embed;
    }
    let src = l.src.map(str::trim).filter(|s| s.len() <= 32).and_then(Source::from_str_opt);
    if src == Some(Source::Share) || l.code.is_some_and(looks_like_code) {
        return Source::Share;
    }
    if src == Some(Source::Campaign) || l.campaign.is_some_and(|c| is_valid_id(c.trim())) {
        return Source::Campaign;
    }
    if let Some(s @ (Source::Recommend | Source::Following | Source::Profile | Source::Collab)) = src {
        return s;
    }
    if let Some(from) = origin(l.referrer) {
        if origin(l.own_origin).as_deref() != Some(from.as_str()) {
            return Source::External;
        }
    }
    Source::Direct
}

/// The sharer's fan level a share link carries (`fan=0`–`3`), only for a landing that is a share.
pub fn share_level(l: &Landing) -> Option<FanLevel> {
    (classify_landing(l) == Source::Share).then_some(l.fan?).and_then(FanLevel::from_param)
}

/// Whether a `code=` value could be a share code: the `G` marker, at least six symbols, nothing else. Its
/// checksum is the share page's business: a mistyped code still arrived through a share.
fn looks_like_code(code: &str) -> bool {
    let code = code.trim();
    let symbols = code.bytes().filter(|b| b.is_ascii_alphanumeric()).count();
    code.len() <= 128
        && code.starts_with(['g', 'G'])
        && symbols >= 6
        && code.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b' ')
}

/// The normalised origin (`scheme://host[:port]`, lower case, default port dropped) of an absolute http(s)
/// URL, or `None`. User info is skipped, so `https://guang.example@evil.example/` is evil.example.
pub(crate) fn origin(url: &str) -> Option<String> {
    let url = url.trim();
    if url.is_empty() || url.len() > MAX_URL_LEN || url.chars().any(|c| c.is_control() || c.is_whitespace()) {
        return None;
    }
    if url.contains('\\') {
        return None;
    }
    let (scheme, rest) = url.split_once("://")?;
    let scheme = scheme.to_ascii_lowercase();
    let default_port = match scheme.as_str() {
        "http" => ":80",
        "https" => ":443",
        _ => return None,
    };
    let authority = rest.split(['/', '?', '#']).next().unwrap_or("");
    let host_port = authority.rsplit('@').next().unwrap_or("").to_ascii_lowercase();
    let host_port = host_port.strip_suffix(default_port).or_else(|| host_port.strip_suffix(':')).unwrap_or(&host_port);
    if host_port.is_empty() || host_port.starts_with(':') {
        return None;
    }
    Some(format!("{scheme}://{host_port}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    const OWN: &str = "https://guang.example";

    fn land(src: Option<&'static str>, referrer: &'static str) -> Landing<'static> {
        Landing { src, referrer, own_origin: OWN, ..Landing::default() }
    }

    #[test]
    fn precedence() {
        let all = Landing { src: Some("share"), campaign: Some("d11"), embedded: true, ..land(None, "") };
        assert_eq!(classify_landing(&all), Source::Embed);
        assert_eq!(classify_landing(&Landing { embedded: false, ..all }), Source::Share);
        let code = Landing { code: Some("G1AB-CDEF-GH"), ..land(Some("campaign"), "https://x.example/") };
        assert_eq!(classify_landing(&code), Source::Share);
        assert_eq!(classify_landing(&land(Some("campaign"), "https://x.example/")), Source::Campaign);
        let camp = Landing { campaign: Some(" d11 "), ..land(Some("following"), "") };
        assert_eq!(classify_landing(&camp), Source::Campaign);
        assert_eq!(classify_landing(&land(Some("following"), "https://x.example/")), Source::Following);
        assert_eq!(classify_landing(&land(Some("Recommend"), "")), Source::Recommend);
        assert_eq!(classify_landing(&land(Some("profile"), "")), Source::Profile);
        assert_eq!(classify_landing(&land(Some("collab"), "https://x.example/")), Source::Collab);
        assert_eq!(classify_landing(&land(None, "https://x.example/a?b")), Source::External);
        assert_eq!(classify_landing(&land(None, "")), Source::Direct);
    }

    #[test]
    fn only_a_share_carries_the_sharers_level() {
        let share = Landing { fan: Some("3"), ..land(Some("share"), "") };
        assert_eq!(share_level(&share), Some(FanLevel::Super));
        let coded = Landing { fan: Some("1"), code: Some("G1AB-CDEF-GH"), ..land(None, "") };
        assert_eq!(share_level(&coded), Some(FanLevel::Fan));
        assert_eq!(share_level(&Landing { fan: Some("3"), ..land(Some("campaign"), "") }), None);
        assert_eq!(share_level(&Landing { fan: Some("9"), ..land(Some("share"), "") }), None);
        assert_eq!(share_level(&land(Some("share"), "")), None);
    }

    #[test]
    fn same_origin_referrers_are_not_external() {
        for r in ["https://guang.example/", "HTTPS://Guang.Example:443/item/1", "https://guang.example"] {
            assert_eq!(classify_landing(&land(None, r)), Source::Direct, "{r}");
        }
        for r in [
            "http://guang.example/",
            "https://guang.example:8443/",
            "https://guang.example.evil.example/",
            "https://guang.example@evil.example/",
            "https://evil.example/?https://guang.example",
        ] {
            assert_eq!(classify_landing(&land(None, r)), Source::External, "{r}");
        }
    }

    #[test]
    fn hostile_values_fall_through_to_direct() {
        let long = "x".repeat(5000);
        let hostile: [&str; 7] =
            ["javascript:alert(1)", "//evil.example", "https://", "https://:80/", "a b", "\u{202E}", &long];
        for v in hostile {
            let l = Landing {
                src: Some(v),
                code: Some(v),
                campaign: Some(v),
                fan: Some(v),
                referrer: v,
                own_origin: OWN,
                embedded: false,
            };
            assert_eq!(classify_landing(&l), Source::Direct, "{v}");
            assert_eq!(share_level(&l), None, "{v}");
        }
        let embed_claim = land(Some("embed"), "");
        assert_eq!(classify_landing(&embed_claim), Source::Direct, "only the frame check can say embed");
        let unknown_own = Landing { own_origin: "null", ..land(None, "https://guang.example/") };
        assert_eq!(classify_landing(&unknown_own), Source::External);
    }

    #[test]
    fn origins_are_normalised() {
        assert_eq!(origin("http://A.example:80/x").as_deref(), Some("http://a.example"));
        assert_eq!(origin("https://a.example:/x").as_deref(), Some("https://a.example"));
        assert_eq!(origin("https://[::1]:8080/").as_deref(), Some("https://[::1]:8080"));
        assert_eq!(origin("https://逛.example/").as_deref(), Some("https://逛.example"));
        assert_eq!(origin("ftp://a.example/"), None);
        assert_eq!(origin("https://a\\b/"), None);
    }
}
