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
    /// A coupon code that is not 4 to 24 of `A-Z 0-9 -` ([`super::coupon::is_code`]).
    BadCode,
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
    /// A required field is absent, so a creator sees every missing field at once instead of serde's first.
    Missing,
    /// A value of the wrong JSON type (a number where a string belongs, ...), named in plain words.
    WrongType {
        /// What the contract wants there, one of `a string`, `a whole number`, `a number`, `true or false`,
        /// `an object`, `an array` (fixed phrases, so a UI may translate them).
        expected: &'static str,
        /// What the document has there: `null`, `a boolean`, `a number`, `a decimal number`, `a string`,
        /// `an array` or `an object`.
        found: &'static str,
    },
    /// A value outside a closed set, such as an item `kind`; lists what is allowed so the fix is obvious.
    UnknownValue {
        /// The values the contract allows.
        allowed: &'static [&'static str],
    },
    /// Text that is not JSON at all; the position comes from the parser so an editor can jump there.
    InvalidJson {
        /// 1-based line of the error.
        line: usize,
        /// 1-based column of the error.
        column: usize,
        /// The parser's description, without the position.
        message: String,
    },
    /// A whole document larger than the size cap, refused before parsing so it cannot freeze the tab.
    TooLarge {
        /// Size of the document in bytes.
        bytes: usize,
        /// The cap in bytes.
        max: usize,
    },
    /// JSON that is neither an item nor a creator draft, so nothing more specific can be said.
    NotADraft,
    /// The list of problems was cut short here so a hostile draft cannot flood the UI with messages.
    More(usize),
    /// A valid draft of another creator: the studio previews only the signed-in creator's own drafts.
    OtherCreator,
    /// The chosen file could not be read as text, so there is no draft to check at all.
    Unreadable,
    /// A draft URL on another origin: the studio fetches drafts only from its own site, so it cannot be made
    /// to request arbitrary hosts.
    NotSameOrigin,
    /// The draft URL could not be fetched (network error or a non-2xx status).
    Unreachable,
}

impl fmt::Display for ProblemKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ProblemKind::Shape(m) => write!(f, "{m}"),
            ProblemKind::Empty => write!(f, "must not be empty"),
            ProblemKind::TooLong { max } => write!(f, "longer than {max}"),
            ProblemKind::BadId => write!(f, "id must be 1-64 characters of A-Z a-z 0-9 _ -"),
            ProblemKind::BadCode => write!(f, "coupon code must be 4-24 characters of A-Z 0-9 -"),
            ProblemKind::BadUrl(e) => write!(f, "{e}"),
            ProblemKind::BadTime => write!(f, "not an RFC 3339 timestamp"),
            ProblemKind::OutOfRange => write!(f, "value out of range"),
            ProblemKind::Duplicate => write!(f, "duplicate id"),
            ProblemKind::UnsupportedVersion(v) => write!(f, "unsupported document version {v}"),
            ProblemKind::Missing => write!(f, "required field is missing"),
            ProblemKind::WrongType { expected, found } => write!(f, "must be {expected}, not {found}"),
            ProblemKind::UnknownValue { allowed } => write!(f, "must be one of: {}", allowed.join(", ")),
            ProblemKind::InvalidJson { line, column, message } => {
                write!(f, "invalid JSON at line {line}, column {column}: {message}")
            }
            ProblemKind::TooLarge { bytes, max } => write!(f, "document of {bytes} bytes is larger than {max} bytes"),
            ProblemKind::NotADraft => write!(
                f,
                "not a draft: expected {{\"version\": 1, \"item\": …}}, {{\"version\": 1, \"creator\": …}}, \
                 or a bare item or creator object"
            ),
            ProblemKind::More(n) => write!(f, "and {n} more problems not shown"),
            ProblemKind::OtherCreator => write!(f, "belongs to another creator"),
            ProblemKind::Unreadable => write!(f, "the file could not be read as text"),
            ProblemKind::NotSameOrigin => write!(f, "only drafts on this site can be loaded"),
            ProblemKind::Unreachable => write!(f, "the draft could not be fetched"),
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

/// Collects problems under a path prefix while a validator walks a document: the fatal ones, which refuse
/// the thing validated, and notes about optional parts that were dropped while the rest was kept (a bad
/// item embedding), which the app only logs.
#[derive(Debug, Default)]
pub struct Problems {
    list: Vec<Problem>,
    notes: Vec<Problem>,
}

impl Problems {
    /// How many fatal problems were recorded so far.
    pub fn total(&self) -> usize {
        self.list.len()
    }

    /// Records a problem at `path`.
    pub fn add(&mut self, path: impl Into<String>, kind: ProblemKind) {
        self.list.push(Problem { path: path.into(), kind });
    }

    /// Records that the optional part at `path` was dropped for `kind`; the thing itself stays valid.
    pub fn note(&mut self, path: impl Into<String>, kind: ProblemKind) {
        self.notes.push(Problem { path: path.into(), kind });
    }

    /// True when nothing fatal was recorded (notes do not count).
    pub fn is_empty(&self) -> bool {
        self.list.is_empty()
    }

    /// The recorded problems, in the order found (without the notes).
    pub fn into_vec(self) -> Vec<Problem> {
        self.list
    }

    /// The fatal problems and the notes, each in the order found.
    pub fn into_parts(self) -> (Vec<Problem>, Vec<Problem>) {
        (self.list, self.notes)
    }
}
