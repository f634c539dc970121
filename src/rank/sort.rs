//! Ordering a re-rank's scores, best first: the one full sort each re-rank does.

/// A key whose unsigned order is the descending order of `x` under `total_cmp`, so sorting plain
/// integers gives the best first.
pub fn descending_key(x: f64) -> u64 {
    let b = x.to_bits();
    let ascending = if b >> 63 == 1 { !b } else { b | (1 << 63) };
    !ascending
}

/// Indices `0..scores.len()` by descending score, ties by index: the exact order of sorting
/// `(descending_key(score), index)` pairs. It sorts the high 32 bits of each key with the index packed
/// below them (a byte-wise radix sort, which skips the bytes all keys share), then puts the rare runs whose
/// high bits tie in full order: a quarter of the work of sorting pairs, in less code.
pub fn best_first(scores: &[f64]) -> Vec<u32> {
    let n = scores.len();
    let mut packed: Vec<u64> = Vec::with_capacity(n);
    for (i, s) in scores.iter().enumerate() {
        packed.push((descending_key(*s) & !0xffff_ffff) | i as u64);
    }
    radix_sort_high(&mut packed);
    // Runs that tie on the high bits: order them by the full key (the index still breaks exact ties).
    let mut start = 0;
    while start < n {
        let mut end = start + 1;
        while end < n && packed[end] >> 32 == packed[start] >> 32 {
            end += 1;
        }
        if end - start > 1 {
            packed[start..end].sort_unstable_by_key(|p| (descending_key(scores[(*p & 0xffff_ffff) as usize]), *p));
        }
        start = end;
    }
    packed.into_iter().map(|p| p as u32).collect()
}

/// Stable least-significant-byte-first radix sort of the high 32 bits; with the input in index order
/// (packed in the low bits), ties stay in index order.
fn radix_sort_high(v: &mut Vec<u64>) {
    let n = v.len();
    let mut counts = [[0usize; 256]; 4];
    for p in v.iter() {
        let b = (*p >> 32) as u32;
        counts[0][(b & 0xff) as usize] += 1;
        counts[1][((b >> 8) & 0xff) as usize] += 1;
        counts[2][((b >> 16) & 0xff) as usize] += 1;
        counts[3][(b >> 24) as usize] += 1;
    }
    let mut other = vec![0u64; n];
    for (byte, count) in counts.iter_mut().enumerate() {
        if count.contains(&n) {
            continue;
        }
        let mut next = 0;
        for c in count.iter_mut() {
            let here = *c;
            *c = next;
            next += here;
        }
        let shift = 32 + 8 * byte as u32;
        for &p in v.iter() {
            let slot = &mut count[((p >> shift) & 0xff) as usize];
            if let Some(o) = other.get_mut(*slot) {
                *o = p;
            }
            *slot += 1;
        }
        std::mem::swap(v, &mut other);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn reference(scores: &[f64]) -> Vec<u32> {
        let mut keyed: Vec<(u64, u32)> =
            scores.iter().enumerate().map(|(i, s)| (descending_key(*s), i as u32)).collect();
        keyed.sort_unstable();
        keyed.into_iter().map(|(_, i)| i).collect()
    }

    #[test]
    fn radix_order_equals_the_comparison_sort_ties_and_all() {
        let mut state = 7u64;
        let mut next = || {
            state = state.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
            (state >> 11) as f64 / (1u64 << 53) as f64
        };
        for n in [0usize, 1, 511, 512, 3_000, 20_000] {
            // A narrow range with many exact ties, negative and positive, like real totals.
            let scores: Vec<f64> = (0..n)
                .map(|i| match i % 5 {
                    0 => 0.5,
                    1 => -0.25 - next(),
                    _ => 1.0 + next() * 1e-3,
                })
                .collect();
            assert_eq!(best_first(&scores), reference(&scores), "n = {n}");
        }
        let odd = [f64::INFINITY, -0.0, 0.0, f64::NEG_INFINITY, 1e-300, -1e300];
        let many: Vec<f64> = odd.iter().cycle().take(600).copied().collect();
        assert_eq!(best_first(&many), reference(&many));
    }
}
