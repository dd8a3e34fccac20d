//! Near-duplicate matching of sentences against debunked claims.
//!
//! Candidates come from two indexes whose cost does not grow with the number of debunked
//! claims: MinHash signatures banded into an LSH table (finds rewordings: words added,
//! dropped, reordered), and postings of the sentence's two rarest known terms (finds a hoax
//! quoted inside a longer sentence). Buckets and postings above a fixed size are skipped: a
//! term or band shared by that many claims says nothing about any one of them. Each candidate
//! is then scored exactly, with terms weighted by rarity, so that an election sentence sharing
//! common words ("KPU", "TPS", "pemilu") with a hoax is not taken for it.

use std::collections::HashMap;

use crate::bundle::compile::Compiled;
use crate::bundle::schema::Entity;
use crate::claims::lexicon::topic_words;
use crate::text::fasthash::FastSet;
use crate::text::normalize::fold;
use crate::text::terms::content_terms;
use crate::text::tokens::tokenize;

const HASHES: usize = 24;
const ROWS: usize = 2;
const BANDS: usize = HASHES / ROWS;
/// Buckets and postings longer than this are not scanned (they are stored empty).
const MAX_BUCKET: usize = 64;

/// The best debunked claim for a sentence, with how well it matched.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct HoaxMatch {
    /// Index into the bundle's `debunked`.
    pub hoax: u32,
    /// Weighted share of the hoax's terms found in the sentence.
    pub cover_hoax: f32,
    /// Weighted share of the sentence's terms found in the hoax.
    pub cover_sentence: f32,
    pub score: f32,
}

/// What a term is: the election vocabulary and names are shared by true and false claims
/// alike, so the rest (the action: "kabulkan", "pecat", "temukan"; the figures) is what tells a
/// hoax from a true sentence about the same people.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Class {
    Topic,
    Entity,
    Other,
}

/// Each variant is one record in [`HoaxIndex::records`]: these fields, then its term ids,
/// sorted. Side by side in one array, because candidates are scattered over the whole list:
/// in a large bundle the reads from memory cost more than the scoring, and a record is read
/// in one go where a struct pointing at its own term vector took two.
const HOAX: usize = 0;
/// `f32` bits: the weight of its `Other` terms.
const OTHER: usize = 1;
/// The number of its `Entity` terms.
const ENTITIES: usize = 2;
/// The number of its terms, which follow.
const LEN: usize = 3;
const HEAD: usize = 4;

/// What bounds a variant's score without reading its record: 16 bytes a variant, in an
/// array a sixth the size of the records. In a bundle grown a hundredfold, most of a
/// sentence's candidates are reworded copies of one hoax that cannot beat the best match
/// already scored; reading each one's record (a cache and TLB miss in tens of megabytes) cost
/// more than the rest of the check grew.
#[derive(Debug, Clone, Copy, Default)]
struct Summary {
    /// Offset of the variant's record in [`HoaxIndex::records`].
    at: u32,
    /// The variant's summed term weight.
    weight: f32,
    /// Bit [`bloom_bit`] of each of its term ids: a term whose bit is clear is not shared.
    bloom: u64,
}

/// A term id's bit in [`Summary::bloom`] (Fibonacci hashing: ids of neighbouring words, which
/// sort together, land far apart).
fn bloom_bit(id: u32) -> u32 {
    id.wrapping_mul(0x9e37_79b9) >> 26
}

/// Relative slack on score bounds. A bound and the score it bounds add the same weights in
/// other orders, so in `f32` the bound may come out a few ulps under a score it equals in
/// real numbers (sums of at most a few hundred terms err by far less than this); the slack
/// keeps every bound at or above its score, so pruning never changes the result.
const BOUND_SLACK: f32 = 1e-3;

