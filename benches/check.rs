//! Throughput of `Engine::check` on 10 KB, 100 KB, 1 MB and 10 MB of election-dense and
//! election-sparse text (`support/inputs.rs`): `check/dense/*`, `check/sparse/*`.
//!
//! How the time scales (with the input: linear; with the bundle: 100× the debunked claims at
//! most 1.3× the time) is measured by `benches/scaling.rs`, which times the variants
//! interleaved so that a shared machine's load falls on all of them alike.
//!
//! `cargo bench --bench check`; `./build.sh bench` runs it and writes the numbers into
//! `target/bench/summary.json` and `BENCHMARKS.md`. `SARING_BENCH_QUICK=1` takes fewer samples.

mod support {
    pub mod inputs;
}

use std::hint::black_box;
use std::time::Duration;

use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use saring::{CheckOptions, Engine};
use support::inputs::{Density, SIZES, Sources};

fn quick() -> bool {
    std::env::var_os("SARING_BENCH_QUICK").is_some_and(|v| v != "0")
}

/// Samples and measurement time for one input size: criterion's minimum of 10 samples for
/// the large inputs, whose single runs already take seconds.
fn budget(size: usize) -> (usize, Duration) {
    let q = quick();
    match size {
        s if s >= 10_000_000 => (10, Duration::from_secs(if q { 10 } else { 30 })),
        s if s >= 1_000_000 => (10, Duration::from_secs(if q { 3 } else { 8 })),
        _ => (
            if q { 20 } else { 50 },
            Duration::from_secs(if q { 2 } else { 4 }),
        ),
    }
}

fn check_sizes(c: &mut Criterion) {
    let engine = Engine::new().expect("the default bundle loads");
    let opts = CheckOptions::default();
    let src = Sources::load();
    for density in Density::ALL {
        let mut g = c.benchmark_group(format!("check/{}", density.name()));
        g.warm_up_time(Duration::from_secs(1));
        for (size, name) in SIZES {
            let text = src.make(density, size);
            let (samples, time) = budget(size);
            g.sample_size(samples).measurement_time(time);
            g.throughput(Throughput::Bytes(text.len() as u64));
            g.bench_with_input(BenchmarkId::from_parameter(name), &text, |b, t| {
                b.iter(|| engine.check(black_box(t), &opts))
            });
        }
        g.finish();
    }
}

criterion_group!(benches, check_sizes);
criterion_main!(benches);
