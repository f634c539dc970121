//! `make bench` (browser part): the ranker inside headless Chromium, compiled to wasm with the release
//! profile. Prints `wasm rank N items: T us` (median of repeated runs after warm-up) and the wasm memory growth over
//! repeated re-ranks after warm-up, which should be zero: re-ranking allocates per call and frees it all.
#![cfg(target_arch = "wasm32")]

use guang::rank::synthetic::{candidates, context, warmed_profile};
use guang::rank::{rerank_unseen, RankConfig};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn now_ms() -> f64 {
    web_sys::window().and_then(|w| w.performance()).map_or(0.0, |p| p.now())
}

fn memory_bytes() -> f64 {
    wasm_bindgen::memory()
        .dyn_into::<js_sys::WebAssembly::Memory>()
        .map(|m| m.buffer().unchecked_into::<js_sys::ArrayBuffer>().byte_length() as f64)
        .unwrap_or(0.0)
}

#[wasm_bindgen_test]
fn wasm_rank_timings() {
    let cfg = RankConfig::default();
    let ctx = context();
    for n in [100usize, 1_000, 10_000] {
        let cands = candidates(n, 42);
        let profile = warmed_profile(&cands, 60, 7, &cfg);
        let runs = if n >= 10_000 { 15 } else { 41 };
        // The first calls run in the engine's baseline tier; a session re-ranks after every signal, so the
        // figure that matters is the optimised one. Warm up for half a second (at least three calls) so
        // the engine has tiered the ranker up, and report the first call on its own line.
        let t = now_ms();
        let _ = rerank_unseen(&cands, 20.min(n), &profile, &ctx, &cfg, 1);
        let first_us = (now_ms() - t) * 1000.0;
        let mut warm = 1;
        while warm < 3 || now_ms() - t < 500.0 {
            let _ = rerank_unseen(&cands, 20.min(n), &profile, &ctx, &cfg, warm);
            warm += 1;
        }
        let mut times: Vec<f64> = (0..runs)
            .map(|i| {
                let t = now_ms();
                let out = rerank_unseen(&cands, 20.min(n), &profile, &ctx, &cfg, i as u64);
                let dt = now_ms() - t;
                assert_eq!(out.0.len(), n);
                dt
            })
            .collect();
        times.sort_by(f64::total_cmp);
        let median_us = times[times.len() / 2] * 1000.0;
        console_log!("wasm rank {} items: {:.0} us", n, median_us);
        console_log!(
            "(first call, before warm-up, {} items: {:.0} us; after it: p10 {:.0} us, p90 {:.0} us)",
            n,
            first_us,
            times[times.len() / 10] * 1000.0,
            times[times.len() * 9 / 10] * 1000.0
        );
        let before = memory_bytes();
        for i in 0..50 {
            let _ = rerank_unseen(&cands, 20.min(n), &profile, &ctx, &cfg, i);
        }
        console_log!("wasm memory growth over 50 re-ranks of {} items: {} bytes", n, memory_bytes() - before);
    }
}
