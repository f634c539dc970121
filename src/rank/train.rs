//! Item embeddings learned from who engaged with what, as a server would learn them from its logs: the
//! spectral embedding of the cosine co-engagement matrix. With `G = XᵀX` (items × items, how many people
//! engaged with both) and `N = D^-½ G D^-½` (so `N[i][j]` is the cosine item-kNN similarity), the top `d`
//! eigenpairs give `e_i = Q[i] · √λ`, whose dot products approximate that similarity. It needs no BLAS, no
//! gradient descent and no tuning beyond `d`, is deterministic for a seed, and on MovieLens does almost as
//! well for session re-ranking as full item-kNN (docs/ranking.md). Used by the demo-pack generator and by
//! the real-data evaluation; the app only reads the vectors it produces.

use super::rng::Rng;

/// Cosine co-engagement similarities of `n` items, dense (fine up to a few thousand items).
pub struct Cooccurrence {
    n: usize,
    cos: Vec<f32>,
    support: Vec<u32>,
}

impl Cooccurrence {
    /// Counts co-engagement over `baskets` (each the distinct items one person engaged with; ids below
    /// `n`, others ignored) and normalises it to cosines.
    pub fn from_baskets(baskets: &[Vec<usize>], n: usize) -> Self {
        let mut g = vec![0f32; n * n];
        for basket in baskets {
            let mut b: Vec<usize> = basket.iter().copied().filter(|&i| i < n).collect();
            b.sort_unstable();
            b.dedup();
            for &i in &b {
                let row = &mut g[i * n..(i + 1) * n];
                for &j in &b {
                    row[j] += 1.0;
                }
            }
        }
        let support: Vec<u32> = (0..n).map(|i| g[i * n + i] as u32).collect();
        let inv: Vec<f32> = support.iter().map(|&s| if s > 0 { 1.0 / (s as f32).sqrt() } else { 0.0 }).collect();
        for i in 0..n {
            for j in 0..n {
                g[i * n + j] *= inv[i] * inv[j];
            }
        }
        Cooccurrence { n, cos: g, support }
    }

    /// Number of items.
    pub fn len(&self) -> usize {
        self.n
    }

    /// Whether there are no items.
    pub fn is_empty(&self) -> bool {
        self.n == 0
    }

    /// How many baskets held item `i`.
    pub fn support(&self, i: usize) -> u32 {
        self.support[i]
    }

    /// Cosine similarity of two items' engagement (0 when either had none).
    pub fn cosine(&self, i: usize, j: usize) -> f32 {
        self.cos[i * self.n + j]
    }

    /// The `dim`-dimensional spectral embedding by subspace iteration (`iters` rounds; 40 is plenty),
    /// seeded. Items nobody engaged with get `None`: there is nothing to learn about them.
    pub fn spectral(&self, dim: usize, iters: usize, seed: u64) -> Vec<Option<Vec<f32>>> {
        let n = self.n;
        let d = dim.min(n);
        if d == 0 {
            return vec![None; n];
        }
        let mut rng = Rng::new(seed);
        // Column-major n × d basis.
        let mut q: Vec<f64> = (0..n * d).map(|_| rng.unit() - 0.5).collect();
        orthonormalise(&mut q, n, d);
        let mut z = vec![0f64; n * d];
        for _ in 0..iters {
            self.mul(&q, &mut z, d);
            std::mem::swap(&mut q, &mut z);
            orthonormalise(&mut q, n, d);
        }
        // Rayleigh quotients give the eigenvalues; order the columns by them, largest first.
        self.mul(&q, &mut z, d);
        let mut lambda: Vec<(usize, f64)> =
            (0..d).map(|k| (k, (0..n).map(|i| q[k * n + i] * z[k * n + i]).sum::<f64>())).collect();
        lambda.sort_by(|a, b| b.1.total_cmp(&a.1));
        (0..n)
            .map(|i| {
                (self.support[i] > 0).then(|| {
                    lambda.iter().map(|&(k, l)| (q[k * n + i] * l.max(0.0).sqrt()) as f32).collect::<Vec<f32>>()
                })
            })
            .collect()
    }

    /// `out = N · q` for a column-major n × d matrix.
    fn mul(&self, q: &[f64], out: &mut [f64], d: usize) {
        let n = self.n;
        for i in 0..n {
            let row = &self.cos[i * n..(i + 1) * n];
            for k in 0..d {
                let col = &q[k * n..(k + 1) * n];
                out[k * n + i] = row.iter().zip(col).map(|(a, b)| f64::from(*a) * b).sum();
            }
        }
    }
}

