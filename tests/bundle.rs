//! The default bundle as shipped: its sources validate, its entries are attributed and stable,
//! its own statements are never flagged, and the hoaxes it holds are found again when a
//! spreader rewrites them.
#![cfg(not(target_arch = "wasm32"))]

use std::collections::HashSet;
use std::path::Path;

use saring::bundle::compile::{Compiled, compile};
use saring::bundle::import::{Report, import, read_rows};
use saring::bundle::load::default_bundle;
use saring::bundle::schema::BundleFile;
use saring::bundle::validate::{Known, parse, validate};
use saring::extract::names::EntityIndex;
use saring::{CheckOptions, Engine, Verdict};

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn data_files() -> Vec<(String, BundleFile)> {
    let mut paths: Vec<_> = std::fs::read_dir(root().join("data"))
        .expect("data/ exists")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    paths.sort();
    paths
        .into_iter()
        .map(|p| {
            let name = p.display().to_string();
            let text = std::fs::read_to_string(&p).expect("readable");
            let file = parse(&name, &text).unwrap_or_else(|e| panic!("{e}"));
            (name, file)
        })
        .collect()
}

fn engine() -> &'static Engine {
    static E: std::sync::OnceLock<Engine> = std::sync::OnceLock::new();
    E.get_or_init(|| Engine::new().expect("default bundle loads"))
}

fn shipped() -> Compiled {
    default_bundle().expect("default bundle decodes")
}

#[test]
fn every_source_file_validates() {
    let files = data_files();
    assert!(files.len() >= 4, "sources, entities, facts, hoaxes");
    let mut known = Known::default();
    for (_, f) in &files {
        known.sources.extend(f.sources.iter().map(|s| s.id.clone()));
        known
            .entities
            .extend(f.entities.iter().map(|e| e.id.clone()));
    }
    for (name, f) in &files {
        let errs = validate(name, f, &known);
        assert!(errs.is_empty(), "{errs:#?}");
    }
}

#[test]
fn compiling_is_deterministic_and_matches_the_shipped_bundle() {
    let a = compile(&data_files(), &Known::default()).expect("compiles");
    let b = compile(&data_files(), &Known::default()).expect("compiles");
    assert_eq!(a.to_bytes(), b.to_bytes());
    assert_eq!(
        a.to_bytes(),
        saring::bundle::load::DEFAULT_BUNDLE,
        "data/compiled/default.bundle is stale: run ./build.sh bundle"
    );
    assert!(a.meta.version.starts_with("20"), "date-based version");
    assert_eq!(a.hash.len(), 16);
}

#[test]
fn facts_cite_their_sources_and_legal_basis() {
    let c = shipped();
    assert!(c.facts.len() >= 50);
    for f in &c.facts {
        assert!(!f.citations.is_empty(), "{} has no citation", f.id);
        for ci in &f.citations {
            assert!(
                ci.url.starts_with("https://") || ci.url.starts_with("http://"),
                "{}",
                f.id
            );
        }
        if f.topic != "institutions" && f.authority == "kpu" {
            assert!(!f.legal_basis.is_empty(), "{} has no legal basis", f.id);
        }
        assert!(
            !f.statement.id.is_empty() && !f.statement.en.is_empty(),
            "{}",
            f.id
        );
    }
}

#[test]
fn every_hoax_is_attributed_and_ids_are_unique() {
    let c = shipped();
    assert!(
        c.debunked.len() >= 1500,
        "only {} debunked claims",
        c.debunked.len()
    );
    let mut ids = HashSet::new();
    for d in &c.debunked {
        assert!(ids.insert(d.id.as_str()), "duplicate id {}", d.id);
        assert!(
            d.url.is_some()
                || d.attribution
                    .as_deref()
                    .is_some_and(|a| a.contains("turnbackhoax")),
            "{} has no attribution",
            d.id
        );
        assert!(!d.reviewer.is_empty() && !d.rating.is_empty());
    }
}

