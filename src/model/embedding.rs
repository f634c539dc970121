//! Item embeddings on the wire: `{"scale": 0.0123, "q": "<base64 of dim signed bytes>"}`, value k being
//! `scale * q[k]`. Int8 with one scale per item keeps a 32-dimensional vector to about 60 bytes of JSON, and
//! the ranker gets plain `f32`s. The server learns the vectors from its logs; the device only compares them.

use serde::Serialize;

use super::item::Item;
use super::problem::{Problem, ProblemKind};

/// Smallest embedding dimension `index.json` may declare.
pub const MIN_DIM: usize = 16;
/// Largest embedding dimension `index.json` may declare (the ranker's cost grows with it).
pub const MAX_DIM: usize = 32;
/// Largest allowed `scale`: with |q| ≤ 127 no component exceeds 127 × this, so one hostile vector cannot
/// dominate every dot product.
pub const MAX_SCALE: f64 = 1.0;

/// An embedding as the contract carries it. Written by serde; read by hand wherever it comes in (an item in
/// `Item::from_value`, a stored profile in `Profile::from_json`), so a bad one costs only itself.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Embedding {
    /// Multiplier of every quantised component; finite, positive, at most [`MAX_SCALE`].
    pub scale: f64,
    /// Standard base64 (with padding) of the components as signed bytes.
    pub q: String,
}

impl Embedding {
    /// Quantises a vector to one byte per component (the largest component maps to ±127). Used by the
    /// demo generator and by the profile, which keeps the embeddings of engaged items this compact.
    pub fn encode(v: &[f32]) -> Embedding {
        let max = v.iter().filter(|x| x.is_finite()).fold(0.0f32, |m, x| m.max(x.abs()));
        let scale = if max > 0.0 { f64::from(max) / 127.0 } else { 1.0 / 127.0 };
        let bytes: Vec<u8> = v
            .iter()
            .map(|x| {
                let q = if x.is_finite() { (f64::from(*x) / scale).round().clamp(-127.0, 127.0) } else { 0.0 };
                (q as i8) as u8
            })
            .collect();
        Embedding { scale: scale.min(MAX_SCALE), q: base64_encode(&bytes) }
    }

    /// The vector, or why it is refused: not base64, a length outside 16..=32 (or not `dim` when one is
    /// given), or a scale that is not a finite number in (0, 1].
    pub fn decode(&self, dim: Option<usize>) -> Result<Vec<f32>, ProblemKind> {
        if !(self.scale.is_finite() && self.scale > 0.0 && self.scale <= MAX_SCALE) {
            return Err(ProblemKind::OutOfRange);
        }
        let max_q = 4 * MAX_DIM.div_ceil(3);
        if self.q.len() > max_q {
            return Err(ProblemKind::TooLong { max: max_q });
        }
        let bytes = base64_decode(&self.q).ok_or(ProblemKind::Shape("not base64".into()))?;
        let ok_len = match dim {
            Some(d) => bytes.len() == d,
            None => (MIN_DIM..=MAX_DIM).contains(&bytes.len()),
        };
        if !ok_len {
            let (lo, hi) = dim.map_or((MIN_DIM, MAX_DIM), |d| (d, d));
            return Err(ProblemKind::Shape(format!("embedding has {} components, expected {lo} to {hi}", bytes.len())));
        }
        Ok(bytes.iter().map(|b| (f64::from(*b as i8) * self.scale) as f32).collect())
    }
}

/// Keeps only the vectors of `items` that have `dim` components, the dimension `index.json` declares, and
/// drops the others (both the wire form and the vector, so validating again changes nothing), saying why for
/// each: vectors of another length mean nothing next to the rest. With no declared dimension every vector is
/// dropped, since nothing says which are comparable. Paths name the item by id (`item i0042.embedding`), as
/// the items of a page no longer know their place in the document.
pub fn enforce_dim(items: &mut [Item], dim: Option<usize>) -> Vec<Problem> {
    let mut dropped = Vec::new();
    for item in items.iter_mut() {
        let Some(len) = item.vector.as_ref().map(|v| v.len()) else { continue };
        if dim == Some(len) {
            continue;
        }
        let why = match dim {
            Some(d) => format!("{len} components, but index.json declares embedding_dim {d}"),
            None => "index.json declares no embedding_dim".to_string(),
        };
        dropped.push(Problem { path: format!("item {}.embedding", item.id), kind: ProblemKind::Shape(why) });
        item.vector = None;
        item.embedding = None;
    }
    dropped
}