/// The hoax index of one bundle.
#[derive(Debug, Clone, Default)]
pub struct HoaxIndex {
    terms: TermTable,
    idf: Vec<f32>,
    unknown_idf: f32,
    /// The variants' records (see [`HEAD`]).
    records: Vec<u32>,
    /// Per variant, its record's offset and what bounds its score; bands and postings hold
    /// variant numbers.
    summaries: Vec<Summary>,
    /// A band key's list in `band_lists`.
    bands: KeyMap<u32>,
    band_lists: Lists,
    /// Per term id, the variants that have it.
    postings: Lists,
    class: Vec<Class>,
    topic_terms: FastSet<String>,
    entity_terms: FastSet<String>,
}

/// A word seen in one hoax only is not worth more than this: otherwise dropping that one
/// word from a reworded copy would hide the whole hoax.
const MAX_IDF: f32 = 5.0;

/// Politicians the hoax lists name besides the bundle's entities (the 2019 race, party
/// leaders): a hoax about "Prabowo-Sandi" is not about Prabowo alone.
const OTHER_NAMES: &[&str] = &[
    "sandiaga",
    "sandi",
    "ma'ruf",
    "maruf",
    "jokowi",
    "widodo",
    "sby",
    "yudhoyono",
    "megawati",
    "puan",
    "ahy",
    "kaesang",
    "bobby",
    "airlangga",
    "surya paloh",
    "hasto",
    "iriana",
    "rizieq",
];

/// Shared words and names count half: a match must rest on what the claim says happened.
const SHARED_WORD_FACTOR: f32 = 0.5;

fn fnv(s: &str) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for &b in s.as_bytes() {
        h ^= b as u64;
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    h
}

fn mix(mut x: u64) -> u64 {
    // splitmix64 finaliser: a cheap, well-spread permutation per seed.
    x = x.wrapping_add(0x9e37_79b9_7f4a_7c15);
    x = (x ^ (x >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    x = (x ^ (x >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    x ^ (x >> 31)
}

/// Odd multipliers and offsets of the MinHash family h_i(x) = A_i·x + B_i (mod 2^64), made
/// once from a fixed seed. One multiply-add per hash keeps signatures cheap enough to compute
/// for every variant at load time.
fn family() -> &'static ([u64; HASHES], [u64; HASHES]) {
    static F: std::sync::OnceLock<([u64; HASHES], [u64; HASHES])> = std::sync::OnceLock::new();
    F.get_or_init(|| {
        let mut a = [0u64; HASHES];
        let mut b = [0u64; HASHES];
        let mut x = 0x5a52_494e_4700_0001u64;
        for i in 0..HASHES {
            x = mix(x);
            a[i] = x | 1;
            x = mix(x);
            b[i] = x;
        }
        (a, b)
    })
}

fn band_keys(hashes: &[u64]) -> [u64; BANDS] {
    let (a, b) = family();
    // 32-bit minima: as good for banding, and the minimum of 32-bit lanes vectorises.
    let mut sig = [u32::MAX; HASHES];
    for &h in hashes {
        let x = mix(h);
        for i in 0..HASHES {
            let v = (a[i].wrapping_mul(x).wrapping_add(b[i]) >> 32) as u32;
            sig[i] = sig[i].min(v);
        }
    }
    let mut keys = [0u64; BANDS];
    for (band, k) in keys.iter_mut().enumerate() {
        let mut acc = mix(band as u64 + 1);
        for r in 0..ROWS {
            acc = mix(acc ^ sig[band * ROWS + r] as u64);
        }
        *k = acc;
    }
    keys
}

/// Band keys are already well mixed: hashing them again (SipHash) would only cost time.
#[derive(Default, Clone, Copy, Debug)]
struct KeyHasher(u64);

impl std::hash::Hasher for KeyHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0 << 8) ^ (b as u64) ^ (self.0 >> 56);
        }
    }
    fn write_u64(&mut self, n: u64) {
        self.0 = n;
    }
}

type KeyMap<V> = HashMap<u64, V, std::hash::BuildHasherDefault<KeyHasher>>;

