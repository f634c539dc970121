//! The embed message protocol, version 1.
//!
//! Every message, either way, is a JSON object `{"guang": 1, "type": "...", ...}` sent with `postMessage` to
//! one exact origin. Guang sends [`ToHost`] messages (`ready`, `resize`, `open`, `follow`, `share`); the host
//! sends [`FromHost`] messages (`hello`, `theme`, `locale`). Incoming messages come from another window and are
//! hostile until proven otherwise, so they are parsed by hand from a bounded JSON value, field by field: a
//! message of a type this version does not know is ignored (`Ok(None)`, so a newer host can talk to an
//! older Guang), and a known type with a missing or wrong field is an error naming the field, which the
//! caller logs. Extra fields are ignored for the same forward-compatibility reason.

use std::fmt;

use serde::Serialize;
use serde_json::{json, Map, Value};

use super::params::is_valid_embed_id;
use crate::i18n::Locale;
use crate::model::text::is_valid_id;

/// The protocol version carried in every message's `guang` field.
pub const PROTOCOL_VERSION: u64 = 1;

/// Largest incoming message, as JSON text; nothing in v1 comes close, so anything bigger is not ours.
pub const MAX_MESSAGE_BYTES: usize = 4096;

/// Longest `type` value looked at; longer ones cannot be a type of any version.
const MAX_TYPE_LEN: usize = 32;

/// Longest URL Guang puts in a message (the model's limit), so hosts can bound their own copies.
const MAX_URL_LEN: usize = crate::model::url::MAX_URL_LEN;

/// The colour scheme a host may pin (`?theme=` or a `theme` message): the same choice a user makes in the
/// settings, so one type serves both.
pub use crate::model::prefs::Theme;

/// Who navigates when the user opens an item or creator inside the frame (the host says so in `hello`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Navigation {
    /// Guang navigates inside its frame (and still tells the host with `open`); the default.
    #[default]
    Guang,
    /// The host handles `open` natively (its own screen, a new tab); Guang stays where it is.
    Host,
}

impl Navigation {
    fn from_tag(tag: &str) -> Option<Navigation> {
        match tag {
            "guang" => Some(Navigation::Guang),
            "host" => Some(Navigation::Host),
            _ => None,
        }
    }

    fn tag(self) -> &'static str {
        match self {
            Navigation::Guang => "guang",
            Navigation::Host => "host",
        }
    }
}

/// What an `open` or `share` is about.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum OpenKind {
    /// An item (`/item/{id}`).
    Item,
    /// A creator (`/creator/{id}`).
    Creator,
}

impl OpenKind {
    /// The protocol's spelling.
    pub fn tag(self) -> &'static str {
        match self {
            OpenKind::Item => "item",
            OpenKind::Creator => "creator",
        }
    }

    /// The app route of `id`, so paths are never assembled by hand elsewhere.
    pub fn path(self, id: &str) -> String {
        match self {
            OpenKind::Item => format!("/item/{id}"),
            OpenKind::Creator => format!("/creator/{id}"),
        }
    }
}

/// How a share was completed, so a host can count or mirror it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum ShareMethod {
    /// The system share dialog (Web Share API) reported success.
    Native,
    /// The link was copied to the clipboard.
    CopyLink,
    /// The share code (逛口令) was copied to the clipboard.
    CopyCode,
}

impl ShareMethod {
    /// The protocol's spelling.
    pub fn tag(self) -> &'static str {
        match self {
            ShareMethod::Native => "native",
            ShareMethod::CopyLink => "copy-link",
            ShareMethod::CopyCode => "copy-code",
        }
    }
}

/// A message from Guang to its host. The derived `Serialize` gives the message without its version;
/// [`ToHost::to_json`] is the whole message.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(tag = "type", rename_all = "lowercase")]
pub enum ToHost {
    /// Handshake: Guang is running; `id` is the one the host gave in `?id=` (or one Guang made up).
    Ready {
        /// The embed id.
        id: String,
    },
    /// The content's height changed (CSS pixels, rounded up); the host sizes the frame to it.
    Resize {
        /// New height.
        height: u32,
    },
    /// The user opened an item or creator. With `navigation: "host"` Guang did not navigate.
    Open {
        /// Item or creator.
        kind: OpenKind,
        /// Its id.
        id: String,
        /// Its absolute page URL on Guang's origin.
        url: String,
    },
    /// The user followed or unfollowed a creator (or a refused write rolled a follow back).
    Follow {
        /// Creator id.
        creator: String,
        /// Whether the creator is followed now.
        following: bool,
    },
    /// The user shared an item or creator.
    Share {
        /// Item or creator.
        kind: OpenKind,
        /// Its id.
        id: String,
        /// The shared link.
        url: String,
        /// How it was shared.
        method: ShareMethod,
    },
}

