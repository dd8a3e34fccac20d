//! Sources → the compact compiled bundle the engine loads.
//!
//! Compiling merges the bundle files, validates them, and does ahead of time the work that
//! would otherwise run on every page load: every debunked claim and its variants are cut into
//! sentences and reduced to content terms. The result is serialised with postcard, a compact
//! binary form that deserialises in a few milliseconds. The same sources always give the same
//! bytes: terms are numbered in sorted order and nothing depends on the clock or on hashing
//! order.

use serde::{Deserialize, Serialize};

use super::schema::*;
use super::validate::{BundleError, Known, validate};
use crate::text::normalize::Normalized;
use crate::text::segment::sentences;
use crate::text::terms::content_terms;
use crate::text::tokens::tokenize;

/// Version of the compiled layout; bumped whenever [`Compiled`] or the term extraction
/// changes, so that a stale blob is rejected instead of misread.
pub const COMPILED_FORMAT: u32 = 1;

/// A sentence of a debunked claim, as content-term ids.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq)]
pub struct Variant {
    /// Index into [`Compiled::debunked`].
    pub hoax: u32,
    /// Indices into [`Compiled::terms`], sorted, without repeats.
    pub terms: Vec<u32>,
}

/// A validated, merged, pre-processed bundle.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct Compiled {
    pub format: u32,
    pub meta: BundleMeta,
    /// FNV-1a of the content, hex: changes whenever any fact, hoax or source changes.
    pub hash: String,
    pub sources: Vec<Source>,
    pub entities: Vec<Entity>,
    pub facts: Vec<Fact>,
    pub debunked: Vec<Debunked>,
    pub terms: Vec<String>,
    pub variants: Vec<Variant>,
}

/// Merges bundle files (in the order given) into one. Exactly one file may carry the `bundle`
/// meta; a single file without it is given a meta derived from its name, so a newsroom's
/// quick list still loads.
pub fn merge(files: &[(String, BundleFile)]) -> Result<BundleFile, Vec<BundleError>> {
    let mut out = BundleFile {
        schema_version: SCHEMA_VERSION,
        ..Default::default()
    };
    let mut meta_from: Option<&str> = None;
    for (name, f) in files {
        if let Some(m) = &f.bundle {
            if let Some(first) = meta_from {
                return Err(vec![BundleError {
                    file: name.clone(),
                    path: "$.bundle".into(),
                    message: format!("{first} already describes the bundle; only one file may"),
                }]);
            }
            meta_from = Some(name);
            out.bundle = Some(m.clone());
        }
        out.sources.extend(f.sources.iter().cloned());
        out.entities.extend(f.entities.iter().cloned());
        out.facts.extend(f.facts.iter().cloned());
        out.debunked.extend(f.debunked.iter().cloned());
    }
    Ok(out)
}

