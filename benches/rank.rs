//! `make bench` (native part): re-ranking 100, 1,000 and 10,000 cached items with a warmed-up profile.

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion};
use guang::rank::synthetic::{candidates, context, warmed_profile};
use guang::rank::{rerank_unseen, RankConfig};

fn rank(c: &mut Criterion) {
    let cfg = RankConfig::default();
    let ctx = context();
    let mut group = c.benchmark_group("rerank_unseen");
    for n in [100usize, 1_000, 10_000] {
        let cands = candidates(n, 42);
        let profile = warmed_profile(&cands, 60, 7, &cfg);
        group.bench_with_input(BenchmarkId::from_parameter(n), &n, |b, _| {
            b.iter(|| rerank_unseen(std::hint::black_box(&cands), 20.min(n), &profile, &ctx, &cfg, 1))
        });
    }
    group.finish();
}

criterion_group!(benches, rank);
criterion_main!(benches);
