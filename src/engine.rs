//! The engine: text in, claims with verdicts out.
//!
//! Two passes over the sentences, both linear. The first folds, segments and tokenises the
//! whole text and counts topic words, so that the second knows whether the document is about
//! the election (a statistic in such a document is a claim even without the word "pemilu" in
//! its sentence). The second extracts values and verifies the sentences that can be claims.

use crate::Claim;
use crate::bundle::compile::Compiled;
use crate::bundle::load::{LoadedBundle, bundle_from_json, default_bundle};
use crate::bundle::schema::Entity;
use crate::bundle::validate::{BundleError, Known};
use crate::claims::lexicon::{Term, is_chrome, lexicon, refutations, regions};
pub use crate::claims::worthiness::DocTopic;
use crate::claims::worthiness::{APPEALS, Features, claim_score, is_election};
use crate::extract::names::{EntityIndex, EntityMention, expansions};
use crate::extract::number::NumberStyle;
use crate::extract::{Values, extract};
use crate::text::lang::{Lang, LangVotes};
use crate::text::normalize::Normalized;
use crate::text::offsets::utf16_offsets;
use crate::text::phrases::Words;
use crate::text::segment::sentences;
use crate::text::stem::StemCache;
use crate::text::terms::content_terms_of;
use crate::text::tokens::tokenize;
use crate::verify::facts::FactIndex;
use crate::verify::facts::{Sentence, compare};
use crate::verify::hoaxes::{HoaxIndex, HoaxIndexBuild};
use crate::verify::verdict::{BundleFinding, Evidence, decide};

/// Texts longer than this are checked only up to it (at a char boundary): offsets are 32-bit
/// inside the engine, and no page a person reads comes near it.
pub const MAX_TEXT: usize = 256 * 1024 * 1024;

/// How to check.
#[derive(Debug, Clone, Default)]
pub struct CheckOptions {
    /// The language of reports and number notation; `None` detects it.
    pub lang: Option<Lang>,
    /// The address of the page, when known.
    pub url: Option<String>,
}

/// The result of checking one text.
#[derive(Debug, Clone, PartialEq)]
pub struct Report {
    pub claims: Vec<Claim>,
    /// Byte length of the checked text.
    pub text_len: usize,
    /// The language used (given or detected).
    pub lang: Lang,
    /// The bundle source whose domain the page is on (an authority's or a fact-checker's own
    /// page). Its statements are still checked: being on kpu.go.id is context, not proof.
    pub page_source: Option<String>,
}

impl Report {
    /// Number of claims per verdict: verified, contradicted, debunked, unverified.
    pub fn counts(&self) -> [usize; 4] {
        let mut c = [0; 4];
        for cl in &self.claims {
            c[cl.verdict as usize] += 1;
        }
        c
    }
}

/// Checks texts against a set of bundles.
#[derive(Debug, Clone)]
pub struct Engine {
    bundles: Vec<LoadedBundle>,
    entities: EntityIndex,
}

/// An engine built a step at a time, so that a page can let the browser run between steps.
///
/// Natively the whole build takes a few milliseconds; in a browser tab that has just loaded
/// the module it takes ten times that (the engine compiles each function on its first call),
/// and in one go it was the one task of a page scan that ran past 50 ms. Each step here does
/// one of: decode the default bundle, compile one JSON bundle, index one bundle's facts, a part
/// of one bundle's hoax index, index the names, assemble, or one of three warm-up steps.
/// Building in steps or in one go ([`EngineBuild::finish`]) gives the same engine.
pub struct EngineBuild {
    /// Decode the default bundle first.
    default: bool,
    /// JSON bundles still to compile: (file name, text).
    json: std::vec::IntoIter<(String, String)>,
    compiled: Vec<Compiled>,
    /// Every bundle's entities, once all are compiled.
    entities: Option<Vec<Entity>>,
    facts: Vec<FactIndex>,
    hoaxes: Vec<HoaxIndex>,
    /// The hoax index being built, of the bundle after the last in `hoaxes`.
    hoax_build: Option<HoaxIndexBuild>,
    index: Option<EntityIndex>,
    /// The engine, built and not yet warmed up.
    engine: Option<Engine>,
    /// Warm-up steps done.
    warmed: usize,
    /// Problems of the JSON bundles skipped, by file name.
    skipped: Vec<(String, Vec<BundleError>)>,
}

