//! From findings to one verdict per claim, with its reason, sources and confidence.
//!
//! Order of precedence: a repeated hoax is `debunked`; otherwise any value that no applicable
//! fact agrees with makes the claim `contradicted`; a claim is `verified` only when it states at
//! least one value that an official fact confirms and every value it states is confirmed —
//! naming the KPU correctly, or quoting an official body, confirms nothing; anything else that
//! is an election claim is `unverified`.

use std::collections::BTreeMap;

use super::facts::{Finding, ValueRef};
use super::hoaxes::HoaxMatch;
use crate::bundle::load::LoadedBundle;
use crate::bundle::schema::{Citation, Fact, Value};
use crate::report::i18n;
use crate::text::lang::Lang;
use crate::{Reason, SourceRef, Verdict};

/// A finding with the bundle it came from.
#[derive(Debug, Clone)]
pub struct BundleFinding {
    pub bundle: usize,
    pub finding: Finding,
    /// The value as the claim wrote it (original text).
    pub claimed: String,
}

/// A decided verdict, before offsets are attached.
#[derive(Debug, Clone, PartialEq)]
pub struct Decision {
    pub verdict: Verdict,
    pub confidence: f32,
    pub reason: Reason,
    pub sources: Vec<SourceRef>,
    pub official_value: Option<String>,
    pub fact_id: Option<String>,
    pub hoax_id: Option<String>,
}

/// What the engine knows about one sentence when deciding.
pub struct Evidence<'a> {
    pub findings: &'a [BundleFinding],
    /// The best hoax match across bundles, with its bundle.
    pub hoax: Option<(usize, HoaxMatch)>,
    /// Checkable values the sentence states (see [`crate::extract::Values::count`]).
    pub values: usize,
    /// How check-worthy it is as an election claim, if it is one.
    pub worthiness: Option<f32>,
    pub lang: Lang,
}

pub fn decide(bundles: &[LoadedBundle], ev: &Evidence<'_>) -> Option<Decision> {
    if let Some((b, m)) = ev.hoax {
        return Some(debunked(&bundles[b], m));
    }
    // Resolve each value: agreed when any fact agrees, else contradicted by the most specific.
    let mut per_value: BTreeMap<ValueRef, Vec<&BundleFinding>> = BTreeMap::new();
    for f in ev.findings {
        per_value.entry(f.finding.value).or_default().push(f);
    }
    let mut agreed: Vec<&BundleFinding> = Vec::new();
    let mut contradicted: Vec<&BundleFinding> = Vec::new();
    for fs in per_value.values() {
        if let Some(a) = fs.iter().find(|f| f.finding.agrees) {
            agreed.push(a);
        } else if let Some(c) = fs.iter().max_by(|a, b| {
            a.finding
                .specificity
                .cmp(&b.finding.specificity)
                .then_with(|| b.finding.fact.cmp(&a.finding.fact))
        }) {
            contradicted.push(c);
        }
    }
    if let Some(c) = contradicted.iter().max_by_key(|c| c.finding.specificity) {
        return Some(contradiction(bundles, c, ev.lang));
    }
    let confirming: Vec<&&BundleFinding> = agreed
        .iter()
        .filter(|a| !matches!(a.finding.value, ValueRef::Name(_)))
        .collect();
    let confirmed_values = confirming.len();
    if confirmed_values > 0 && confirmed_values >= ev.values {
        return Some(verification(bundles, &confirming, ev.lang));
    }
    let worth = ev.worthiness.or(if confirmed_values > 0 {
        Some(0.5)
    } else {
        None
    })?;
    let partly = confirming.first().map(|a| fact_of(bundles, a));
    Some(unverified(worth, partly))
}

fn fact_of<'a>(bundles: &'a [LoadedBundle], f: &BundleFinding) -> &'a Fact {
    &bundles[f.bundle].data.facts[f.finding.fact as usize]
}

fn authority(bundle: &LoadedBundle, fact: &Fact) -> (String, String) {
    let name = bundle
        .data
        .sources
        .iter()
        .find(|s| s.id == fact.authority)
        .map_or_else(|| fact.authority.to_uppercase(), |s| s.name.clone());
    let basis = fact.legal_basis.join("; ");
    (name, basis)
}

fn citation_sources(bundle: &LoadedBundle, cites: &[Citation]) -> Vec<SourceRef> {
    cites
        .iter()
        .map(|c| SourceRef {
            name: c.title.clone().unwrap_or_else(|| {
                bundle
                    .data
                    .sources
                    .iter()
                    .find(|s| s.id == c.source)
                    .map_or_else(|| c.source.clone(), |s| s.name.clone())
            }),
            url: Some(c.url.clone()),
            date: c.date.clone(),
        })
        .collect()
}

fn by_authority(name: &str, basis: &str, lang: Lang) -> String {
    match (basis.is_empty(), lang) {
        (true, _) => name.to_string(),
        (false, _) => format!("{name}, {basis}"),
    }
}

