//! Checks a file against the default bundle grown to N times its debunked claims (the
//! synthetic variants of `benches/support/scaled.rs`), for profiling the bundle-scaling
//! bench: `cargo run --release --example scaled_check -- 100 target/bench/inputs/dense-1m.txt [RUNS]`,
//! or under `valgrind --tool=callgrind --toggle-collect='saring::engine::Engine::check*'`.

#[path = "../benches/support/inputs.rs"]
mod inputs;
#[path = "../benches/support/scaled.rs"]
mod scaled;

use saring::{CheckOptions, Engine};

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (Some(factor), Some(path)) = (args.first().and_then(|f| f.parse().ok()), args.get(1))
    else {
        eprintln!("usage: scaled_check FACTOR FILE");
        std::process::exit(2);
    };
    let text = match std::fs::read_to_string(path) {
        Ok(t) => t,
        Err(e) => {
            eprintln!("scaled_check: {path}: {e}");
            std::process::exit(2);
        }
    };
    let runs: usize = args.get(2).and_then(|r| r.parse().ok()).unwrap_or(1);
    let engine = Engine::with_bundles(vec![scaled::bundle_with(factor)]);
    let mut times = Vec::new();
    let mut report = None;
    for _ in 0..runs.max(1) {
        let t = std::time::Instant::now();
        report = Some(engine.check(&text, &CheckOptions::default()));
        times.push(t.elapsed().as_secs_f64() * 1e3);
    }
    times.sort_by(f64::total_cmp);
    let Some(report) = report else { return };
    let c = report.counts();
    println!(
        "x{factor}: {} claims (verified {}, contradicted {}, debunked {}, unverified {}); \
         min {:.1} ms, median {:.1} ms of {}",
        report.claims.len(),
        c[0],
        c[1],
        c[2],
        c[3],
        times[0],
        times[times.len() / 2],
        times.len()
    );
}
