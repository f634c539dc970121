//! Share codes (in the spirit of 淘口令): a short code a person can read aloud, type or paste into a chat, that
//! turns back into an item or a creator on any device without asking a server.
//!
//! Layout, in Crockford base32 symbols: the marker `G`, a kind symbol (`1` item, `C` creator, `Q` an item with a
//! coupon), the payload packed at six bits per character (ids are `[A-Za-z0-9_-]`, exactly 64 characters; a
//! coupon code's `A-Z 0-9 -` are among them), then two check symbols. An item-with-coupon payload is the id's
//! length less one (one six-bit value), the id, then the coupon code: a creator hands such a code out in a
//! group, and whoever opens it lands on the item with that coupon shown (or told it has ended). The checks
//! are Damm-style folds over GF(32) (`s ← a·s + d`, with `a` = 2 and then 3): the mod-N generalisation of Luhn
//! has a blind spot for even N (plain Luhn mod 32 misses the transposition `0Z` ↔ `Z0`), this fold has none, so
//! every single-symbol substitution and every adjacent transposition is caught. Printed in groups of four.

use std::fmt;

use crate::model::coupon::is_code;
use crate::model::text::is_valid_id;

/// Crockford base32, the alphabet people can read without confusing 0/O or 1/I/L.
const ALPHABET: &[u8; 32] = b"0123456789ABCDEFGHJKMNPQRSTVWXYZ";
/// Marker symbol `G` (value 16): lets a code be spotted inside pasted text.
const MARKER: u8 = 16;
/// Kind symbol for items (`1`, also typed as `I` or `L`).
const KIND_ITEM: u8 = 1;
/// Kind symbol for creators (`C`).
const KIND_CREATOR: u8 = 12;
/// Kind symbol for an item with a coupon (`Q`, for 券).
const KIND_COUPON: u8 = 23;
/// Longest code in symbols: marker, kind, a length, 64 id characters and a 24-character coupon code at 6 bits
/// (107 symbols), two checks.
const MAX_SYMBOLS: usize = 2 + 107 + 2;
/// Only this much of a paste is scanned, so a pasted novel costs the same as a code.
const MAX_SCAN_BYTES: usize = 4096;

/// What a share code points at; ids are contract ids, so the code can be turned into an in-app route.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ShareTarget {
    /// An item (`/item/{id}`).
    Item(String),
    /// A creator (`/creator/{id}`).
    Creator(String),
    /// An item with one of its products' coupons (`/item/{item}`; the page reads the coupon from the code).
    ItemCoupon {
        /// Item id.
        item: String,
        /// The coupon's code (4 to 24 of `A-Z 0-9 -`).
        coupon: String,
    },
}

impl ShareTarget {
    /// The in-app route the code opens, so callers never build paths from ids by hand.
    pub fn path(&self) -> String {
        match self {
            ShareTarget::Item(id) | ShareTarget::ItemCoupon { item: id, .. } => format!("/item/{id}"),
            ShareTarget::Creator(id) => format!("/creator/{id}"),
        }
    }

    /// The coupon code a code carries, if any.
    pub fn coupon(&self) -> Option<&str> {
        match self {
            ShareTarget::ItemCoupon { coupon, .. } => Some(coupon),
            _ => None,
        }
    }

    /// The id without its kind, for callers that already know which kind they hold.
    pub fn id(&self) -> &str {
        match self {
            ShareTarget::Item(id) | ShareTarget::Creator(id) | ShareTarget::ItemCoupon { item: id, .. } => id,
        }
    }
}

/// Why a text did not yield a target; English, for logs (the UI shows its own localised message).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum CodeError {
    /// Nothing but white space was given.
    Empty,
    /// Nothing in the text looks like a share code.
    NotACode,
    /// Something looks like a code but a symbol is wrong (typo, swapped pair, truncated paste).
    BadChecksum,
    /// The checks pass but the payload is not a valid id (a code from a newer or foreign format).
    BadId,
}

impl fmt::Display for CodeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            CodeError::Empty => "empty share code",
            CodeError::NotACode => "no share code found in the text",
            CodeError::BadChecksum => "share code has a wrong symbol (checksum mismatch)",
            CodeError::BadId => "share code does not contain a valid id",
        })
    }
}

