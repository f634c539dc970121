//! Parsing of whole API documents. Each parser takes the response text, refuses what is not a contract-v1
//! document, and keeps what is good: a bad item in a feed page is skipped with its problems reported, a bad
//! page is an error the UI shows with a retry.

use std::fmt;

use serde::de::DeserializeOwned;
use serde::Deserialize;
use serde_json::Value;

use super::creator::{Campaign, Channel, Creator};
use super::item::Item;
use super::problem::{Problem, ProblemKind, Problems};
use super::url::ApiBase;

/// The contract version this build reads and writes.
pub const CONTRACT_VERSION: u64 = 1;

/// Largest document accepted, in bytes; a bigger response is refused before parsing so a hostile or broken
/// server cannot freeze the tab.
pub const MAX_DOC_BYTES: usize = 4 * 1024 * 1024;

/// Why a whole document was refused.
#[derive(Clone, Debug, PartialEq)]
pub enum DocError {
    /// Larger than [`MAX_DOC_BYTES`].
    TooLarge(usize),
    /// Not JSON, or JSON without the document's shape (missing `version`, `items` not a list, ...).
    Malformed(String),
    /// A `version` this build does not read.
    UnsupportedVersion(u64),
    /// Well-formed, but the one thing it carries is invalid (every problem listed).
    Invalid(Vec<Problem>),
}

impl fmt::Display for DocError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DocError::TooLarge(n) => write!(f, "document of {n} bytes is larger than {MAX_DOC_BYTES}"),
            DocError::Malformed(m) => write!(f, "malformed document: {m}"),
            DocError::UnsupportedVersion(v) => write!(f, "unsupported document version {v}"),
            DocError::Invalid(ps) => {
                write!(f, "invalid document:")?;
                for p in ps {
                    write!(f, " {p};")?;
                }
                Ok(())
            }
        }
    }
}

/// A page of a feed after validation.
#[derive(Clone, Debug, PartialEq)]
pub struct FeedPage {
    /// Valid items, in the server's order, without duplicates.
    pub items: Vec<Item>,
    /// Absolute URL of the next page; `None` at the end of the feed.
    pub next: Option<String>,
    /// Why each skipped item was skipped.
    pub skipped: Vec<Problem>,
}

/// Parses JSON text into a [`Value`]; every typed document is then read from the value. One path for all
/// documents and saved state keeps the wasm to a single copy of each type's deserializer (typed reads
/// straight from text would add a second copy of each).
pub fn parse_value(json: &str) -> Result<Value, DocError> {
    serde_json::from_str(json).map_err(|e| DocError::Malformed(e.to_string()))
}

fn envelope<T: DeserializeOwned>(json: &str) -> Result<T, DocError> {
    if json.len() > MAX_DOC_BYTES {
        return Err(DocError::TooLarge(json.len()));
    }
    let value = parse_value(json)?;
    // Read from the value by hand rather than through a `Deserialize` for `&Value`: every deserializer type
    // a struct is read from costs its whole generated code again in the wasm.
    let version = match value.get("version") {
        Some(v) => v.as_u64().ok_or_else(|| DocError::Malformed("version: expected a whole number".into()))?,
        None => return Err(DocError::Malformed("missing field `version`".into())),
    };
    if version != CONTRACT_VERSION {
        return Err(DocError::UnsupportedVersion(version));
    }
    T::deserialize(value).map_err(|e| DocError::Malformed(e.to_string()))
}

/// Validates each element of a list on its own, keeping the good ones and the reasons for the rest.
fn keep_valid<T: DeserializeOwned>(
    values: Vec<Value>,
    field: &str,
    id_of: impl Fn(&T) -> &str,
    mut validate: impl FnMut(&mut T, &str, &mut Problems),
) -> (Vec<T>, Vec<Problem>) {
    let mut kept: Vec<T> = Vec::with_capacity(values.len());
    let mut skipped = Vec::new();
    let mut seen = std::collections::HashSet::new();
    for (i, v) in values.into_iter().enumerate() {
        let path = format!("{field}[{i}]");
        let mut thing = match T::deserialize(v) {
            Ok(t) => t,
            Err(e) => {
                skipped.push(Problem { path, kind: ProblemKind::Shape(e.to_string()) });
                continue;
            }
        };
        let mut p = Problems::default();
        validate(&mut thing, &path, &mut p);
        if !seen.insert(id_of(&thing).to_string()) {
            p.add(format!("{path}.id"), ProblemKind::Duplicate);
        }
        if p.is_empty() {
            kept.push(thing);
        } else {
            skipped.extend(p.into_vec());
        }
    }
    (kept, skipped)
}