/// A [`HoaxIndex`] built a step at a time (see `EngineBuild`): the term weights first, then
/// the variants a few thousand at a time, then the lists. In a browser tab that has just
/// loaded the module, indexing the default bundle in one go took 15-60 ms.
pub struct HoaxIndexBuild {
    idf: Vec<f32>,
    unknown_idf: f32,
    class: Vec<Class>,
    term_hashes: Vec<u64>,
    topic_terms: FastSet<String>,
    entity_terms: FastSet<String>,
    /// Variants indexed so far.
    done: usize,
    // (list, record) pairs, gathered into one array per index at the end: a bundle has tens
    // of thousands of bands and terms, and a vector each cost as much as the rest of the load.
    bands: KeyMap<u32>,
    band_pairs: Vec<(u32, u32)>,
    posting_pairs: Vec<(u32, u32)>,
    records: Vec<u32>,
    summaries: Vec<Summary>,
}

/// Variants indexed per step.
const VARIANTS_PER_STEP: usize = 2_500;

impl HoaxIndexBuild {
    /// The term weights of `c`'s debunked claims; `entities` are the names known to the
    /// engine (all bundles), which tell names from other words.
    pub fn new(c: &Compiled, entities: &[Entity]) -> Self {
        let terms_of = |s: &str| content_terms(&tokenize(&fold(s), 0));
        static TOPIC: std::sync::OnceLock<FastSet<String>> = std::sync::OnceLock::new();
        let topic_terms = TOPIC
            .get_or_init(|| topic_words().flat_map(terms_of).collect())
            .clone();
        let entity_terms: FastSet<String> = entities
            .iter()
            .flat_map(|e| e.aliases.iter().chain(std::iter::once(&e.name)))
            .map(String::as_str)
            .chain(OTHER_NAMES.iter().copied())
            .flat_map(terms_of)
            .filter(|t| !topic_terms.contains(t))
            .collect();
        let class_of = |t: &str| {
            if entity_terms.contains(t) {
                Class::Entity
            } else if topic_terms.contains(t) {
                Class::Topic
            } else {
                Class::Other
            }
        };
        let class: Vec<Class> = c.terms.iter().map(|t| class_of(t)).collect();
        let n = c.variants.len().max(1) as f32;
        let mut df = vec![0u32; c.terms.len()];
        for v in &c.variants {
            for &t in &v.terms {
                if let Some(d) = df.get_mut(t as usize) {
                    *d += 1;
                }
            }
        }
        let idf: Vec<f32> = df
            .iter()
            .zip(&class)
            .map(|(&d, &k)| {
                let w = (1.0 + n / d.max(1) as f32).ln().min(MAX_IDF);
                if k == Class::Other {
                    w
                } else {
                    w * SHARED_WORD_FACTOR
                }
            })
            .collect();
        HoaxIndexBuild {
            idf,
            unknown_idf: (1.0 + n).ln().min(MAX_IDF),
            class,
            term_hashes: c.terms.iter().map(|t| fnv(t)).collect(),
            topic_terms,
            entity_terms,
            done: 0,
            bands: KeyMap::default(),
            band_pairs: Vec::with_capacity(c.variants.len() * BANDS),
            posting_pairs: Vec::new(),
            records: Vec::new(),
            summaries: Vec::with_capacity(c.variants.len()),
        }
    }

    /// Indexes the next variants of `c` (the bundle given to [`HoaxIndexBuild::new`]); the
    /// index once all are.
    pub fn step(&mut self, c: &Compiled) -> Option<HoaxIndex> {
        let upto = (self.done + VARIANTS_PER_STEP).min(c.variants.len());
        if self.done < upto {
            self.index_variants(c, upto);
            return None;
        }
        Some(HoaxIndex {
            terms: TermTable::new(&c.terms),
            idf: std::mem::take(&mut self.idf),
            unknown_idf: self.unknown_idf,
            records: std::mem::take(&mut self.records),
            summaries: std::mem::take(&mut self.summaries),
            band_lists: Lists::new(self.bands.len(), &self.band_pairs, MAX_BUCKET),
            bands: std::mem::take(&mut self.bands),
            postings: Lists::new(c.terms.len(), &self.posting_pairs, MAX_BUCKET),
            class: std::mem::take(&mut self.class),
            topic_terms: std::mem::take(&mut self.topic_terms),
            entity_terms: std::mem::take(&mut self.entity_terms),
        })
    }

