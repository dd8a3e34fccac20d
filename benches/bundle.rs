//! Loading the default bundle: decoding the compiled form, and building the engine's indexes.
//! Run with `cargo bench --bench bundle`; numbers are written down in BENCHMARKS.md.

use criterion::{Criterion, criterion_group, criterion_main};
use saring::Engine;
use saring::bundle::compile::Compiled;
use saring::bundle::load::DEFAULT_BUNDLE;

fn load(c: &mut Criterion) {
    let mut g = c.benchmark_group("bundle");
    g.sample_size(30);
    g.bench_function("decode", |b| {
        b.iter(|| Compiled::from_bytes(std::hint::black_box(DEFAULT_BUNDLE)).expect("decodes"))
    });
    g.bench_function("engine_new", |b| b.iter(|| Engine::new().expect("loads")));
    g.finish();
}

criterion_group!(benches, load);
criterion_main!(benches);