/// What [`EngineBuild::step`] did.
pub enum BuildStep {
    /// More steps to go.
    Pending,
    Done(Engine),
}

impl EngineBuild {
    /// The default bundle, then these JSON bundles (file name, text). A JSON bundle that does
    /// not validate is skipped (see [`EngineBuild::skipped`]), never fatal: the others work.
    pub fn with_json(json: Vec<(String, String)>) -> EngineBuild {
        EngineBuild {
            default: true,
            json: json.into_iter(),
            ..EngineBuild::of_compiled(Vec::new())
        }
    }

    /// Exactly these compiled bundles.
    pub fn of_compiled(bundles: Vec<Compiled>) -> EngineBuild {
        EngineBuild {
            default: false,
            json: Vec::new().into_iter(),
            compiled: bundles,
            entities: None,
            facts: Vec::new(),
            hoaxes: Vec::new(),
            hoax_build: None,
            index: None,
            engine: None,
            warmed: 0,
            skipped: Vec::new(),
        }
    }

    /// The JSON bundles skipped so far, with their problems.
    pub fn skipped(&self) -> &[(String, Vec<BundleError>)] {
        &self.skipped
    }

    /// Does the next step. Errors only when the default bundle does not decode.
    pub fn step(&mut self) -> Result<BuildStep, String> {
        if self.default {
            self.default = false;
            self.compiled.insert(0, default_bundle()?);
            return Ok(BuildStep::Pending);
        }
        if let Some((name, json)) = self.json.next() {
            match bundle_from_json(&name, &json, &Known::of(&self.compiled)) {
                Ok(c) => self.compiled.push(c),
                Err(e) => self.skipped.push((name, e)),
            }
            return Ok(BuildStep::Pending);
        }
        let entities = self.entities.get_or_insert_with(|| {
            self.compiled
                .iter()
                .flat_map(|b| b.entities.iter().cloned())
                .collect()
        });
        if let Some(c) = self.compiled.get(self.facts.len()) {
            self.facts.push(FactIndex::new(&c.facts));
            return Ok(BuildStep::Pending);
        }
        if let Some(c) = self.compiled.get(self.hoaxes.len()) {
            // The weights in one step, the variants in a few, the lists in one.
            match &mut self.hoax_build {
                None => self.hoax_build = Some(HoaxIndexBuild::new(c, entities)),
                Some(b) => {
                    if let Some(index) = b.step(c) {
                        self.hoaxes.push(index);
                        self.hoax_build = None;
                    }
                }
            }
            return Ok(BuildStep::Pending);
        }
        if self.index.is_none() {
            self.index = Some(EntityIndex::new(entities));
            return Ok(BuildStep::Pending);
        }
        let Some(engine) = &self.engine else {
            let bundles = std::mem::take(&mut self.compiled)
                .into_iter()
                .zip(std::mem::take(&mut self.facts))
                .zip(std::mem::take(&mut self.hoaxes))
                .map(|((data, facts), hoaxes)| LoadedBundle {
                    data,
                    facts,
                    hoaxes,
                })
                .collect();
            self.engine = Some(Engine {
                bundles,
                entities: self.index.take().unwrap_or_default(),
            });
            return Ok(BuildStep::Pending);
        };
        // Warm-up, in three steps: the lexicons, then a check of a plain sentence, then of a
        // claim. They build the tables the first check would otherwise build, and in a browser
        // have the check's code compiled, which the first slice of the page's scan would pay
        // for (together one step of 15-40 ms in a fresh tab, too close to 50).
        if let Some(text) = WARM_UP.get(self.warmed) {
            match text {
                None => {
                    let _ = (lexicon(), refutations(), regions());
                }
                Some(text) => {
                    let _ = engine.check(text, &CheckOptions::default());
                }
            }
            self.warmed += 1;
            return Ok(BuildStep::Pending);
        }
        match self.engine.take() {
            Some(engine) => Ok(BuildStep::Done(engine)),
            None => Err("the engine was already built".to_string()),
        }
    }