/// Encodes a target as a grouped code such as `G1XX-XXXX-XX`. A target whose id (or coupon code) is not valid
/// has no code and yields an empty string (ids from the model are always valid, so this never reaches a user).
pub fn encode_share_code(t: &ShareTarget) -> String {
    let (kind, id) = match t {
        ShareTarget::Item(id) => (KIND_ITEM, id),
        ShareTarget::Creator(id) => (KIND_CREATOR, id),
        ShareTarget::ItemCoupon { item, .. } => (KIND_COUPON, item),
    };
    if !is_valid_id(id) || t.coupon().is_some_and(|c| !is_code(c)) {
        return String::new();
    }
    let mut values: Vec<u8> = Vec::with_capacity(1 + id.len() + 24);
    if let Some(coupon) = t.coupon() {
        values.push((id.len() - 1) as u8);
        values.extend(id.bytes().chain(coupon.bytes()).map(|b| six_bits(b).unwrap_or(0)));
    } else {
        values.extend(id.bytes().map(|b| six_bits(b).unwrap_or(0)));
    }
    let mut symbols = vec![MARKER, kind];
    let (mut acc, mut bits) = (0u32, 0u32);
    for v in values {
        acc = (acc << 6) | u32::from(v);
        bits += 6;
        while bits >= 5 {
            bits -= 5;
            symbols.push(((acc >> bits) & 31) as u8);
        }
        acc &= (1 << bits) - 1;
    }
    if bits > 0 {
        symbols.push(((acc << (5 - bits)) & 31) as u8);
    }
    let c1 = gf_mul(2, fold(2, &symbols));
    symbols.push(c1);
    let c2 = gf_mul(3, fold(3, &symbols));
    symbols.push(c2);
    let mut out = String::with_capacity(symbols.len() + symbols.len() / 4);
    for (i, s) in symbols.iter().enumerate() {
        if i > 0 && i % 4 == 0 {
            out.push('-');
        }
        out.push(char::from(ALPHABET[usize::from(*s)]));
    }
    out
}

/// Finds and decodes a share code in whatever a person pasted or typed: a bare code in any case with or without
/// dashes and spaces, a code inside a chat message, or a share URL carrying `code=`. Only the first 4 KB are read.
pub fn decode_share_code(input: &str) -> Result<ShareTarget, CodeError> {
    let mut end = input.len().min(MAX_SCAN_BYTES);
    while !input.is_char_boundary(end) {
        end -= 1;
    }
    let text = &input[..end];
    if text.trim().is_empty() {
        return Err(CodeError::Empty);
    }
    let mut worst = CodeError::NotACode;
    if let Some(value) = code_param(text) {
        match normalize(value).map(|s| decode_symbols(&s)) {
            Some(Ok(t)) => return Ok(t),
            Some(Err(e)) => worst = worse(worst, e),
            None => {}
        }
    }
    let is_run_char = |c: char| c.is_ascii_alphanumeric() || c == '-' || c.is_ascii_whitespace();
    for run in text.split(|c: char| !is_run_char(c)) {
        let words: Vec<&str> = run.split_ascii_whitespace().collect();
        for start in 0..words.len() {
            if !words[start].trim_start_matches('-').starts_with(['g', 'G']) {
                continue;
            }
            let mut symbols = Vec::new();
            let mut found = None;
            for word in &words[start..] {
                match normalize(word) {
                    Some(s) if symbols.len() + s.len() <= MAX_SYMBOLS => symbols.extend(s),
                    _ => break,
                }
                match decode_symbols(&symbols) {
                    Ok(t) => found = Some(t),
                    Err(e) => worst = worse(worst, e),
                }
            }
            if let Some(t) = found {
                return Ok(t);
            }
        }
    }
    Err(worst)
}

/// The value of a `code=` query parameter, if the text contains one (checked before scanning the rest, so the
/// host name of a share URL can never shadow its code).
fn code_param(text: &str) -> Option<&str> {
    let lower = text.to_ascii_lowercase();
    let mut from = 0;
    while let Some(pos) = lower[from..].find("code=") {
        let at = from + pos;
        let preceded_ok = at == 0 || matches!(lower.as_bytes()[at - 1], b'?' | b'&' | b'#' | b' ');
        let value_start = at + "code=".len();
        if preceded_ok {
            let rest = &text[value_start..];
            let len = rest.find(|c: char| matches!(c, '&' | '#') || c.is_whitespace()).unwrap_or(rest.len());
            return Some(&rest[..len]);
        }
        from = value_start;
    }
    None
}

/// Maps typed characters to symbol values: case-insensitive, O→0, I/L→1, dashes and spaces skipped. `None`
/// when anything else appears (including `U`, which Crockford reserves).
fn normalize(s: &str) -> Option<Vec<u8>> {
    let mut out = Vec::with_capacity(s.len());
    for c in s.chars() {
        let c = match c.to_ascii_uppercase() {
            '-' | ' ' | '\t' | '\n' | '\r' => continue,
            'O' => '0',
            'I' | 'L' => '1',
            c => c,
        };
        let v = ALPHABET.iter().position(|&a| char::from(a) == c)?;
        out.push(v as u8);
    }
    Some(out)
}

