//! A default bundle with many more debunked claims, for the bundle-scaling bench only.
//!
//! The extra claims are synthetic variants of the bundle's own hoaxes: each copy gets a new id,
//! its words in a shuffled order and about a third of them replaced by words of another hoax,
//! so that the term vocabulary and the index's buckets fill the way a longer real list would
//! (near-duplicates included). Nothing is written to `data/`: the bundle is compiled in memory
//! from the same `data/*.json` files `saring bundle build` reads, and loaded from its compiled
//! bytes like the default bundle.

#![allow(dead_code)]

use saring::bundle::compile::{Compiled, compile};
use saring::bundle::schema::{BundleFile, Debunked};
use saring::bundle::validate::{Known, parse};

use super::inputs::{Rng, root};

/// The bundle source files, parsed, in the order `saring bundle build` reads them.
fn data_files() -> Vec<(String, BundleFile)> {
    let dir = root().join("data");
    let mut paths: Vec<_> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", dir.display()))
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    paths.sort();
    paths
        .iter()
        .map(|p| {
            let name = p.display().to_string();
            let json = std::fs::read_to_string(p).unwrap_or_else(|e| panic!("{name}: {e}"));
            let file = parse(&name, &json).unwrap_or_else(|e| panic!("{e}"));
            (name, file)
        })
        .collect()
}

/// `text` with its words shuffled and about a third replaced by words of `donor`.
fn reword(text: &str, donor: &str, rng: &mut Rng) -> String {
    let mut words: Vec<&str> = text.split_whitespace().collect();
    let donors: Vec<&str> = donor.split_whitespace().collect();
    rng.shuffle(&mut words);
    for w in words.iter_mut() {
        if !donors.is_empty() && rng.below(3) == 0 {
            *w = donors[rng.below(donors.len())];
        }
    }
    words.join(" ")
}

/// The default bundle compiled with `factor - 1` synthetic copies of every debunked claim
/// (so `factor` times as many debunked claims in all).
pub fn bundle_with(factor: usize) -> Compiled {
    let mut files = data_files();
    let originals: Vec<Debunked> = files.iter().flat_map(|(_, f)| f.debunked.clone()).collect();
    let mut rng = Rng::new(0xb0_0d1e ^ factor as u64);
    let mut extra = Vec::with_capacity(originals.len() * factor.saturating_sub(1));
    for copy in 1..factor {
        for h in &originals {
            let donor = &originals[rng.below(originals.len())].claim_reviewed;
            extra.push(Debunked {
                id: format!("{}-syn{copy}", h.id),
                claim_reviewed: reword(&h.claim_reviewed, donor, &mut rng),
                variants: h
                    .variants
                    .iter()
                    .map(|v| reword(v, donor, &mut rng))
                    .collect(),
                ..h.clone()
            });
        }
    }
    let Some((_, last)) = files.iter_mut().rev().find(|(_, f)| !f.debunked.is_empty()) else {
        panic!("data/ has no debunked claims");
    };
    last.debunked.extend(extra);
    // Compiled to bytes and loaded back, as a bundle ships: the compiler's temporaries are
    // gone before the engine's data is laid out.
    let bytes = compile(&files, &Known::default())
        .unwrap_or_else(|e| panic!("{}", e[0]))
        .to_bytes();
    drop(files);
    Compiled::from_bytes(&bytes).unwrap_or_else(|e| panic!("{e}"))
}