    fn index_variants(&mut self, c: &Compiled, upto: usize) {
        let HoaxIndexBuild {
            idf,
            class,
            term_hashes,
            bands,
            band_pairs,
            posting_pairs,
            records,
            summaries,
            ..
        } = self;
        let (mut terms, mut hashes) = (Vec::new(), Vec::new());
        for v in &c.variants[self.done..upto] {
            let at = summaries.len() as u32;
            terms.clear();
            terms.extend(
                v.terms
                    .iter()
                    .copied()
                    .filter(|&t| (t as usize) < c.terms.len()),
            );
            hashes.clear();
            hashes.extend(terms.iter().map(|&t| term_hashes[t as usize]));
            for k in band_keys(&hashes) {
                let next = bands.len() as u32;
                let list = *bands.entry(k).or_insert(next);
                band_pairs.push((list, at));
            }
            for &t in &terms {
                posting_pairs.push((t, at));
            }
            let weight: f32 = terms.iter().map(|&t| idf[t as usize]).sum();
            let other: f32 = terms
                .iter()
                .filter(|&&t| class[t as usize] == Class::Other)
                .map(|&t| idf[t as usize])
                .sum();
            let entities = terms
                .iter()
                .filter(|&&t| class[t as usize] == Class::Entity)
                .count() as u32;
            let mut head = [0u32; HEAD];
            summaries.push(Summary {
                at: records.len() as u32,
                weight,
                bloom: terms.iter().fold(0, |b, &t| b | 1 << bloom_bit(t)),
            });
            head[HOAX] = v.hoax;
            head[OTHER] = other.to_bits();
            head[ENTITIES] = entities;
            head[LEN] = terms.len() as u32;
            records.extend_from_slice(&head);
            records.extend_from_slice(&terms);
        }
        self.done = upto;
    }
}

impl HoaxIndex {
    /// Indexes the debunked claims of `c`; `entities` are the names known to the engine (all
    /// bundles), which tell names from other words.
    pub fn new(c: &Compiled, entities: &[Entity]) -> Self {
        let mut build = HoaxIndexBuild::new(c, entities);
        loop {
            if let Some(index) = build.step(c) {
                return index;
            }
        }
    }

    pub fn is_empty(&self) -> bool {
        self.records.is_empty()
    }