fn contradiction(bundles: &[LoadedBundle], c: &BundleFinding, lang: Lang) -> Decision {
    let bundle = &bundles[c.bundle];
    let fact = fact_of(bundles, c);
    let (name, basis) = authority(bundle, fact);
    let who = by_authority(&name, &basis, lang);
    let claimed = c.claimed.trim();
    let reason = Reason {
        id: format!(
            "Bertentangan dengan data resmi ({who}): {} Klaim ini menyebut \"{claimed}\"; nilai resmi: {}.",
            fact.statement.id,
            i18n::value(&fact.value, Lang::Id)
        ),
        en: format!(
            "Contradicts the official record ({who}): {} The claim says \"{claimed}\"; the official value is {}.",
            fact.statement.en,
            i18n::value(&fact.value, Lang::En)
        ),
    };
    let confidence = match c.finding.specificity {
        s if s >= 8 => 0.95,
        s if s >= 5 => 0.9,
        s if s >= 3 => 0.85,
        _ => 0.8,
    };
    let confidence = if matches!(fact.value, Value::Name { .. }) && c.finding.specificity < 8 {
        0.75
    } else {
        confidence
    };
    Decision {
        verdict: Verdict::Contradicted,
        confidence,
        reason,
        sources: citation_sources(bundle, &fact.citations),
        official_value: Some(i18n::value(&fact.value, lang)),
        fact_id: Some(fact.id.clone()),
        hoax_id: None,
    }
}

fn verification(bundles: &[LoadedBundle], agreed: &[&&BundleFinding], lang: Lang) -> Decision {
    let first = agreed[0];
    let bundle = &bundles[first.bundle];
    let fact = fact_of(bundles, first);
    let (name, basis) = authority(bundle, fact);
    let who = by_authority(&name, &basis, lang);
    let mut sources = Vec::new();
    let mut facts_seen: Vec<&str> = Vec::new();
    for a in agreed {
        let f = fact_of(bundles, a);
        if facts_seen.contains(&f.id.as_str()) {
            continue;
        }
        facts_seen.push(&f.id);
        for s in citation_sources(&bundles[a.bundle], &f.citations) {
            if !sources.contains(&s) {
                sources.push(s);
            }
        }
    }
    let specific = agreed.iter().all(|a| a.finding.specificity >= 3);
    Decision {
        verdict: Verdict::Verified,
        confidence: if specific { 0.9 } else { 0.8 },
        reason: Reason {
            id: format!("Sesuai data resmi ({who}): {}", fact.statement.id),
            en: format!(
                "Agrees with the official record ({who}): {}",
                fact.statement.en
            ),
        },
        sources,
        official_value: None,
        fact_id: Some(fact.id.clone()),
        hoax_id: None,
    }
}

fn debunked(bundle: &LoadedBundle, m: HoaxMatch) -> Decision {
    let h = &bundle.data.debunked[m.hoax as usize];
    let reviewer = bundle
        .data
        .sources
        .iter()
        .find(|s| s.id == h.reviewer)
        .map_or_else(|| h.reviewer.clone(), |s| s.name.clone());
    let date_id = i18n::date(&h.date_published, Lang::Id);
    let date_en = i18n::date(&h.date_published, Lang::En);
    let source = SourceRef {
        name: match &h.attribution {
            Some(a) if h.url.is_none() => a.clone(),
            _ => reviewer.clone(),
        },
        url: h.url.clone(),
        date: Some(h.date_published.clone()),
    };
    Decision {
        verdict: Verdict::Debunked,
        confidence: (0.5 + 0.5 * m.score).clamp(0.5, 0.99),
        reason: Reason {
            id: format!(
                "Mengulang hoaks yang sudah dibantah {reviewer} pada {date_id}: \"{}\" (dinilai: {}).",
                h.claim_reviewed, h.rating
            ),
            en: format!(
                "Repeats a hoax that {reviewer} debunked on {date_en}: \"{}\" (rated: {}).",
                h.claim_reviewed, h.rating
            ),
        },
        sources: vec![source],
        official_value: None,
        fact_id: None,
        hoax_id: Some(h.id.clone()),
    }
}

fn unverified(worth: f32, partly: Option<&Fact>) -> Decision {
    let reason = match partly {
        Some(f) => Reason {
            id: format!(
                "Sebagian sesuai data resmi ({}), tetapi nilai lain dalam klaim ini tidak dapat diperiksa dengan sumber tepercaya di bundel.",
                f.statement.id.trim_end_matches('.')
            ),
            en: format!(
                "Partly agrees with the official record ({}), but the claim's other values cannot be checked against a trusted source in the bundle.",
                f.statement.en.trim_end_matches('.')
            ),
        },
        None => Reason {
            id: "Klaim tentang pemilu yang belum didukung sumber tepercaya mana pun di bundel; periksa ke sumber resmi sebelum membagikannya.".into(),
            en: "An election claim that no trusted source in the bundle backs; check it with an official source before sharing it.".into(),
        },
    };
    Decision {
        verdict: Verdict::Unverified,
        confidence: worth,
        reason,
        sources: Vec::new(),
        official_value: None,
        fact_id: partly.map(|f| f.id.clone()),
        hoax_id: None,
    }
}
