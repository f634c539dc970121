//! Parsing of whole API documents. Each parser takes the response text, refuses what is not a contract-v1
//! document, and keeps what is good: a bad item in a feed page is skipped with its problems reported, a bad
//! page is an error the UI shows with a retry.

use std::fmt;

use serde::de::DeserializeOwned;
use serde::Deserialize;
use serde_json::Value;

use super::creator::{Campaign, Channel, Creator};
use super::embedding::{MAX_DIM, MIN_DIM};
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
    /// What was dropped from items that were kept (a bad embedding, at `items[3].embedding.q`), so the app
    /// can log it; the items render as if it had never been sent.
    pub notes: Vec<Problem>,
}

/// Parses JSON text into a [`Value`]; every typed document is then read from the value. One path for all
/// documents and saved state keeps the wasm to a single copy of each type's deserializer (typed reads
/// straight from text would add a second copy of each).
pub fn parse_value(json: &str) -> Result<Value, DocError> {
    serde_json::from_str(json).map_err(|e| DocError::Malformed(e.to_string()))
}

pub(crate) fn envelope<T: DeserializeOwned>(json: &str) -> Result<T, DocError> {
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

/// Reads a list element with serde alone (channels, campaigns: nothing in them is dropped on its own).
fn read_plain<T: DeserializeOwned>(v: Value, _: &str, _: &mut Problems) -> Result<T, serde_json::Error> {
    T::deserialize(v)
}

/// Validates each element of a list on its own, keeping the good ones and the reasons for the rest, and the
/// notes of the kept ones (a skipped element's notes say nothing more than its problems). Generic only where
/// it must be (reading and validating a `T`); the bookkeeping is [`sort_out`], shared by every list type, so
/// each document type does not carry a copy of it in the wasm.
pub(crate) fn keep_valid<T>(
    values: Vec<Value>,
    field: &str,
    read: impl Fn(Value, &str, &mut Problems) -> Result<T, serde_json::Error>,
    id_of: impl Fn(&T) -> &str,
    mut validate: impl FnMut(&mut T, &str, &mut Problems),
) -> (Vec<T>, Vec<Problem>, Vec<Problem>) {
    let mut kept: Vec<T> = Vec::with_capacity(values.len());
    let mut out = Sorted::default();
    for (i, v) in values.into_iter().enumerate() {
        let path = format!("{field}[{i}]");
        let mut p = Problems::default();
        match read(v, &path, &mut p) {
            Ok(mut thing) => {
                validate(&mut thing, &path, &mut p);
                if out.sort_out(path, id_of(&thing), p) {
                    kept.push(thing);
                }
            }
            Err(e) => out.skipped.push(Problem { path, kind: ProblemKind::Shape(e.to_string()) }),
        }
    }
    (kept, out.skipped, out.notes)
}

/// What [`keep_valid`] found besides the kept elements.
#[derive(Default)]
struct Sorted {
    seen: std::collections::HashSet<String>,
    skipped: Vec<Problem>,
    notes: Vec<Problem>,
}

impl Sorted {
    /// Records the problems of the element at `path` (a repeated `id` is one) and says whether to keep it.
    fn sort_out(&mut self, path: String, id: &str, mut p: Problems) -> bool {
        if !self.seen.insert(id.to_string()) {
            p.add(format!("{path}.id"), ProblemKind::Duplicate);
        }
        let (fatal, noted) = p.into_parts();
        let keep = fatal.is_empty();
        if keep {
            self.notes.extend(noted);
        } else {
            self.skipped.extend(fatal);
        }
        keep
    }
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
    let (items, mut skipped, notes) =
        keep_valid(raw.items, "items", Item::from_value, |i: &Item| &i.id, |i, path, p| i.validate(base, path, p));
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
    Ok(FeedPage { items, next, skipped, notes })
}

fn single<T>(
    json: &str,
    field: &str,
    read: impl FnOnce(Value, &str, &mut Problems) -> Result<T, serde_json::Error>,
    validate: impl FnOnce(&mut T, &str, &mut Problems),
) -> Result<T, DocError> {
    let mut root: serde_json::Map<String, Value> = envelope(json)?;
    let value = root.remove(field).ok_or_else(|| DocError::Malformed(format!("missing field `{field}`")))?;
    let mut p = Problems::default();
    let mut thing = read(value, field, &mut p).map_err(|e| {
        DocError::Invalid(vec![Problem { path: field.into(), kind: ProblemKind::Shape(e.to_string()) }])
    })?;
    validate(&mut thing, field, &mut p);
    if p.is_empty() {
        Ok(thing)
    } else {
        Err(DocError::Invalid(p.into_vec()))
    }
}

/// Parses an item document (`items/{id}.json`: `{version, item}`). A bad embedding is dropped quietly, as
/// in a feed page: the item page shows the same item either way, and the feed pages already log it.
pub fn parse_item_doc(json: &str, base: &ApiBase) -> Result<Item, DocError> {
    single(json, "item", Item::from_value, |i: &mut Item, path, p| i.validate(base, path, p))
}

/// Parses a creator document (`creators/{id}.json`: `{version, creator}`).
pub fn parse_creator_doc(json: &str, base: &ApiBase) -> Result<Creator, DocError> {
    single(json, "creator", read_plain, |c: &mut Creator, path, p| c.validate(base, path, p))
}

/// The entry document (`index.json`): the channels a feed offers, and the campaigns, after validation.
#[derive(Clone, Debug, PartialEq)]
pub struct Index {
    /// Channels in display order; the first is the default (`recommend`).
    pub channels: Vec<Channel>,
    /// Known campaigns.
    pub campaigns: Vec<Campaign>,
    /// How many components every item embedding of this API has (16 to 32), if it sends embeddings;
    /// vectors of another length are dropped ([`super::embedding::enforce_dim`]).
    pub embedding_dim: Option<usize>,
    /// Why entries were skipped.
    pub skipped: Vec<Problem>,
}

/// Parses `index.json`: `{version, channels: [...], campaigns: [...], embedding_dim}`. Bad channels or
/// campaigns are skipped, and a bad `embedding_dim` is ignored (so no embedding is used); an index without
/// a single valid channel is an error, since there would be nothing to show.
pub fn parse_index(json: &str) -> Result<Index, DocError> {
    #[derive(Deserialize)]
    struct Raw {
        channels: Vec<Value>,
        #[serde(default)]
        campaigns: Vec<Value>,
        #[serde(default)]
        embedding_dim: Option<Value>,
    }
    let raw: Raw = envelope(json)?;
    let (channels, mut skipped, _) =
        keep_valid(raw.channels, "channels", read_plain, |c: &Channel| &c.id, |c, path, p| c.validate(path, p));
    let (campaigns, bad, _) =
        keep_valid(raw.campaigns, "campaigns", read_plain, |c: &Campaign| &c.id, |c, path, p| c.validate(path, p));
    skipped.extend(bad);
    if channels.is_empty() {
        return Err(DocError::Invalid(skipped));
    }
    let embedding_dim = match raw.embedding_dim {
        None => None,
        Some(Value::Number(n)) if !n.is_f64() => {
            let dim = n.as_u64().and_then(|d| usize::try_from(d).ok()).filter(|d| (MIN_DIM..=MAX_DIM).contains(d));
            if dim.is_none() {
                skipped.push(Problem { path: "embedding_dim".into(), kind: ProblemKind::OutOfRange });
            }
            dim
        }
        Some(v) => {
            let kind = ProblemKind::WrongType { expected: "a whole number", found: super::draft::type_name(&v) };
            skipped.push(Problem { path: "embedding_dim".into(), kind });
            None
        }
    };
    Ok(Index { channels, campaigns, embedding_dim, skipped })
}