impl ToHost {
    /// The whole message as JSON text, with `"guang": 1`. Written out rather than through the derived
    /// `Serialize` (which the tests check it against): a JSON tree or the tagged-enum serializer costs
    /// first-load bytes, and strings are still escaped by serde_json.
    pub fn to_json(&self) -> String {
        let s = |v: &str| serde_json::to_string(v).unwrap_or_else(|_| "\"\"".into());
        let head = format!("{{\"guang\":{PROTOCOL_VERSION},\"type\":");
        match self {
            ToHost::Ready { id } => format!("{head}\"ready\",\"id\":{}}}", s(id)),
            ToHost::Resize { height } => format!("{head}\"resize\",\"height\":{height}}}"),
            ToHost::Open { kind, id, url } => {
                format!("{head}\"open\",\"kind\":\"{}\",\"id\":{},\"url\":{}}}", kind.tag(), s(id), s(url))
            }
            ToHost::Follow { creator, following } => {
                format!("{head}\"follow\",\"creator\":{},\"following\":{following}}}", s(creator))
            }
            ToHost::Share { kind, id, url, method } => format!(
                "{head}\"share\",\"kind\":\"{}\",\"id\":{},\"url\":{},\"method\":\"{}\"}}",
                kind.tag(),
                s(id),
                s(url),
                method.tag()
            ),
        }
    }

    /// The whole message as a JSON value (for tests and Rust hosts).
    pub fn to_value(&self) -> Value {
        serde_json::from_str(&self.to_json()).unwrap_or(Value::Null)
    }

    /// Whether the message is fit to send: ids are contract ids, URLs are absolute http(s) and bounded.
    /// Guang builds these itself, so a `false` is a bug; the caller drops the message rather than send it.
    pub fn is_valid(&self) -> bool {
        let url_ok = |u: &str| u.len() <= MAX_URL_LEN && (u.starts_with("https://") || u.starts_with("http://"));
        match self {
            ToHost::Ready { id } => is_valid_embed_id(id),
            ToHost::Resize { .. } => true,
            ToHost::Open { id, url, .. } | ToHost::Share { id, url, .. } => is_valid_id(id) && url_ok(url),
            ToHost::Follow { creator, .. } => is_valid_id(creator),
        }
    }
}

/// A message from the host to Guang, validated.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FromHost {
    /// Handshake reply to `ready`: the same `id`, and who navigates on `open` (absent means `guang`).
    Hello {
        /// The embed id; must equal Guang's.
        id: String,
        /// Who navigates.
        navigation: Navigation,
    },
    /// Switch the colour scheme.
    Theme {
        /// The scheme.
        theme: Theme,
    },
    /// Switch the UI language (`zh-CN` or `en`; not saved as the user's own choice).
    Locale {
        /// The language.
        locale: Locale,
    },
}

impl FromHost {
    /// The message as a host would send it (for tests and for Rust hosts).
    pub fn to_value(&self) -> Value {
        let v = PROTOCOL_VERSION;
        match self {
            FromHost::Hello { id, navigation } => {
                json!({ "guang": v, "type": "hello", "id": id, "navigation": navigation.tag() })
            }
            FromHost::Theme { theme } => json!({ "guang": v, "type": "theme", "theme": theme.tag() }),
            FromHost::Locale { locale } => json!({ "guang": v, "type": "locale", "locale": locale.tag() }),
        }
    }
}

/// Why an incoming message was refused. English, for the console; hostile values are shown bounded.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ProtocolError {
    /// Over [`MAX_MESSAGE_BYTES`] of JSON.
    TooLarge(usize),
    /// Not JSON (or not representable as JSON, e.g. a function or a cyclic object).
    NotJson,
    /// JSON, but not an object.
    NotAnObject,
    /// No `guang` field: not a Guang message.
    NoVersion,
    /// A `guang` field other than `1`.
    UnsupportedVersion(String),
    /// `type` missing, not a string, empty or too long.
    BadType,
    /// A known type with a missing or invalid field.
    BadField {
        /// Message type.
        kind: &'static str,
        /// Field name.
        field: &'static str,
        /// What the field must be.
        expected: &'static str,
    },
}

