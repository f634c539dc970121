//! A validation problem: where in a document something is wrong and what. Every check reports all problems
//! it finds rather than stopping at the first, so a creator previewing a draft sees the whole list at once.

use std::fmt;

use super::url::UrlError;

/// What is wrong with one field.
#[derive(Clone, Debug, PartialEq)]
pub enum ProblemKind {
    /// JSON that does not have the contract's shape (serde's message, which names the field).
    Shape(String),
    /// A required text is empty after cleaning.
    Empty,
    /// A text or list is longer than the contract allows.
    TooLong { max: usize },
    /// An id with characters outside `[A-Za-z0-9_-]` or of the wrong length.
    BadId,
    /// A URL refused by the URL policy.
    BadUrl(UrlError),
    /// Not an RFC 3339 timestamp.
    BadTime,
    /// A number outside its allowed range (negative size, NaN score, end before start, ...).
    OutOfRange,
    /// The same id twice in one list.
    Duplicate,
    /// A document version this build does not understand.
    UnsupportedVersion(u64),
}

impl fmt::Display for ProblemKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ProblemKind::Shape(m) => write!(f, "{m}"),
            ProblemKind::Empty => write!(f, "must not be empty"),
            ProblemKind::TooLong { max } => write!(f, "longer than {max}"),
            ProblemKind::BadId => write!(f, "id must be 1-64 characters of A-Z a-z 0-9 _ -"),
            ProblemKind::BadUrl(e) => write!(f, "{e}"),
            ProblemKind::BadTime => write!(f, "not an RFC 3339 timestamp"),
            ProblemKind::OutOfRange => write!(f, "value out of range"),
            ProblemKind::Duplicate => write!(f, "duplicate id"),
            ProblemKind::UnsupportedVersion(v) => write!(f, "unsupported document version {v}"),
        }
    }
}

/// One problem at a JSON path such as `items[3].cover.url`.
#[derive(Clone, Debug, PartialEq)]
pub struct Problem {
    /// Dotted path from the document root.
    pub path: String,
    /// What is wrong there.
    pub kind: ProblemKind,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.path, self.kind)
    }
}

/// Collects problems under a path prefix while a validator walks a document.
#[derive(Debug, Default)]
pub struct Problems {
    list: Vec<Problem>,
}

impl Problems {
    /// Records a problem at `path`.
    pub fn add(&mut self, path: impl Into<String>, kind: ProblemKind) {
        self.list.push(Problem { path: path.into(), kind });
    }

    /// True when nothing was recorded.
    pub fn is_empty(&self) -> bool {
        self.list.is_empty()
    }

    /// The recorded problems, in the order found.
    pub fn into_vec(self) -> Vec<Problem> {
        self.list
    }
}
