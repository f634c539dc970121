//! Dense integer ids for the keys one re-rank compares over and over (creators, topics, campaigns, seen
//! items), from the 64-bit hashes items carry ([`crate::model::keys`]), so a re-rank touches no strings
//! for them.

pub use crate::model::keys::hash;

/// Assigns ids 0, 1, 2… to distinct hashes in the order they are first seen.
pub struct HashIds {
    /// `id + 1` per slot, 0 for empty; the length is a power of two kept at least twice the entries.
    slots: Box<[u32]>,
    /// The hash of each id.
    hashes: Vec<u64>,
}

impl HashIds {
    /// An empty table sized for about `n` distinct hashes (it grows past that).
    pub fn with_capacity(n: usize) -> Self {
        let cap = (n.max(4) * 2).next_power_of_two();
        Self { slots: vec![0; cap].into_boxed_slice(), hashes: Vec::with_capacity(n) }
    }

    /// The id of hash `h`, new if it was not seen before.
    #[inline(always)]
    pub fn id(&mut self, h: u64) -> u32 {
        match self.find(h) {
            Ok(id) => id,
            Err(slot) => {
                let id = self.hashes.len() as u32;
                self.slots[slot] = id + 1;
                self.hashes.push(h);
                if self.hashes.len() * 2 > self.slots.len() {
                    self.grow();
                }
                id
            }
        }
    }

    /// Whether hash `h` has an id.
    #[inline(always)]
    pub fn contains(&self, h: u64) -> bool {
        self.find(h).is_ok()
    }

    /// The id of hash `h`, if it has one.
    #[inline(always)]
    pub fn get(&self, h: u64) -> Option<u32> {
        self.find(h).ok()
    }

    /// Number of ids.
    pub fn len(&self) -> usize {
        self.hashes.len()
    }

    /// Whether there are none.
    pub fn is_empty(&self) -> bool {
        self.hashes.is_empty()
    }

    /// The hash of each id, indexed by id.
    pub fn hashes(&self) -> &[u64] {
        &self.hashes
    }

    /// The id of `h`, or the empty slot where it would go.
    #[inline(always)]
    fn find(&self, h: u64) -> Result<u32, usize> {
        let (slots, hashes): (&[u32], &[u64]) = (&self.slots, &self.hashes);
        let mask = slots.len() - 1;
        let mut i = (h as usize) & mask;
        loop {
            let slot = slots[i];
            if slot == 0 {
                return Err(i);
            }
            if hashes[(slot - 1) as usize] == h {
                return Ok(slot - 1);
            }
            i = (i + 1) & mask;
        }
    }

    fn grow(&mut self) {
        let cap = self.slots.len() * 2;
        let mask = cap - 1;
        self.slots = vec![0; cap].into_boxed_slice();
        for (id, h) in self.hashes.iter().enumerate() {
            let mut i = (*h as usize) & mask;
            while self.slots[i] != 0 {
                i = (i + 1) & mask;
            }
            self.slots[i] = id as u32 + 1;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn equal_keys_share_an_id_and_distinct_ones_do_not() {
        let words: Vec<String> = (0..5_000).map(|i| format!("creator-{i}")).collect();
        let mut ids = HashIds::with_capacity(3);
        let got: Vec<u32> = words.iter().map(|w| ids.id(hash(w))).collect();
        assert_eq!(got, (0..5_000).collect::<Vec<u32>>());
        assert_eq!(ids.len(), 5_000);
        for (i, w) in words.iter().enumerate().rev() {
            assert_eq!(ids.id(hash(w)), i as u32);
        }
        assert_eq!(ids.hashes()[1234], hash("creator-1234"));
        assert_eq!(ids.get(hash("creator-9")), Some(9));
        assert!(ids.contains(hash("creator-77")));
        assert!(!ids.contains(hash("creator-5000")));
    }
}