    /// All remaining steps at once, for callers that do not need to yield: without the
    /// warm-up, which only spreads first-call costs over steps that yield.
    pub fn finish(mut self) -> Result<Engine, String> {
        self.warmed = WARM_UP.len();
        loop {
            if let BuildStep::Done(e) = self.step()? {
                return Ok(e);
            }
        }
    }
}

/// The warm-up steps: `None` builds the lexicons, a text is checked. The claim has a date, a
/// figure and a hoax-like phrase, so that each extractor and both indexes run once.
const WARM_UP: [Option<&str>; 3] = [
    None,
    Some("Cuaca cerah di Jakarta hari ini, dan harga cabai turun."),
    Some(
        "KPU menetapkan pemungutan suara Pemilu 2024 pada 14 Februari 2024 dengan 820.161 TPS; \
         surat suara sudah dicoblos sebelum hari H.",
    ),
];

/// What pass 1 keeps of a sentence. Words are not kept: on a long page they would cost many
/// times the text's size, and pass 2 recomputes them cheaply from the stem cache.
struct Pass1 {
    span: (usize, usize),
    features: Features,
    mentions: Vec<EntityMention>,
}

impl Engine {
    /// An engine with the default bundle.
    pub fn new() -> Result<Engine, String> {
        EngineBuild::with_json(Vec::new()).finish()
    }

    /// An engine with exactly these bundles.
    pub fn with_bundles(bundles: Vec<Compiled>) -> Engine {
        // Without the default bundle to decode, no step can fail.
        EngineBuild::of_compiled(bundles)
            .finish()
            .unwrap_or_else(|_| Engine {
                bundles: Vec::new(),
                entities: EntityIndex::default(),
            })
    }

    /// Ids defined by the loaded bundles (a new bundle may refer to them).
    pub fn known(&self) -> Known {
        Known::of(self.bundles.iter().map(|b| &b.data))
    }

    /// Adds a compiled bundle. Every index is rebuilt, since names in one bundle change how
    /// another's hoaxes are weighed.
    pub fn add_bundle(&mut self, c: Compiled) {
        let mut all: Vec<Compiled> = self.bundles.drain(..).map(|b| b.data).collect();
        all.push(c);
        *self = Engine::with_bundles(all);
    }

    /// Parses, validates and adds a JSON bundle. On error nothing changes.
    pub fn add_bundle_json(
        &mut self,
        name: &str,
        json: &str,
    ) -> Result<&Compiled, Vec<BundleError>> {
        let c = bundle_from_json(name, json, &self.known())?;
        self.add_bundle(c);
        Ok(&self.bundles[self.bundles.len() - 1].data)
    }

    pub fn bundles(&self) -> impl Iterator<Item = &Compiled> {
        self.bundles.iter().map(|b| &b.data)
    }

    /// Finds the election claims in `text` and gives each a verdict.
    pub fn check(&self, text: &str, opts: &CheckOptions) -> Report {
        self.check_with(text, opts, None, &mut StemCache::default())
    }

    /// Checks one part of a longer document (a page checked in slices, so that no slice
    /// blocks the page for long). `doc` carries the topic counts of the parts before this one
    /// and is updated with this part's: a statistic counts as an election claim once the
    /// document so far is about the election. For a document in one part this is [`check`].
    ///
    /// [`check`]: Engine::check
    pub fn check_part(&self, text: &str, opts: &CheckOptions, doc: &mut DocTopic) -> Report {
        self.check_with(text, opts, Some(doc), &mut StemCache::default())
    }

