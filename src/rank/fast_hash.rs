//! A fast hasher for the ranker's per-re-rank maps of short ids.

use std::collections::HashMap;

/// FNV-1a. The ranker hashes a few thousand short ids per re-rank (interning, profile snapshots), where std's
/// SipHash was a fifth of the whole re-rank; the ids are validated (at most 64 characters of `[A-Za-z0-9_-]`) and come from the
/// feed the user is browsing, so the worst a hostile feed could do with crafted collisions is slow its own
/// re-rank, which it could do anyway by sending more items.
#[derive(Clone, Copy)]
pub struct Fnv(u64);

impl Default for Fnv {
    fn default() -> Self {
        Fnv(0xcbf2_9ce4_8422_2325)
    }
}

impl std::hash::Hasher for Fnv {
    fn write(&mut self, bytes: &[u8]) {
        for b in bytes {
            self.0 = (self.0 ^ u64::from(*b)).wrapping_mul(0x0100_0000_01b3);
        }
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

/// A map hashed with [`Fnv`].
pub type FastMap<K, V> = HashMap<K, V, std::hash::BuildHasherDefault<Fnv>>;