const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

/// Standard base64 with padding.
pub fn base64_encode(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let b = [chunk[0], *chunk.get(1).unwrap_or(&0), *chunk.get(2).unwrap_or(&0)];
        let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
        for i in 0..4 {
            if i <= chunk.len() {
                out.push(ALPHABET[((n >> (18 - 6 * i)) & 63) as usize] as char);
            } else {
                out.push('=');
            }
        }
    }
    out
}

/// Decodes standard base64 with padding; `None` for anything else (wrong length, stray characters, bits
/// after the end).
pub fn base64_decode(s: &str) -> Option<Vec<u8>> {
    let s = s.as_bytes();
    if !s.len().is_multiple_of(4) {
        return None;
    }
    let value = |c: u8| -> Option<u32> {
        Some(match c {
            b'A'..=b'Z' => c - b'A',
            b'a'..=b'z' => c - b'a' + 26,
            b'0'..=b'9' => c - b'0' + 52,
            b'+' => 62,
            b'/' => 63,
            _ => return None,
        } as u32)
    };
    let mut out = Vec::with_capacity(s.len() / 4 * 3);
    let chunks = s.len() / 4;
    for (ci, chunk) in s.chunks(4).enumerate() {
        let pad = chunk.iter().rev().take_while(|c| **c == b'=').count();
        if pad > 2 || (pad > 0 && ci + 1 != chunks) {
            return None;
        }
        let mut n = 0u32;
        for (i, c) in chunk.iter().enumerate() {
            let v = if i >= 4 - pad { 0 } else { value(*c)? };
            n |= v << (18 - 6 * i);
        }
        let bytes = [(n >> 16) as u8, (n >> 8) as u8, n as u8];
        // Bits beyond the last byte must be zero, so every vector has exactly one spelling.
        if (pad == 1 && bytes[2] != 0) || (pad == 2 && (bytes[1] != 0 || bytes[2] != 0)) {
            return None;
        }
        out.extend_from_slice(&bytes[..3 - pad]);
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base64_round_trips_every_length() {
        for n in 0..40u8 {
            let bytes: Vec<u8> = (0..n).map(|i| i.wrapping_mul(37).wrapping_add(200)).collect();
            let s = base64_encode(&bytes);
            assert_eq!(base64_decode(&s), Some(bytes), "{s}");
        }
        assert_eq!(base64_encode(b"Man"), "TWFu");
        assert_eq!(base64_encode(b"Ma"), "TWE=");
    }

    #[test]
    fn bad_base64_is_refused() {
        for bad in ["TWF", "TW=u", "TWE==", "TW!u", "TWF=TWFu", "TWF=", "=AAA"] {
            assert_eq!(base64_decode(bad), None, "{bad}");
        }
    }

    #[test]
    fn encode_then_decode_is_close() {
        let v: Vec<f32> = (0..32).map(|i| ((i as f32) * 0.37).sin() * 0.4).collect();
        let e = Embedding::encode(&v);
        let back = e.decode(Some(32)).unwrap();
        for (a, b) in v.iter().zip(&back) {
            assert!((a - b).abs() <= 0.4 / 127.0, "{a} {b}");
        }
    }

    #[test]
    fn wrong_lengths_and_scales_are_refused() {
        let e = Embedding::encode(&[0.5; 16]);
        assert!(e.decode(Some(32)).is_err());
        assert!(e.decode(None).is_ok());
        assert!(Embedding::encode(&[0.5; 8]).decode(None).is_err());
        assert!(Embedding::encode(&[0.5; 40]).decode(None).is_err());
        for scale in [0.0, -1.0, f64::NAN, f64::INFINITY, 2.0] {
            assert!(Embedding { scale, ..e.clone() }.decode(None).is_err(), "{scale}");
        }
        let huge = Embedding { scale: 0.1, q: "A".repeat(10_000) };
        assert!(huge.decode(None).is_err());
    }
}