/// Modified Gram–Schmidt on the columns of a column-major n × d matrix.
fn orthonormalise(q: &mut [f64], n: usize, d: usize) {
    for k in 0..d {
        for j in 0..k {
            let dot: f64 = (0..n).map(|i| q[k * n + i] * q[j * n + i]).sum();
            for i in 0..n {
                q[k * n + i] -= dot * q[j * n + i];
            }
        }
        let norm = (0..n).map(|i| q[k * n + i] * q[k * n + i]).sum::<f64>().sqrt();
        if norm > 1e-12 {
            for i in 0..n {
                q[k * n + i] /= norm;
            }
        }
    }
}

/// Dot product.
pub fn dot(a: &[f32], b: &[f32]) -> f32 {
    a.iter().zip(b).map(|(x, y)| x * y).sum()
}

/// The same product summed in eight independent lanes: one long chain of dependent additions waits on
/// each add in turn, and scoring takes this product for every candidate of every re-rank (a third of a
/// 10,000-item re-rank before). Results differ from [`dot`] only by rounding.
pub fn lane_dot(a: &[f32], b: &[f32]) -> f32 {
    let n = a.len().min(b.len());
    let (mut l0, mut l1, mut l2, mut l3) = (0.0f32, 0.0f32, 0.0f32, 0.0f32);
    let (mut l4, mut l5, mut l6, mut l7) = (0.0f32, 0.0f32, 0.0f32, 0.0f32);
    // Element indexing only (size-optimised builds call out for sub-slices and iterator steps).
    let mut i = 0;
    while i + 8 <= n {
        l0 += a[i] * b[i];
        l1 += a[i + 1] * b[i + 1];
        l2 += a[i + 2] * b[i + 2];
        l3 += a[i + 3] * b[i + 3];
        l4 += a[i + 4] * b[i + 4];
        l5 += a[i + 5] * b[i + 5];
        l6 += a[i + 6] * b[i + 6];
        l7 += a[i + 7] * b[i + 7];
        i += 8;
    }
    let mut tail = 0.0f32;
    while i < n {
        tail += a[i] * b[i];
        i += 1;
    }
    ((l0 + l4) + (l1 + l5)) + ((l2 + l6) + (l3 + l7)) + tail
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lane_dot_matches_dot_up_to_rounding() {
        for n in [0usize, 1, 7, 8, 9, 16, 31, 32] {
            let a: Vec<f32> = (0..n).map(|i| (i as f32 * 0.37).sin()).collect();
            let b: Vec<f32> = (0..n).map(|i| (i as f32 * 0.91).cos()).collect();
            assert!((lane_dot(&a, &b) - dot(&a, &b)).abs() < 1e-5, "n = {n}");
        }
        assert_eq!(lane_dot(&[1.0, 2.0, 3.0], &[4.0, 5.0]), 14.0);
    }

    /// Two groups of items that people engage with together; the embedding must put each group's items
    /// close and the groups apart, although nothing but co-engagement says so.
    #[test]
    fn co_engaged_items_end_up_close() {
        let mut rng = Rng::new(3);
        let mut baskets = Vec::new();
        for u in 0..400 {
            let group = u % 2;
            let b: Vec<usize> = (0..6).map(|_| group * 10 + rng.index(10)).collect();
            baskets.push(b);
        }
        let co = Cooccurrence::from_baskets(&baskets, 21);
        assert!(co.cosine(0, 1) > co.cosine(0, 15));
        let e = co.spectral(4, 40, 1);
        assert!(e[20].is_none(), "an item nobody touched has no embedding");
        let e: Vec<Vec<f32>> = e.into_iter().take(20).map(Option::unwrap).collect();
        for i in 0..20 {
            for j in 0..20 {
                let same = (i < 10) == (j < 10);
                let approx = dot(&e[i], &e[j]);
                if same {
                    assert!(approx > 0.1, "{i} {j} {approx}");
                } else {
                    assert!(approx < 0.05, "{i} {j} {approx}");
                }
            }
        }
    }

    #[test]
    fn the_embedding_is_deterministic_for_a_seed() {
        let baskets = vec![vec![0, 1, 2], vec![1, 2, 3], vec![3, 4], vec![0, 4]];
        let co = Cooccurrence::from_baskets(&baskets, 5);
        assert_eq!(co.spectral(3, 20, 9), co.spectral(3, 20, 9));
    }
}