/// Checks and unpacks a normalised symbol string.
fn decode_symbols(symbols: &[u8]) -> Result<ShareTarget, CodeError> {
    let plausible = symbols.len() >= 6
        && symbols.len() <= MAX_SYMBOLS
        && symbols[0] == MARKER
        && matches!(symbols[1], KIND_ITEM | KIND_CREATOR | KIND_COUPON);
    if !plausible {
        return Err(CodeError::NotACode);
    }
    let (body, _) = symbols.split_at(symbols.len() - 1);
    if fold(2, body) != 0 || fold(3, symbols) != 0 {
        return Err(CodeError::BadChecksum);
    }
    let payload = &symbols[2..symbols.len() - 2];
    let n = payload.len() * 5 / 6;
    if n == 0 || n > 89 || (n * 6).div_ceil(5) != payload.len() {
        return Err(CodeError::BadId);
    }
    let mut values: Vec<u8> = Vec::with_capacity(n);
    let (mut acc, mut bits) = (0u32, 0u32);
    for &s in payload {
        acc = (acc << 5) | u32::from(s);
        bits += 5;
        if bits >= 6 && values.len() < n {
            bits -= 6;
            values.push(((acc >> bits) & 63) as u8);
        }
        acc &= (1 << bits) - 1;
    }
    // Non-zero padding bits would give a second spelling of the same id: refuse it so codes stay canonical.
    if acc != 0 {
        return Err(CodeError::BadId);
    }
    let text = |vs: &[u8]| vs.iter().map(|v| id_char(*v)).collect::<String>();
    let target = match symbols[1] {
        KIND_COUPON => {
            let id_len = usize::from(values[0]) + 1;
            let (id, coupon) = values[1..].split_at_checked(id_len).ok_or(CodeError::BadId)?;
            ShareTarget::ItemCoupon { item: text(id), coupon: text(coupon) }
        }
        // Longer than any id (only a coupon code may be): refused before the id check, which would too.
        _ if n > 64 => return Err(CodeError::BadId),
        KIND_ITEM => ShareTarget::Item(text(&values)),
        _ => ShareTarget::Creator(text(&values)),
    };
    if !is_valid_id(target.id()) || target.coupon().is_some_and(|c| !is_code(c)) {
        return Err(CodeError::BadId);
    }
    Ok(target)
}

/// The more informative of two errors: a near miss tells the user more than "no code".
fn worse(a: CodeError, b: CodeError) -> CodeError {
    let rank = |e: &CodeError| match e {
        CodeError::Empty | CodeError::NotACode => 0,
        CodeError::BadId => 1,
        CodeError::BadChecksum => 2,
    };
    if rank(&b) > rank(&a) {
        b
    } else {
        a
    }
}

/// Six-bit value of an id byte.
fn six_bits(b: u8) -> Option<u8> {
    match b {
        b'0'..=b'9' => Some(b - b'0'),
        b'A'..=b'Z' => Some(b - b'A' + 10),
        b'a'..=b'z' => Some(b - b'a' + 36),
        b'-' => Some(62),
        b'_' => Some(63),
        _ => None,
    }
}

/// Inverse of [`six_bits`] (every 6-bit value is a valid id character).
fn id_char(v: u8) -> char {
    char::from(match v {
        0..=9 => b'0' + v,
        10..=35 => b'A' + v - 10,
        36..=61 => b'a' + v - 36,
        62 => b'-',
        _ => b'_',
    })
}

/// Multiplication in GF(32) with the primitive polynomial x⁵ + x² + 1.
fn gf_mul(mut a: u8, mut b: u8) -> u8 {
    let mut p = 0u8;
    while b != 0 {
        if b & 1 != 0 {
            p ^= a;
        }
        b >>= 1;
        a <<= 1;
        if a & 32 != 0 {
            a ^= 0b100101;
        }
    }
    p & 31
}

/// The check fold `s ← a·s + d`: zero over a valid code. Transposing neighbours x, y changes the state by
/// (a+1)(x+y) ≠ 0 and every later step is a bijection, hence the detection guarantee.
fn fold(a: u8, symbols: &[u8]) -> u8 {
    symbols.iter().fold(0, |s, &d| gf_mul(a, s) ^ d)
}

#[cfg(test)]
#[path = "share_code_tests.rs"]
mod tests;