    /// The debunked claim that `terms` (a sentence's content terms) repeats, if any clears
    /// the bar.
    pub fn best_match(&self, terms: &[String]) -> Option<HoaxMatch> {
        if terms.len() < 3 || self.records.is_empty() {
            return None;
        }
        let hashes: Vec<u64> = terms.iter().map(|t| fnv(t)).collect();
        let ids: Vec<Option<u32>> = terms
            .iter()
            .zip(&hashes)
            .map(|(t, &h)| self.terms.id_hashed(t, h))
            .collect();
        let q_weight: f32 = ids
            .iter()
            .zip(terms)
            .map(|(id, t)| match id {
                Some(i) => self.idf[*i as usize],
                None if self.topic_terms.contains(t) || self.entity_terms.contains(t) => {
                    self.unknown_idf * SHARED_WORD_FACTOR
                }
                None => self.unknown_idf,
            })
            .sum();

        let mut cands: Vec<u32> = Vec::new();
        for k in band_keys(&hashes) {
            if let Some(&list) = self.bands.get(&k) {
                cands.extend_from_slice(self.band_lists.get(list));
            }
        }
        let mut rare: Vec<u32> = ids.iter().flatten().copied().collect();
        rare.sort_by(|a, b| self.idf[*b as usize].total_cmp(&self.idf[*a as usize]));
        for &t in rare.iter().take(2) {
            cands.extend_from_slice(self.postings.get(t));
        }
        cands.sort_unstable();
        cands.dedup();

        // Branch and bound. The best match is the candidate of highest score, the first one
        // in the variants' order among equals; it counts only if its score reaches
        // `MIN_SCORE` (`is_match`). A candidate whose bound (below) is under `MIN_SCORE`, or
        // under a score already found, can be neither, so its record is never read. The rest
        // are scored highest bound first, until a bound falls under the best score: with near
        // duplicates in a bucket, the one that matches is scored early and its copies stop the
        // search.
        //
        // The bound: a term can be shared only if its bloom bit is set in the variant's
        // summary, so `w` (the weight of those of the sentence's known terms) bounds the shared
        // weight and `n` the number of shared terms; the shared weight is also at most the
        // variant's own.
        let mut bit_weight = [0.0f32; 64];
        let mut bit_count = [0u32; 64];
        let mut mask = 0u64;
        for &id in ids.iter().flatten() {
            let b = bloom_bit(id);
            bit_weight[b as usize] += self.idf[id as usize];
            bit_count[b as usize] += 1;
            mask |= 1 << b;
        }
        let q = q_weight.max(f32::MIN_POSITIVE);
        let sums: Vec<(Summary, u32)> = cands
            .iter()
            .filter_map(|&v| Some((*self.summaries.get(v as usize)?, v)))
            .collect();
        let mut order: Vec<(f32, u32)> = Vec::with_capacity(cands.len());
        for (s, v) in sums {
            if s.weight <= 0.0 {
                continue;
            }
            let (mut w, mut n) = (0.0f32, 0u32);
            let mut hit = mask & s.bloom;
            while hit != 0 {
                let b = hit.trailing_zeros() as usize;
                w += bit_weight[b];
                n += bit_count[b];
                hit &= hit - 1;
            }
            if n < 3 {
                continue;
            }
            let bound = (0.6 * (w / s.weight).min(1.0) + 0.4 * w / q) * (1.0 + BOUND_SLACK);
            if bound >= MIN_SCORE {
                order.push((bound, v));
            }
        }
        order.sort_unstable_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));

        let mut best: Option<(HoaxMatch, u32)> = None;
        for (bound, v) in order {
            if best.is_some_and(|(b, _)| bound < b.score) {
                break;
            }
            let Some(&Summary { at, weight, .. }) = self.summaries.get(v as usize) else {
                continue;
            };
            let r = &self.records[at as usize..];
            let (other, entities) = (f32::from_bits(r[OTHER]), r[ENTITIES]);
            let v_terms = &r[HEAD..HEAD + r[LEN] as usize];
            let mut shared = 0.0f32;
            let mut shared_n = 0usize;
            let mut shared_other = 0.0f32;
            let mut shared_entities = 0u32;
            for id in ids.iter().flatten() {
                if v_terms.binary_search(id).is_ok() {
                    let w = self.idf[*id as usize];
                    shared += w;
                    shared_n += 1;
                    match self.class[*id as usize] {
                        Class::Other => shared_other += w,
                        Class::Entity => shared_entities += 1,
                        Class::Topic => {}
                    }
                }
            }
            if shared_n < 3 {
                continue;
            }
            // What the hoax says happened must be there: most of its own words…
            if other > 0.0 && shared_other < 0.65 * other {
                continue;
            }
            // …and the people it is about: all of them when it names one or two.
            if entities > 0 && shared_entities < entities - entities / 3 {
                continue;
            }
            let cover_hoax = shared / weight;
            let cover_sentence = shared / q;
            let score = 0.6 * cover_hoax + 0.4 * cover_sentence;
            let m = HoaxMatch {
                hoax: r[HOAX],
                cover_hoax,
                cover_sentence,
                score,
            };
            if best.is_none_or(|(b, bv)| m.score > b.score || (m.score == b.score && v < bv)) {
                best = Some((m, v));
            }
        }
        best.map(|(m, _)| m).filter(is_match)
    }
}

/// Lists of numbers in one array (compressed sparse rows): list `i` is
/// `items[starts[i]..starts[i + 1]]`.
#[derive(Debug, Clone, Default)]
struct Lists {
    starts: Vec<u32>,
    items: Vec<u32>,
}