/// Validates and compiles bundle files. `known` holds ids defined by bundles already loaded,
/// which these files may refer to.
pub fn compile(
    files: &[(String, BundleFile)],
    known: &Known,
) -> Result<Compiled, Vec<BundleError>> {
    // Validate each file on its own first, so that errors name the file and its own paths.
    let mut all_known = known.clone();
    for (_, f) in files {
        all_known
            .sources
            .extend(f.sources.iter().map(|s| s.id.clone()));
        all_known
            .entities
            .extend(f.entities.iter().map(|e| e.id.clone()));
    }
    let mut errors = Vec::new();
    for (name, f) in files {
        errors.extend(validate(name, f, &all_known));
    }
    let merged = merge(files)?;
    if errors.is_empty() {
        errors.extend(duplicates_across(files));
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    let meta = merged.bundle.clone().unwrap_or_else(|| {
        let name = files.first().map_or("bundle", |(n, _)| n.as_str());
        BundleMeta {
            id: slug(name),
            name: name.to_string(),
            version: "0.0.0".into(),
            ..Default::default()
        }
    });
    Ok(build(meta, merged))
}

/// Ids must be unique across the files of one bundle too (each file's own duplicates are
/// found by [`validate`]); the message names both files and paths.
fn duplicates_across(files: &[(String, BundleFile)]) -> Vec<BundleError> {
    use std::collections::HashMap;
    let mut errors = Vec::new();
    let mut seen: [HashMap<&str, (&str, String)>; 4] = Default::default();
    for (name, f) in files {
        let lists: [(&str, Vec<&str>); 4] = [
            ("sources", f.sources.iter().map(|x| x.id.as_str()).collect()),
            (
                "entities",
                f.entities.iter().map(|x| x.id.as_str()).collect(),
            ),
            ("facts", f.facts.iter().map(|x| x.id.as_str()).collect()),
            (
                "debunked",
                f.debunked.iter().map(|x| x.id.as_str()).collect(),
            ),
        ];
        for (k, (list, ids)) in lists.into_iter().enumerate() {
            let mut mine: HashMap<&str, String> = HashMap::new();
            for (i, id) in ids.into_iter().enumerate() {
                let path = format!("$.{list}[{i}]");
                match seen[k].get(id) {
                    Some((other, at)) => errors.push(BundleError {
                        file: name.clone(),
                        path: format!("{path}.id"),
                        message: format!(
                            "\"{id}\" is also defined in {other} at {at}.id; ids must be unique across a bundle's files — rename one of them"
                        ),
                    }),
                    None => {
                        mine.insert(id, path);
                    }
                }
            }
            for (id, path) in mine {
                seen[k].insert(id, (name.as_str(), path));
            }
        }
    }
    errors
}

fn slug(name: &str) -> String {
    let base = name.rsplit(['/', '\\']).next().unwrap_or(name);
    let base = base.strip_suffix(".json").unwrap_or(base);
    let s: String = base
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() {
                c.to_ascii_lowercase()
            } else {
                '-'
            }
        })
        .collect();
    if s.is_empty() { "bundle".into() } else { s }
}

fn build(meta: BundleMeta, b: BundleFile) -> Compiled {
    let mut per_variant: Vec<(u32, Vec<String>)> = Vec::new();
    for (i, d) in b.debunked.iter().enumerate() {
        let mut texts = vec![d.claim_reviewed.as_str()];
        texts.extend(d.variants.iter().map(String::as_str));
        let mut mine: Vec<Vec<String>> = Vec::new();
        'texts: for t in texts {
            for terms in sentence_terms(t) {
                if mine.len() >= MAX_VARIANTS {
                    break 'texts;
                }
                if !mine.contains(&terms) {
                    mine.push(terms);
                }
            }
        }
        per_variant.extend(mine.into_iter().map(|t| (i as u32, t)));
    }
    let mut terms: Vec<String> = per_variant
        .iter()
        .flat_map(|(_, t)| t.iter().cloned())
        .collect();
    terms.sort();
    terms.dedup();
    let variants = per_variant
        .into_iter()
        .map(|(hoax, ts)| {
            let mut ids: Vec<u32> = ts
                .iter()
                .filter_map(|t| terms.binary_search(t).ok().map(|k| k as u32))
                .collect();
            ids.sort_unstable();
            ids.dedup();
            Variant { hoax, terms: ids }
        })
        .collect();
    let mut c = Compiled {
        format: COMPILED_FORMAT,
        meta,
        hash: String::new(),
        sources: b.sources,
        entities: b.entities,
        facts: b.facts,
        debunked: b.debunked,
        terms,
        variants,
    };
    c.hash = content_hash(&c);
    c
}

/// Sentences indexed per debunked claim: the review's own wording first, then the narratives.
/// Long narratives repeat themselves; the first sentences carry the claim.
pub const MAX_VARIANTS: usize = 16;

/// Minimum content terms for a sentence of a hoax to be matched on its own: shorter pieces
/// ("Faktanya:", "Sebarkan!") would match too much.
pub const MIN_VARIANT_TERMS: usize = 3;