impl fmt::Display for ProtocolError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ProtocolError::TooLarge(n) => write!(f, "message of {n} bytes is over the {MAX_MESSAGE_BYTES}-byte limit"),
            ProtocolError::NotJson => write!(f, "message is not JSON data"),
            ProtocolError::NotAnObject => write!(f, "message is not an object"),
            ProtocolError::NoVersion => write!(f, "message has no `guang` version field"),
            ProtocolError::UnsupportedVersion(v) => {
                write!(f, "protocol version {v} is not supported (this is version {PROTOCOL_VERSION})")
            }
            ProtocolError::BadType => write!(f, "`type` is missing or not a short string"),
            ProtocolError::BadField { kind, field, expected } => write!(f, "{kind}.{field}: expected {expected}"),
        }
    }
}

/// Parses a message's JSON text (as the browser serialised the event's data).
pub fn parse_from_host_json(json: &str) -> Result<Option<FromHost>, ProtocolError> {
    if json.len() > MAX_MESSAGE_BYTES {
        return Err(ProtocolError::TooLarge(json.len()));
    }
    let v: Value = serde_json::from_str(json).map_err(|_| ProtocolError::NotJson)?;
    parse_from_host(&v)
}

/// Validates one incoming message. `Ok(None)`: a well-formed message of a type v1 does not know (ignore it).
pub fn parse_from_host(v: &Value) -> Result<Option<FromHost>, ProtocolError> {
    let obj = v.as_object().ok_or(ProtocolError::NotAnObject)?;
    match obj.get("guang") {
        None => return Err(ProtocolError::NoVersion),
        Some(g) if g.as_u64() == Some(PROTOCOL_VERSION) => {}
        Some(g) => return Err(ProtocolError::UnsupportedVersion(bounded(g))),
    }
    let kind = obj
        .get("type")
        .and_then(Value::as_str)
        .filter(|t| !t.is_empty() && t.len() <= MAX_TYPE_LEN)
        .ok_or(ProtocolError::BadType)?;
    let msg = match kind {
        "hello" => {
            let id = text(obj, "hello", "id", "an id of 1 to 64 letters, digits, `-` or `_`")?;
            if !is_valid_embed_id(id) {
                return Err(bad("hello", "id", "an id of 1 to 64 letters, digits, `-` or `_`"));
            }
            let navigation = match obj.get("navigation") {
                None => Navigation::Guang,
                Some(n) => n.as_str().and_then(Navigation::from_tag).ok_or(bad(
                    "hello",
                    "navigation",
                    "\"host\" or \"guang\"",
                ))?,
            };
            FromHost::Hello { id: id.to_string(), navigation }
        }
        "theme" => {
            let expected = "\"light\", \"dark\" or \"system\"";
            let theme =
                Theme::from_tag(text(obj, "theme", "theme", expected)?).ok_or(bad("theme", "theme", expected))?;
            FromHost::Theme { theme }
        }
        "locale" => {
            let expected = "\"zh-CN\" or \"en\"";
            let locale = match text(obj, "locale", "locale", expected)? {
                "zh-CN" => Locale::Zh,
                "en" => Locale::En,
                _ => return Err(bad("locale", "locale", expected)),
            };
            FromHost::Locale { locale }
        }
        _ => return Ok(None),
    };
    Ok(Some(msg))
}

/// The route an in-app link opens, if it is an item or a creator page (`/item/{id}`, `/creator/{id}`; not
/// `/creator/{id}/preview` or anything with a bad id). Decides which clicks become `open` messages.
pub fn open_target(path: &str) -> Option<(OpenKind, String)> {
    let (kind, id) = if let Some(id) = path.strip_prefix("/item/") {
        (OpenKind::Item, id)
    } else {
        (OpenKind::Creator, path.strip_prefix("/creator/")?)
    };
    is_valid_id(id).then(|| (kind, id.to_string()))
}

fn bad(kind: &'static str, field: &'static str, expected: &'static str) -> ProtocolError {
    ProtocolError::BadField { kind, field, expected }
}

fn text<'a>(
    obj: &'a Map<String, Value>,
    kind: &'static str,
    field: &'static str,
    expected: &'static str,
) -> Result<&'a str, ProtocolError> {
    obj.get(field).and_then(Value::as_str).ok_or(bad(kind, field, expected))
}

/// A hostile value for a log line: its JSON, cut to 24 characters.
fn bounded(v: &Value) -> String {
    let s = v.to_string();
    match s.char_indices().nth(24) {
        Some((i, _)) => format!("{}…", &s[..i]),
        None => s,
    }
}