    /// [`check_part`] with the word stems of the parts before kept in `stems`: deriving them
    /// is the costliest step per word, and a page checked in a few hundred parts repeats its
    /// words from part to part. The result is the same as without.
    ///
    /// [`check_part`]: Engine::check_part
    pub fn check_part_with(
        &self,
        text: &str,
        opts: &CheckOptions,
        doc: &mut DocTopic,
        stems: &mut StemCache,
    ) -> Report {
        self.check_with(text, opts, Some(doc), stems)
    }

    fn check_with(
        &self,
        text: &str,
        opts: &CheckOptions,
        prior: Option<&mut DocTopic>,
        cache: &mut StemCache,
    ) -> Report {
        let mut cut = text.len().min(MAX_TEXT);
        while !text.is_char_boundary(cut) {
            cut -= 1;
        }
        let text = &text[..cut];
        let norm = Normalized::new(text);
        let folded = norm.text.as_str();

        // Pass 1: sentences, words, topic counts.
        let mut doc = DocTopic::default();
        let mut votes = LangVotes::default();
        let mut pass: Vec<Pass1> = Vec::new();
        let mut redefined: Vec<String> = Vec::new();
        for span in sentences(&norm, text) {
            let tokens = tokenize(&folded[span.0..span.1], span.0);
            votes.add(&tokens);
            let words = Words::with_cache(tokens, cache);
            for r in self.entities.redefined(folded, &words) {
                if !redefined.contains(&r) {
                    redefined.push(r);
                }
            }
            let mentions = self.entities.find(&words);
            let mut features = features(folded, span, &words, &mentions);
            features.strong += mentions
                .iter()
                .filter(|m| self.entities.is_pair(m.entity))
                .count();
            doc.add(&features);
            pass.push(Pass1 {
                span,
                features,
                mentions,
            });
        }
        // An abbreviation the document defines as something else is not the entity.
        if !redefined.is_empty() {
            for p in &mut pass {
                let before = p.mentions.len();
                p.mentions
                    .retain(|m| !(m.tok_end == m.tok_start + 1 && redefined.contains(&m.key)));
                if p.mentions.len() != before {
                    if !p.features.chrome {
                        doc.entities = doc.entities.saturating_sub(before - p.mentions.len());
                    }
                    p.features.entities = p.mentions.len();
                }
            }
        }
        let lang = opts.lang.unwrap_or_else(|| votes.lang());
        let style = match (opts.lang, lang) {
            (None, _) => NumberStyle::Auto,
            (Some(_), Lang::Id) => NumberStyle::Indonesian,
            (Some(_), Lang::En) => NumberStyle::English,
        };
        let doc_election = match prior {
            Some(acc) => {
                acc.absorb(doc);
                acc.is_election()
            }
            None => doc.is_election(),
        };

        // Pass 2: values, facts, hoaxes, verdicts.
        let mut claims: Vec<Claim> = Vec::new();
        for p in &pass {
            let f = &p.features;
            if f.chrome || f.tokens < 4 {
                continue;
            }
            let (a, b) = p.span;
            let sentence = &folded[a..b];
            let words = Words::with_cache(tokenize(sentence, a), cache);
            let topical = is_election(f, doc_election);
            let has_digit = sentence.bytes().any(|c| c.is_ascii_digit());
            let values = if topical || (doc_election && has_digit) {
                extract(folded, a, b, &words, style)
            } else {
                Values::default()
            };

            let mut findings: Vec<BundleFinding> = Vec::new();
            // A question asserts nothing: it can repeat a hoax, but it is never verified,
            // contradicted or an unverified claim.
            if !f.question && (topical || f.strong > 0) {
                for (bi, bundle) in self.bundles.iter().enumerate() {
                    let exps = expansions(folded, &words, |k| bundle.facts.is_abbreviation(k));
                    let s = Sentence {
                        words: &words,
                        values: &values,
                        entities: &p.mentions,
                        entity_index: &self.entities,
                        expansions: &exps,
                        regional: f.regional,
                    };
                    for finding in compare(&bundle.facts, &bundle.data.facts, &s) {
                        let claimed =
                            quote(&norm, text, &words, finding.tok_start, finding.tok_end);
                        findings.push(BundleFinding {
                            bundle: bi,
                            finding,
                            claimed,
                        });
                    }
                }
            }

            let hoax = if f.refutes {
                None
            } else {
                let terms = content_terms_of(&words);
                let mut best = None;
                for (bi, bundle) in self.bundles.iter().enumerate() {
                    if let Some(m) = bundle.hoaxes.best_match(&terms) {
                        // Questions repeat hoaxes too ("Benarkah KPU …?"), but need a closer match.
                        if f.question && m.score < 0.8 {
                            continue;
                        }
                        if best.is_none_or(|(_, b): (usize, crate::verify::hoaxes::HoaxMatch)| {
                            m.score > b.score
                        }) {
                            best = Some((bi, m));
                        }
                    }
                }
                best
            };

            let figures = values.numbers.len();
            let evidence = Evidence {
                findings: &findings,
                hoax,
                values: values.count(),
                worthiness: claim_score(f, values.count(), figures, doc_election),
                lang,
            };
            let Some(d) = decide(&self.bundles, &evidence) else {
                continue;
            };
            let (start, end) = norm.orig_span(text, a, b);
            claims.push(Claim {
                start,
                end,
                start_utf16: 0,
                end_utf16: 0,
                text: text[start..end].to_string(),
                verdict: d.verdict,
                confidence: d.confidence,
                reason: d.reason,
                sources: d.sources,
                official_value: d.official_value,
                fact_id: d.fact_id,
                hoax_id: d.hoax_id,
            });
        }
        let offsets: Vec<usize> = claims.iter().flat_map(|c| [c.start, c.end]).collect();
        let units = utf16_offsets(text, &offsets);
        for (i, c) in claims.iter_mut().enumerate() {
            c.start_utf16 = units[2 * i];
            c.end_utf16 = units[2 * i + 1];
        }
        Report {
            claims,
            text_len: text.len(),
            lang,
            page_source: opts.url.as_deref().and_then(|u| self.page_source(u)),
        }
    }