impl Lists {
    /// `n` lists from (list, item) pairs; each list keeps its items in the pairs' order, and
    /// a list of more than `cap` items is left empty: it would never be read. In a large
    /// bundle those are most of the postings (the terms every reworded copy shares) and a
    /// third of the band lists, memory that only crowded the caches.
    fn new(n: usize, pairs: &[(u32, u32)], cap: usize) -> Lists {
        let mut len = vec![0u32; n];
        for &(l, _) in pairs {
            len[l as usize] += 1;
        }
        let keep = |l: u32| len[l as usize] as usize <= cap;
        let mut starts = vec![0u32; n + 1];
        for i in 0..n {
            starts[i + 1] = starts[i] + if keep(i as u32) { len[i] } else { 0 };
        }
        let mut next = starts.clone();
        let mut items = vec![0u32; starts[n] as usize];
        for &(l, x) in pairs {
            if keep(l) {
                items[next[l as usize] as usize] = x;
                next[l as usize] += 1;
            }
        }
        Lists { starts, items }
    }

    fn get(&self, i: u32) -> &[u32] {
        let i = i as usize;
        match (self.starts.get(i), self.starts.get(i + 1)) {
            (Some(&a), Some(&b)) => &self.items[a as usize..b as usize],
            _ => &[],
        }
    }
}

/// The bundle's terms, looked up by text: all their text in one string and their ids sorted
/// by it (the compiler numbers terms in sorted order, so usually that is just 0, 1, 2 …).
/// Building a map of ten thousand cloned strings took an eighth of the engine's load.
#[derive(Debug, Clone, Default)]
struct TermTable {
    text: String,
    /// Term `i` is `text[ends[i - 1]..ends[i]]` (from 0 for the first).
    ends: Vec<u32>,
    /// Term ids in the order of their text.
    sorted: Vec<u32>,
    /// Term id by the term's FNV hash (which queries compute anyway for MinHash); `u32::MAX`
    /// where two terms share a hash, and the sorted ids decide.
    by_hash: KeyMap<u32>,
}

impl TermTable {
    fn new(terms: &[String]) -> TermTable {
        let mut text = String::with_capacity(terms.iter().map(String::len).sum());
        let mut ends = Vec::with_capacity(terms.len());
        for t in terms {
            text.push_str(t);
            ends.push(text.len() as u32);
        }
        let mut sorted: Vec<u32> = (0..terms.len() as u32).collect();
        if !terms.is_sorted() {
            sorted.sort_by(|&a, &b| terms[a as usize].cmp(&terms[b as usize]));
        }
        let mut by_hash = KeyMap::default();
        by_hash.reserve(terms.len());
        for (i, t) in terms.iter().enumerate() {
            by_hash
                .entry(fnv(t))
                .and_modify(|v| *v = u32::MAX)
                .or_insert(i as u32);
        }
        TermTable {
            text,
            ends,
            sorted,
            by_hash,
        }
    }

    /// The id of `t`, whose [`fnv`] hash is `h`.
    fn id_hashed(&self, t: &str, h: u64) -> Option<u32> {
        match self.by_hash.get(&h) {
            None => None,
            Some(&u32::MAX) => self.id(t),
            Some(&i) => (self.term(i) == t).then_some(i),
        }
    }

    fn term(&self, i: u32) -> &str {
        let i = i as usize;
        let start = if i == 0 { 0 } else { self.ends[i - 1] as usize };
        &self.text[start..self.ends[i] as usize]
    }

    /// The id of `t` (the last one, should a term be listed twice: the sort is stable).
    fn id(&self, t: &str) -> Option<u32> {
        let k = self.sorted.partition_point(|&i| self.term(i) <= t);
        let i = *self.sorted.get(k.checked_sub(1)?)?;
        (self.term(i) == t).then_some(i)
    }
}

/// The bar: most of the hoax's weighted terms are in the sentence, and the sentence is mostly
/// about the hoax.
fn is_match(m: &HoaxMatch) -> bool {
    m.cover_hoax >= 0.6 && m.cover_sentence >= 0.4 && m.score >= MIN_SCORE
}

/// The lowest score of a match.
const MIN_SCORE: f32 = 0.62;