/// Parses a feed page (`feed/{channel}/{n}.json` or `creators/{id}/items/{n}.json`).
pub fn parse_feed_page(json: &str, base: &ApiBase) -> Result<FeedPage, DocError> {
    #[derive(Deserialize)]
    struct Raw {
        items: Vec<Value>,
        #[serde(default)]
        next: Option<String>,
    }
    let raw: Raw = envelope(json)?;
    let (items, mut skipped) = keep_valid(raw.items, "items", |i: &Item| &i.id, |i, path, p| i.validate(base, path, p));
    let next = match raw.next.as_deref().map(str::trim) {
        None | Some("") => None,
        Some(n) => match base.resolve(n) {
            Ok(url) => Some(url),
            Err(e) => {
                // A bad `next` ends the feed here rather than failing the page we already have.
                skipped.push(Problem { path: "next".into(), kind: ProblemKind::BadUrl(e) });
                None
            }
        },
    };
    Ok(FeedPage { items, next, skipped })
}

fn single<T: DeserializeOwned>(
    json: &str,
    field: &str,
    validate: impl FnOnce(&mut T, &str, &mut Problems),
) -> Result<T, DocError> {
    let mut root: serde_json::Map<String, Value> = envelope(json)?;
    let value = root.remove(field).ok_or_else(|| DocError::Malformed(format!("missing field `{field}`")))?;
    let mut thing = T::deserialize(value).map_err(|e| {
        DocError::Invalid(vec![Problem { path: field.into(), kind: ProblemKind::Shape(e.to_string()) }])
    })?;
    let mut p = Problems::default();
    validate(&mut thing, field, &mut p);
    if p.is_empty() {
        Ok(thing)
    } else {
        Err(DocError::Invalid(p.into_vec()))
    }
}

/// Parses an item document (`items/{id}.json`: `{version, item}`).
pub fn parse_item_doc(json: &str, base: &ApiBase) -> Result<Item, DocError> {
    single(json, "item", |i: &mut Item, path, p| i.validate(base, path, p))
}

/// Parses a creator document (`creators/{id}.json`: `{version, creator}`).
pub fn parse_creator_doc(json: &str, base: &ApiBase) -> Result<Creator, DocError> {
    single(json, "creator", |c: &mut Creator, path, p| c.validate(base, path, p))
}

/// The entry document (`index.json`): the channels a feed offers, and the campaigns, after validation.
#[derive(Clone, Debug, PartialEq)]
pub struct Index {
    /// Channels in display order; the first is the default (`recommend`).
    pub channels: Vec<Channel>,
    /// Known campaigns.
    pub campaigns: Vec<Campaign>,
    /// Why entries were skipped.
    pub skipped: Vec<Problem>,
}

/// Parses `index.json`: `{version, channels: [...], campaigns: [...]}`. Bad channels or campaigns are
/// skipped; an index without a single valid channel is an error, since there would be nothing to show.
pub fn parse_index(json: &str) -> Result<Index, DocError> {
    #[derive(Deserialize)]
    struct Raw {
        channels: Vec<Value>,
        #[serde(default)]
        campaigns: Vec<Value>,
    }
    let raw: Raw = envelope(json)?;
    let (channels, mut skipped) =
        keep_valid(raw.channels, "channels", |c: &Channel| &c.id, |c, path, p| c.validate(path, p));
    let (campaigns, bad) =
        keep_valid(raw.campaigns, "campaigns", |c: &Campaign| &c.id, |c, path, p| c.validate(path, p));
    skipped.extend(bad);
    if channels.is_empty() {
        return Err(DocError::Invalid(skipped));
    }
    Ok(Index { channels, campaigns, skipped })
}
