//! Golden tests on the seed articles and on text that must not be flagged.
//!
//! The expectations the project started from are asserted one by one; the whole output for
//! each fixture is also compared with `tests/fixtures/golden/*.json`, so that any change in
//! what the engine reports shows up in review. Regenerate with `UPDATE_GOLDEN=1`.
#![cfg(not(target_arch = "wasm32"))]

use std::path::Path;

use saring::{CheckOptions, Claim, Engine, Verdict};
use serde::{Deserialize, Serialize};

fn fixture(name: &str) -> String {
    std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures")
            .join(name),
    )
    .expect("fixture exists")
}

fn check(text: &str) -> Vec<Claim> {
    Engine::new()
        .expect("default bundle loads")
        .check(text, &CheckOptions::default())
        .claims
}

fn claim_with<'a>(claims: &'a [Claim], needle: &str) -> &'a Claim {
    claims
        .iter()
        .find(|c| c.text.contains(needle))
        .unwrap_or_else(|| panic!("no claim contains {needle:?}; claims: {claims:#?}"))
}

#[test]
fn seed_004_campaign_period_is_verified() {
    let claims = check(&fixture("004_427392cf7a2454fe.txt"));
    let c = claim_with(&claims, "November 2023 hingga 10 Febuari 2024");
    assert_eq!(c.verdict, Verdict::Verified, "{c:#?}");
    assert_eq!(c.fact_id.as_deref(), Some("pemilu2024.campaign"));
    assert!(c.reason.id.contains("28 November 2023"), "{}", c.reason.id);
    assert!(!c.sources.is_empty());
}

#[test]
fn seed_004_wrong_kpu_name_is_contradicted() {
    let claims = check(&fixture("004_427392cf7a2454fe.txt"));
    let c = claim_with(&claims, "Komisi Penyelenggara Umum (KPU)");
    assert_eq!(c.verdict, Verdict::Contradicted, "{c:#?}");
    assert_eq!(c.official_value.as_deref(), Some("Komisi Pemilihan Umum"));
    assert!(c.reason.en.contains("Komisi Penyelenggara Umum"));
}

#[test]
fn seed_000_police_statistic_is_unverified() {
    let claims = check(&fixture("000_79dca809346a6dbc.txt"));
    let c = claim_with(&claims, "3000 - 4000 konten palsu");
    assert_eq!(c.verdict, Verdict::Unverified, "{c:#?}");
    assert!(c.text.contains("240 juta lebih pengakses"));
}

#[test]
fn page_chrome_is_never_flagged() {
    for f in ["000_79dca809346a6dbc.txt", "004_427392cf7a2454fe.txt"] {
        for c in check(&fixture(f)) {
            for chrome in [
                "Aming Coffee",
                "Posting Komentar",
                "0 Komentar",
                "Editor : Danyputra",
                "Baca Juga",
            ] {
                assert!(
                    !c.text.contains(chrome),
                    "{f}: chrome {chrome:?} flagged in {:?}",
                    c.text
                );
            }
        }
    }
}

#[test]
fn off_topic_text_is_not_flagged() {
    let claims = check(&fixture("off_topic.txt"));
    assert!(claims.is_empty(), "{claims:#?}");
}

#[test]
fn offsets_point_at_the_claim_text() {
    for f in ["000_79dca809346a6dbc.txt", "004_427392cf7a2454fe.txt"] {
        let text = fixture(f);
        for c in check(&text) {
            assert_eq!(&text[c.start..c.end], c.text);
            assert_eq!(text[..c.start].encode_utf16().count(), c.start_utf16);
            assert_eq!(text[..c.end].encode_utf16().count(), c.end_utf16);
        }
    }
}

/// The parts of a claim that must stay stable.
#[derive(Debug, PartialEq, Serialize, Deserialize)]
struct Golden {
    start: usize,
    end: usize,
    verdict: Verdict,
    fact_id: Option<String>,
    hoax_id: Option<String>,
    text: String,
}

#[test]
fn fixtures_match_golden_files() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let update = std::env::var_os("UPDATE_GOLDEN").is_some();
    for f in [
        "000_79dca809346a6dbc.txt",
        "004_427392cf7a2454fe.txt",
        "off_topic.txt",
    ] {
        let got: Vec<Golden> = check(&fixture(f))
            .into_iter()
            .map(|c| Golden {
                start: c.start,
                end: c.end,
                verdict: c.verdict,
                fact_id: c.fact_id,
                hoax_id: c.hoax_id,
                text: c.text,
            })
            .collect();
        let path = dir.join("golden").join(f.replace(".txt", ".json"));
        if update {
            std::fs::create_dir_all(path.parent().expect("has parent")).expect("mkdir");
            let json = serde_json::to_string_pretty(&got).expect("serialises") + "\n";
            std::fs::write(&path, json).expect("write golden");
            continue;
        }
        let want: Vec<Golden> =
            serde_json::from_str(&std::fs::read_to_string(&path).unwrap_or_else(|_| {
                panic!(
                    "{} is missing: run UPDATE_GOLDEN=1 cargo test --test golden",
                    path.display()
                )
            }))
            .expect("golden parses");
        assert_eq!(got, want, "{f} differs from {}", path.display());
    }
}

#[test]
fn a_document_checked_in_parts_gives_the_same_claims() {
    let engine = Engine::new().expect("default bundle loads");
    for f in ["000_79dca809346a6dbc.txt", "004_427392cf7a2454fe.txt"] {
        let text = fixture(f);
        let whole = engine.check(&text, &CheckOptions::default()).claims;
        // Parts cut at line breaks, as the page scanner cuts them.
        let mut parts = Vec::new();
        let mut start = 0;
        for (i, _) in text.match_indices('\n') {
            if i + 1 - start > 400 {
                parts.push((start, i + 1));
                start = i + 1;
            }
        }
        parts.push((start, text.len()));
        assert!(parts.len() > 2);
        let mut doc = saring::engine::DocTopic::default();
        let mut joined = Vec::new();
        for &(a, b) in &parts {
            for mut c in engine
                .check_part(&text[a..b], &CheckOptions::default(), &mut doc)
                .claims
            {
                c.start += a;
                c.end += a;
                joined.push((c.start, c.end, c.verdict));
            }
        }
        let whole: Vec<_> = whole.iter().map(|c| (c.start, c.end, c.verdict)).collect();
        assert_eq!(joined, whole, "{f}");

        // The same with the word stems kept from part to part, as the page scanner does.
        let mut doc = saring::engine::DocTopic::default();
        let mut stems = saring::text::stem::StemCache::default();
        let mut kept = Vec::new();
        for &(a, b) in &parts {
            for c in engine
                .check_part_with(&text[a..b], &CheckOptions::default(), &mut doc, &mut stems)
                .claims
            {
                kept.push((c.start + a, c.end + a, c.verdict));
            }
        }
        assert_eq!(kept, whole, "{f}, stems kept");
    }
}