    /// The name of the bundle source whose domain `url` is on.
    pub fn page_source(&self, url: &str) -> Option<String> {
        let host = url
            .split("://")
            .nth(1)
            .unwrap_or(url)
            .split(['/', '?', '#', ':'])
            .next()?
            .to_ascii_lowercase();
        self.bundles
            .iter()
            .flat_map(|b| b.data.sources.iter())
            .find(|s| {
                s.domains
                    .iter()
                    .any(|d| host == *d || host.ends_with(&format!(".{d}")))
            })
            .map(|s| s.name.clone())
    }
}

/// The original text of tokens `a..b` of a sentence.
fn quote(norm: &Normalized, text: &str, w: &Words, a: usize, b: usize) -> String {
    if a >= b || b > w.tokens.len() {
        return String::new();
    }
    let (s, e) = norm.orig_span(text, w.tokens[a].start, w.tokens[b - 1].end);
    text[s..e].to_string()
}

fn features(
    folded: &str,
    (a, b): (usize, usize),
    w: &Words,
    mentions: &[EntityMention],
) -> Features {
    let sentence = &folded[a..b];
    let mut f = Features {
        tokens: w.len(),
        entities: mentions.len(),
        chrome: is_chrome(sentence),
        question: sentence
            .trim_end_matches(['"', '\'', '”', '’', ')', ' '])
            .ends_with('?'),
        exclaim: sentence.contains('!'),
        appeal: w
            .tokens
            .first()
            .is_some_and(|t| APPEALS.contains(&t.key.as_str())),
        ..Default::default()
    };
    for h in lexicon().find(w) {
        match h.value {
            Term::Strong => f.strong += 1,
            Term::Weak => f.weak += 1,
            Term::OffTopic => f.off_topic += 1,
            Term::Assertive => f.assertive += 1,
            Term::Opinion => f.opinion += 1,
            Term::Refutes | Term::Region => {}
        }
    }
    f.refutes = refutations().any(w);
    f.regional = regions().any(w);
    f
}
