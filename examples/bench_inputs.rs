//! Writes the benchmark inputs (see `benches/support/inputs.rs`) to a directory, for the
//! browser benches and for profiling: `cargo run --release --example bench_inputs -- DIR`
//! gives `DIR/{dense,sparse}-{10k,100k,1m,10m}.txt`.

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
    println!("{dir}");
}