#[test]
fn import_is_reproducible_with_stable_ids() {
    let entities = {
        let text = std::fs::read_to_string(root().join("data/entities.json")).expect("entities");
        EntityIndex::new(&parse("entities.json", &text).expect("parses").entities)
    };
    let run = || {
        let mut rows = Vec::new();
        for f in [
            "turnbackhoax-election-2018-2023.csv",
            "turnbackhoax-politics-2024.csv",
        ] {
            let p = root().join("data/hoaxes").join(f);
            let text = std::fs::read_to_string(&p).expect("csv");
            rows.extend(read_rows(f, &text).expect("reads").0);
        }
        import(rows, &entities, "mafindo", &mut Report::default())
    };
    let a = run();
    assert_eq!(a, run());
    let ids: HashSet<&str> = a.iter().map(|d| d.id.as_str()).collect();
    // Ids come from the review's address or the export's own id, so they survive rebuilds.
    for id in [
        "thx24-3728",
        "thx-2022-12-26-salah-kpu-anulir-keputusan-peserta-pemilu",
    ] {
        assert!(ids.contains(id), "{id}");
    }
}

#[test]
fn the_bundles_own_statements_are_never_flagged() {
    let c = shipped();
    let mut verified = 0;
    let mut total = 0;
    for f in &c.facts {
        for text in [&f.statement.id, &f.statement.en] {
            for claim in engine().check(text, &CheckOptions::default()).claims {
                total += 1;
                assert!(
                    !matches!(claim.verdict, Verdict::Contradicted | Verdict::Debunked),
                    "{} statement flagged: {claim:#?}",
                    f.id
                );
                verified += (claim.verdict == Verdict::Verified) as usize;
            }
        }
    }
    assert!(
        verified * 10 >= total * 7,
        "only {verified} of {total} statement claims verified"
    );
}

/// Rewrites a spreader makes. Deterministic: index-based choices, no randomness.
fn rewrites(title: &str) -> Vec<String> {
    let words: Vec<&str> = title.split_whitespace().collect();
    let leet: String = title
        .chars()
        .map(|c| match c {
            'a' | 'A' => '4',
            'e' | 'E' => '3',
            'o' | 'O' => '0',
            _ => c,
        })
        .collect();
    let homoglyph: String = title
        .chars()
        .map(|c| match c {
            'a' => 'а',
            'e' => 'е',
            'o' => 'о',
            'p' => 'р',
            'c' => 'с',
            _ => c,
        })
        .collect();
    let mut out = vec![
        title.to_uppercase(),
        title.to_lowercase(),
        format!("VIRAL!! {title}"),
        format!("BREAKING NEWS: {title}, sebarkan!"),
        leet,
        homoglyph,
        words.join("\u{200B} "),
    ];
    if words.len() >= 6 {
        // drop the second word, add a word, swap the two halves
        let mut dropped = words.clone();
        dropped.remove(1);
        out.push(dropped.join(" "));
        out.push(format!("Ternyata {title}"));
        let mid = words.len() / 2;
        out.push(format!(
            "{}, {}",
            words[mid..].join(" "),
            words[..mid].join(" ")
        ));
    }
    out
}

#[test]
fn bundled_hoaxes_are_found_again_when_rewritten() {
    let c = shipped();
    // Every 17th entry with a title of at least five words: ~90 hoaxes, ~900 rewrites.
    let sample: Vec<_> = c
        .debunked
        .iter()
        .step_by(17)
        .filter(|d| d.claim_reviewed.split_whitespace().count() >= 5)
        .collect();
    let mut found = 0;
    let mut total = 0;
    let mut misses = Vec::new();
    for d in &sample {
        for text in rewrites(&d.claim_reviewed) {
            total += 1;
            let claims = engine().check(&text, &CheckOptions::default()).claims;
            if claims.iter().any(|c| {
                c.verdict == Verdict::Debunked && c.hoax_id.as_deref() == Some(d.id.as_str())
            }) {
                found += 1;
            } else {
                misses.push(text);
            }
        }
    }
    let rate = found as f64 / total as f64;
    eprintln!("rewrites found: {found}/{total} = {rate:.3}");
    assert!(
        rate >= 0.9,
        "only {found} of {total} rewrites found; first misses: {:#?}",
        &misses[..misses.len().min(15)]
    );
}