/// The content terms of each sentence of `text` worth matching, plus the whole text when it
/// is short enough to be one claim.
pub fn sentence_terms(text: &str) -> Vec<Vec<String>> {
    let norm = Normalized::new(text);
    let mut out: Vec<Vec<String>> = Vec::new();
    let spans = sentences(&norm, text);
    for &(a, b) in &spans {
        let terms = content_terms(&tokenize(&norm.text[a..b], a));
        if terms.len() >= MIN_VARIANT_TERMS && !out.contains(&terms) {
            out.push(terms);
        }
    }
    if spans.len() > 1 {
        let all = content_terms(&tokenize(&norm.text, 0));
        if all.len() >= MIN_VARIANT_TERMS && all.len() <= 24 && !out.contains(&all) {
            out.push(all);
        }
    }
    out
}

fn content_hash(c: &Compiled) -> String {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    let mut feed = |bytes: &[u8]| {
        for &b in bytes {
            h ^= b as u64;
            h = h.wrapping_mul(0x0000_0100_0000_01b3);
        }
    };
    for part in [
        postcard::to_allocvec(&c.meta),
        postcard::to_allocvec(&c.sources),
        postcard::to_allocvec(&c.entities),
        postcard::to_allocvec(&c.facts),
        postcard::to_allocvec(&c.debunked),
    ] {
        feed(&part.unwrap_or_default());
    }
    format!("{h:016x}")
}

impl Compiled {
    pub fn to_bytes(&self) -> Vec<u8> {
        // Serialising plain owned data into a Vec cannot fail.
        postcard::to_allocvec(self).unwrap_or_default()
    }

    pub fn from_bytes(bytes: &[u8]) -> Result<Compiled, String> {
        let c: Compiled = postcard::from_bytes(bytes)
            .map_err(|e| format!("the compiled bundle is damaged or from another version ({e}); rebuild it with `saring bundle build`"))?;
        if c.format != COMPILED_FORMAT {
            return Err(format!(
                "the compiled bundle has format {} but this build reads {}; rebuild it with `saring bundle build`",
                c.format, COMPILED_FORMAT
            ));
        }
        // Indices that point nowhere would make the engine fail later, on some page; a blob
        // that decodes but does not hold together is as damaged as one that does not decode.
        let hoaxes = c.debunked.len();
        let terms = c.terms.len();
        if let Some(v) = c
            .variants
            .iter()
            .find(|v| v.hoax as usize >= hoaxes || v.terms.iter().any(|&t| t as usize >= terms))
        {
            return Err(format!(
                "the compiled bundle is damaged (a variant of hoax {} refers past the end of its lists); rebuild it with `saring bundle build`",
                v.hoax
            ));
        }
        Ok(c)
    }

    /// Ids this bundle defines, for validating bundles loaded after it.
    pub fn known(&self) -> Known {
        Known {
            sources: self.sources.iter().map(|s| s.id.clone()).collect(),
            entities: self.entities.iter().map(|e| e.id.clone()).collect(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn small() -> Compiled {
        let json = r#"{"schema_version":1,
          "sources":[{"id":"s","name":"S","kind":"fact_checker","trust":"fact_checker","url":"https://s.example.org"}],
          "debunked":[{"id":"h","claim_reviewed":"Kotak suara diganti kotak besi bergembok","rating":"Salah","reviewer":"s","date_published":"2024-01-20","url":"https://s.example.org/h"}]}"#;
        let file = super::super::validate::parse("s.json", json).expect("parses");
        compile(&[("s.json".into(), file)], &Known::default()).expect("compiles")
    }

    #[test]
    fn round_trips_and_refuses_indices_past_the_end() {
        let c = small();
        assert_eq!(Compiled::from_bytes(&c.to_bytes()).as_ref(), Ok(&c));
        let mut bad = c.clone();
        bad.variants[0].hoax = 7;
        let e = Compiled::from_bytes(&bad.to_bytes()).unwrap_err();
        assert!(e.contains("damaged"), "{e}");
        let mut bad = c.clone();
        bad.variants[0].terms.push(10_000);
        assert!(Compiled::from_bytes(&bad.to_bytes()).is_err());
        let mut bad = c;
        bad.format += 1;
        assert!(
            Compiled::from_bytes(&bad.to_bytes())
                .unwrap_err()
                .contains("format")
        );
    }
}
