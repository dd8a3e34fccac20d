//! Scaling ratios, timed interleaved so that the load of a shared machine falls on every
//! variant alike: each round checks every variant once, and a ratio is the median of the
//! per-round ratios (criterion times one variant after the other, minutes apart).
//!
//! - `linear`: the 10 MB input against the 1 MB input, dense and sparse. Goal: ≤ 11×.
//! - `bundle`: the dense 1 MB input against the default bundle and against bundles with 10×
//!   and 100× as many debunked claims (`support/scaled.rs`). Goal: 100× ≤ 1.3× the time.
//!
//! `cargo bench --bench scaling` prints JSON and writes it to `target/bench/scaling.json`
//! (`./build.sh bench` folds it into `summary.json`). `SARING_BENCH_QUICK=1`: fewer rounds.

mod support {
    pub mod inputs;
    pub mod scaled;
}

use std::hint::black_box;
use std::time::Instant;

use saring::{CheckOptions, Engine};
use serde_json::{Value, json};
use support::inputs::{Density, Sources};
use support::scaled::bundle_with;

fn median(mut v: Vec<f64>) -> f64 {
    v.sort_by(f64::total_cmp);
    let n = v.len();
    if n == 0 {
        return f64::NAN;
    }
    if n % 2 == 1 {
        v[n / 2]
    } else {
        (v[n / 2 - 1] + v[n / 2]) / 2.0
    }
}

/// Seconds of one check.
fn time(engine: &Engine, text: &str) -> f64 {
    let t = Instant::now();
    black_box(engine.check(black_box(text), &CheckOptions::default()));
    t.elapsed().as_secs_f64()
}

/// `rounds` interleaved rounds over `variants` (each an engine and a text); the first
/// variant is the base of the ratios.
fn interleaved(variants: &[(&str, &Engine, &str)], rounds: usize) -> Value {
    for (_, e, t) in variants {
        time(e, t); // warm-up
    }
    let mut times = vec![Vec::new(); variants.len()];
    for _ in 0..rounds {
        for (i, (_, e, t)) in variants.iter().enumerate() {
            times[i].push(time(e, t));
        }
    }
    let mut out = serde_json::Map::new();
    for (i, (name, _, text)) in variants.iter().enumerate() {
        let ratios: Vec<f64> = times[i].iter().zip(&times[0]).map(|(a, b)| a / b).collect();
        out.insert(
            name.to_string(),
            json!({
                "bytes": text.len(),
                "median_s": median(times[i].clone()),
                "samples_s": times[i],
                "ratio": median(ratios),
            }),
        );
    }
    json!({ "rounds": rounds, "variants": out })
}

fn main() {
    // `cargo bench` passes `--bench`; `cargo test --benches` passes nothing to run.
    if !std::env::args().any(|a| a == "--bench") {
        return;
    }
    let quick = std::env::var_os("SARING_BENCH_QUICK").is_some_and(|v| v != "0");
    let src = Sources::load();
    let engine = Engine::new().expect("the default bundle loads");
    let mut linear = serde_json::Map::new();
    for d in Density::ALL {
        let small = src.make(d, 1_000_000);
        let large = src.make(d, 10_000_000);
        let r = interleaved(
            &[("1m", &engine, &small), ("10m", &engine, &large)],
            if quick { 3 } else { 5 },
        );
        eprintln!("linear/{}: {r}", d.name());
        linear.insert(d.name().to_string(), r);
    }

    let text = src.make(Density::Dense, 1_000_000);
    let engines: Vec<(String, Engine, usize)> = [1usize, 10, 100]
        .into_iter()
        .map(|f| {
            let b = bundle_with(f);
            let n = b.debunked.len();
            (format!("x{f}"), Engine::with_bundles(vec![b]), n)
        })
        .collect();
    let variants: Vec<(&str, &Engine, &str)> = engines
        .iter()
        .map(|(n, e, _)| (n.as_str(), e, text.as_str()))
        .collect();
    let mut bundle = interleaved(&variants, if quick { 5 } else { 11 });
    for (n, _, count) in &engines {
        bundle["variants"][n]["debunked"] = json!(count);
    }
    eprintln!("bundle: {bundle}");

    let out = json!({ "linear": linear, "bundle": bundle });
    let path = support::inputs::root().join("target/bench/scaling.json");
    let _ = std::fs::create_dir_all(path.parent().expect("has a parent"));
    if let Err(e) = std::fs::write(&path, format!("{out:#}\n")) {
        eprintln!("scaling: cannot write {}: {e}", path.display());
    }
    println!("{out:#}");
}
