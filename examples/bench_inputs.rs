//! Writes the benchmark inputs (see `benches/support/inputs.rs`) to a directory, for the
//! browser benches and for profiling: `cargo run --release --example bench_inputs -- DIR`
//! gives `DIR/{dense,sparse}-{10k,100k,1m,10m}.txt`, and `DIR/lexicon.json`: the first 40
//! terms of Saring's election lexicon, which the browser bench gives mark.js to highlight.

#[path = "../benches/support/inputs.rs"]
mod inputs;

use inputs::{Density, SIZES, Sources};

fn main() {
    let dir = std::env::args()
        .nth(1)
        .unwrap_or_else(|| "target/bench/inputs".into());
    if let Err(e) = std::fs::create_dir_all(&dir) {
        eprintln!("bench_inputs: cannot create {dir}: {e}");
        std::process::exit(2);
    }
    let src = Sources::load();
    for d in Density::ALL {
        for (size, name) in SIZES {
            let path = format!("{dir}/{}-{name}.txt", d.name());
            if let Err(e) = std::fs::write(&path, src.make(d, size)) {
                eprintln!("bench_inputs: cannot write {path}: {e}");
                std::process::exit(2);
            }
        }
    }
    let terms: Vec<&str> = saring::claims::lexicon::topic_words().take(40).collect();
    let json = serde_json::to_string(&terms).unwrap_or_default();
    if let Err(e) = std::fs::write(format!("{dir}/lexicon.json"), json) {
        eprintln!("bench_inputs: cannot write {dir}/lexicon.json: {e}");
        std::process::exit(2);
    }
    println!("{dir}");
}
