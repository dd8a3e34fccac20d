//! Benchmark inputs, made from real text in the repository and mixed and repeated to size.
//!
//! The same generator feeds the criterion benches (`benches/check.rs`) and, through
//! `examples/bench_inputs.rs`, the browser benches (`tests/e2e/bench-*.mjs`), so that native,
//! WebAssembly and the content script are timed on the very same bytes.
//!
//! - **dense**: election text only — the seed articles' paragraphs alternating with the
//!   hoax narratives of `data/hoaxes.json` (titles and circulated variants), each list in a
//!   shuffled order that changes every round: nearly every sentence is a claim.
//! - **sparse**: mostly non-election text — the sport, weather, recipe and pageant lines of
//!   `tests/fixtures/off_topic.txt`, with one election paragraph in twenty.
//!
//! Shuffling uses a fixed seed: the same sizes always give the same bytes.

#![allow(dead_code)] // each bench uses only part of it

use std::path::{Path, PathBuf};

/// Input sizes in bytes (decimal: throughput is reported in MB/s).
pub const SIZES: [(usize, &str); 4] = [
    (10_000, "10k"),
    (100_000, "100k"),
    (1_000_000, "1m"),
    (10_000_000, "10m"),
];

/// What share of the text is about the election.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Density {
    Dense,
    Sparse,
}

impl Density {
    pub const ALL: [Density; 2] = [Density::Dense, Density::Sparse];

    pub fn name(self) -> &'static str {
        match self {
            Density::Dense => "dense",
            Density::Sparse => "sparse",
        }
    }
}

/// The repository root (benches and examples run from anywhere).
pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn read(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()))
}

/// Non-empty lines of a text file, trimmed.
fn lines_of(path: &Path) -> Vec<String> {
    read(path)
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .map(String::from)
        .collect()
}

/// The paragraphs of the seed articles.
pub fn article_lines() -> Vec<String> {
    let dir = root().join("tests/fixtures");
    let mut seeds: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", dir.display()))
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| {
            p.extension().is_some_and(|x| x == "txt")
                && p.file_name()
                    .and_then(|n| n.to_str())
                    .is_some_and(|n| n.as_bytes()[0].is_ascii_digit())
        })
        .collect();
    seeds.sort();
    seeds.iter().flat_map(|p| lines_of(p)).collect()
}

/// Every hoax title and circulated variant of `data/hoaxes.json`.
pub fn hoax_lines() -> Vec<String> {
    let json: serde_json::Value = serde_json::from_str(&read(&root().join("data/hoaxes.json")))
        .expect("data/hoaxes.json is JSON");
    let mut out = Vec::new();
    for h in json["debunked"].as_array().into_iter().flatten() {
        let texts = std::iter::once(&h["claim_reviewed"])
            .chain(h["variants"].as_array().into_iter().flatten());
        for t in texts.filter_map(|t| t.as_str()) {
            let t = t.trim();
            if !t.is_empty() {
                out.push(t.to_string());
            }
        }
    }
    out
}

/// The non-election lines.
pub fn off_topic_lines() -> Vec<String> {
    lines_of(&root().join("tests/fixtures/off_topic.txt"))
}

/// xorshift64*: small, fixed, good enough to shuffle.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Self {
        Rng(seed | 1)
    }

    pub fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }

    pub fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }

    pub fn shuffle<T>(&mut self, v: &mut [T]) {
        for i in (1..v.len()).rev() {
            let j = self.below(i + 1);
            v.swap(i, j);
        }
    }
}

/// Draws from a list in shuffled rounds: every line once per round, a new order each round.
struct Cycle<'a> {
    lines: &'a [String],
    order: Vec<usize>,
    at: usize,
}

impl<'a> Cycle<'a> {
    fn new(lines: &'a [String]) -> Self {
        Cycle {
            lines,
            order: (0..lines.len()).collect(),
            at: usize::MAX,
        }
    }

    fn next(&mut self, rng: &mut Rng) -> &'a str {
        if self.at >= self.order.len() {
            rng.shuffle(&mut self.order);
            self.at = 0;
        }
        self.at += 1;
        &self.lines[self.order[self.at - 1]]
    }
}

/// The source lines, read once.
pub struct Sources {
    pub articles: Vec<String>,
    pub hoaxes: Vec<String>,
    pub off_topic: Vec<String>,
}

impl Sources {
    pub fn load() -> Self {
        Sources {
            articles: article_lines(),
            hoaxes: hoax_lines(),
            off_topic: off_topic_lines(),
        }
    }

    /// A text of at most `size` bytes (lines are never cut), one line per paragraph.
    pub fn make(&self, density: Density, size: usize) -> String {
        let mut rng = Rng::new(0x005a_5249_4e47 ^ size as u64 ^ (density as u64) << 40);
        let (mut art, mut hox, mut off) = (
            Cycle::new(&self.articles),
            Cycle::new(&self.hoaxes),
            Cycle::new(&self.off_topic),
        );
        let mut out = String::with_capacity(size);
        let mut turn = 0usize;
        loop {
            let line = match density {
                Density::Dense if turn.is_multiple_of(2) => art.next(&mut rng),
                Density::Dense => hox.next(&mut rng),
                Density::Sparse if turn % 20 == 19 => {
                    if turn % 40 == 19 {
                        art.next(&mut rng)
                    } else {
                        hox.next(&mut rng)
                    }
                }
                Density::Sparse => off.next(&mut rng),
            };
            if out.len() + line.len() + 1 > size {
                break;
            }
            out.push_str(line);
            out.push('\n');
            turn += 1;
        }
        out
    }
}
