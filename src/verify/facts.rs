//! Comparing a sentence's values with the official facts it is about.
//!
//! A fact applies to a sentence when the sentence contains one of its `when` groups and none
//! of its `unless` phrases. A value is compared with a fact only when it is the kind of value
//! the fact holds and it is said of the fact: a figure needs the fact's unit next to it and,
//! for a fact about one candidate pair, that pair as the nearest name; a date needs to sit
//! near the words that made the fact apply. A value that several facts could be about agrees
//! when any of them agrees ("36 dari 38 provinsi" holds two facts); it contradicts only when
//! none agrees, and then the most specific fact is the one reported.

use crate::bundle::schema::{Fact, Value};
use crate::bundle::validate::parse_date;
use crate::extract::Values;
use crate::extract::date::{DateValue, PartialDate};
use crate::extract::names::{EntityIndex, EntityMention, Expansion, associated};
use crate::extract::number::{Bound, NumberMatch};
use crate::text::fasthash::FastMap;
use crate::text::normalize::fold;
use crate::text::phrases::{Hit, PhraseSet, Words};
use crate::text::tokens::tokenize;

/// Which value of the sentence a finding is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum ValueRef {
    Date(usize),
    Number(usize),
    Ballot(usize),
    /// A long form of an abbreviation, or a known wrong name, by token start.
    Name(usize),
}

/// The outcome of comparing one value with one fact.
#[derive(Debug, Clone, PartialEq)]
pub struct Finding {
    /// Index into the bundle's facts.
    pub fact: u32,
    pub value: ValueRef,
    pub agrees: bool,
    /// Higher is more specific: entity-bound beats qualified beats unit-only.
    pub specificity: u8,
    /// Token span of the claimed value, for quoting it back.
    pub tok_start: usize,
    pub tok_end: usize,
}

#[derive(Debug, Clone, Default)]
struct Rule {
    when: Vec<Vec<u32>>,
    unless: Vec<u32>,
    units: Vec<u32>,
    near: Vec<u32>,
    not_near: Vec<u32>,
}

/// The facts of one bundle, indexed by the phrases that make them apply.
#[derive(Debug, Clone, Default)]
pub struct FactIndex {
    phrases: PhraseSet<u32>,
    phrase_ids: FastMap<String, u32>,
    raw_ids: FastMap<String, u32>,
    /// For each phrase id, the facts whose `when` uses it.
    triggers: Vec<Vec<u32>>,
    /// For each phrase id, whether some fact uses it as a unit.
    is_unit: Vec<bool>,
    rules: Vec<Rule>,
    /// Known wrong long names, each with its fact.
    wrong_names: PhraseSet<u32>,
    /// Abbreviation key → name facts.
    abbreviations: FastMap<String, Vec<u32>>,
}

/// Words before a date that say it is the start of a period.
const START_CUES: &[&str] = &[
    "mulai", "dimulai", "sejak", "start", "starts", "started", "begin", "begins", "began", "from",
    "awal", "dibuka",
];
/// …or its end.
const END_CUES: &[&str] = &[
    "berakhir", "akhir", "hingga", "sampai", "until", "ends", "ended", "end", "till", "through",
    "batas", "ditutup", "selesai",
];

fn key_of(phrase: &str) -> String {
    tokenize(&fold(phrase), 0)
        .into_iter()
        .map(|t| t.key)
        .collect::<Vec<_>>()
        .join(" ")
}

impl FactIndex {
    pub fn new(facts: &[Fact]) -> Self {
        let mut idx = FactIndex::default();
        for (fi, f) in facts.iter().enumerate() {
            let fi = fi as u32;
            let rule = Rule {
                when: f
                    .when
                    .iter()
                    .map(|g| g.iter().map(|p| idx.phrase(p)).collect())
                    .collect(),
                unless: f.unless.iter().map(|p| idx.phrase(p)).collect(),
                units: f.units.iter().map(|p| idx.phrase(p)).collect(),
                near: f.near.iter().map(|p| idx.phrase(p)).collect(),
                not_near: f.not_near.iter().map(|p| idx.phrase(p)).collect(),
            };
            for &u in &rule.units {
                idx.is_unit[u as usize] = true;
            }
            for g in &rule.when {
                for &p in g {
                    if !idx.triggers[p as usize].contains(&fi) {
                        idx.triggers[p as usize].push(fi);
                    }
                }
            }
            idx.rules.push(rule);
            if let Value::Name {
                abbreviation,
                wrong,
                ..
            } = &f.value
            {
                idx.abbreviations
                    .entry(key_of(abbreviation))
                    .or_default()
                    .push(fi);
                for w in wrong {
                    idx.wrong_names.insert(w, fi);
                }
            }
        }
        idx
    }

    fn phrase(&mut self, p: &str) -> u32 {
        // Facts repeat the same `unless` lists: fold each distinct phrase once.
        if let Some(&id) = self.raw_ids.get(p) {
            return id;
        }
        let id = self.phrase_by_key(p);
        self.raw_ids.insert(p.to_string(), id);
        id
    }

    fn phrase_by_key(&mut self, p: &str) -> u32 {
        let key = key_of(p);
        if let Some(&id) = self.phrase_ids.get(&key) {
            return id;
        }
        let id = self.triggers.len() as u32;
        self.phrase_ids.insert(key, id);
        self.triggers.push(Vec::new());
        self.is_unit.push(false);
        // Short abbreviations ("tps", "dpt", "kpu") are matched as written.
        if !p.trim().contains(' ') && p.trim().len() <= 4 {
            self.phrases.insert_exact(p, id);
        } else {
            self.phrases.insert(p, id);
        }
        id
    }

    /// True when `key` (a token key) is the abbreviation of a name fact.
    pub fn is_abbreviation(&self, key: &str) -> bool {
        self.abbreviations.contains_key(key)
    }
}

/// Everything the comparison needs to know about one sentence.
pub struct Sentence<'a> {
    pub words: &'a Words,
    pub values: &'a Values,
    pub entities: &'a [EntityMention],
    pub entity_index: &'a EntityIndex,
    pub expansions: &'a [Expansion],
    /// The sentence names a region below the national level.
    pub regional: bool,
}

/// Words that join two clauses: a qualifier and a figure on either side of one belong to
/// different clauses.
const CLAUSE_JOINERS: &[&str] = &[
    "dan",
    "serta",
    "sedangkan",
    "sementara",
    "tetapi",
    "namun",
    "and",
    "while",
    "whereas",
    "but",
];

/// Compares every value of the sentence with every fact that applies to it.
pub fn compare(idx: &FactIndex, facts: &[Fact], s: &Sentence<'_>) -> Vec<Finding> {
    let hits: Vec<Hit<u32>> = idx.phrases.find_all(s.words);
    let mut at: FastMap<u32, Vec<(usize, usize)>> = FastMap::default();
    for h in &hits {
        at.entry(h.value).or_default().push((h.start, h.end));
    }
    let mut applicable: Vec<u32> = hits
        .iter()
        .flat_map(|h| idx.triggers[h.value as usize].iter().copied())
        .collect();
    applicable.sort_unstable();
    applicable.dedup();

    let mut out = Vec::new();
    for fi in applicable {
        let rule = &idx.rules[fi as usize];
        let fact = &facts[fi as usize];
        // Positions of the words that made the fact apply.
        let mut anchors: Vec<usize> = Vec::new();
        let mut applies = false;
        for g in &rule.when {
            if g.iter().all(|p| at.contains_key(p)) {
                applies = true;
                for p in g {
                    anchors.extend(at[p].iter().map(|&(a, _)| a));
                }
            }
        }
        if !applies || rule.unless.iter().any(|p| at.contains_key(p)) {
            continue;
        }
        if fact.national && s.regional {
            continue;
        }
        let near = |phrases: &[u32], a: usize, b: usize, before: usize, after: usize| {
            phrases.iter().any(|p| {
                at.get(p)
                    .is_some_and(|v| v.iter().any(|&(ps, pe)| pe + before > a && ps < b + after))
            })
        };
        // A qualifier ("luar negeri") belongs to the figure nearest to it, the one before it on a
        // tie: in "820.161 di dalam negeri dan 3.059 di luar negeri" each figure has its own.
        // A word that joins clauses ("dan", "and") between them puts them in different clauses:
        // "820.161 TPS di dalam negeri dan 3.059 …" — "dalam negeri" is the first figure's.
        let joined = |from: usize, to: usize| {
            s.words.tokens[from.min(s.words.tokens.len())..to.min(s.words.tokens.len())]
                .iter()
                .any(|t| CLAUSE_JOINERS.contains(&t.key.as_str()))
        };
        let owner = |ps: usize, pe: usize| -> Option<usize> {
            s.values
                .numbers
                .iter()
                .enumerate()
                .map(|(k, n)| {
                    let d = if pe <= n.tok_start {
                        (n.tok_start - pe) * 2 + 1 + if joined(pe, n.tok_start) { 1000 } else { 0 }
                    } else if ps >= n.tok_end {
                        (ps - n.tok_end) * 2 + if joined(n.tok_end, ps) { 1000 } else { 0 }
                    } else {
                        0
                    };
                    (d, k)
                })
                .min()
                .map(|(_, k)| k)
        };
        let qualifies = |phrases: &[u32], i: usize, a: usize, b: usize| {
            phrases.iter().any(|p| {
                at.get(p).is_some_and(|v| {
                    v.iter()
                        .any(|&(ps, pe)| pe + 8 > a && ps < b + 8 && owner(ps, pe) == Some(i))
                })
            })
        };
        // The unit written right after a figure ("18 partai", "9.917 calon") decides what it
        // counts; only without one do units before it count ("DPT sebanyak 204.807.222").
        let unit_ok = |a: usize, b: usize| {
            let after = hits
                .iter()
                .filter(|h| idx.is_unit[h.value as usize] && h.start >= b && h.start < b + 3)
                .min_by_key(|h| h.start);
            match after {
                Some(h) => rule.units.contains(&h.value),
                None => near(&rule.units, a, b, 6, 0),
            }
        };
        let entity_ok = |tok: usize| match &fact.entity {
            None => true,
            Some(id) => {
                associated(s.entities, tok).is_some_and(|m| s.entity_index.belongs(m.entity, id))
            }
        };
        let specificity = 1
            + if fact.entity.is_some() { 4 } else { 0 }
            + if rule.near.is_empty() { 0 } else { 2 };
        let dist = |tok: usize| {
            anchors
                .iter()
                .map(|&a| a.abs_diff(tok))
                .min()
                .unwrap_or(usize::MAX)
        };

        match &fact.value {
            Value::Date { date } => {
                let Some(official) = parse_date(date) else {
                    continue;
                };
                // A sentence may hold several dates ("set 17 on 14 December 2022 and added
                // Partai Ummat on 30 December 2022"): any nearby date that agrees is the one
                // about this fact; only when none does is the nearest one a contradiction.
                let near_dates: Vec<(usize, usize, PartialDate)> = s
                    .values
                    .dates
                    .iter()
                    .enumerate()
                    .filter_map(|(i, d)| match d.value.value {
                        DateValue::Single(p) => Some((
                            dist(d.tok_start).min(dist(d.tok_end.saturating_sub(1))),
                            i,
                            p,
                        )),
                        DateValue::Range(..) => None,
                    })
                    .filter(|&(d, _, _)| d <= 12)
                    .collect();
                let agreeing: Vec<&(usize, usize, PartialDate)> = near_dates
                    .iter()
                    .filter(|(_, _, p)| date_agrees(*p, official))
                    .collect();
                let chosen: Vec<(usize, bool)> = if agreeing.is_empty() {
                    near_dates
                        .iter()
                        .min_by_key(|&&(d, i, _)| (d, i))
                        .map(|&(_, i, _)| (i, false))
                        .into_iter()
                        .collect()
                } else {
                    agreeing.iter().map(|&&(_, i, _)| (i, true)).collect()
                };
                for (i, agrees) in chosen {
                    let d = &s.values.dates[i];
                    out.push(finding(
                        fi,
                        ValueRef::Date(i),
                        agrees,
                        specificity,
                        d.tok_start,
                        d.tok_end,
                    ));
                }
            }
            Value::DateRange { start, end } => {
                let (Some(os), Some(oe)) = (parse_date(start), parse_date(end)) else {
                    continue;
                };
                for (i, d) in s.values.dates.iter().enumerate() {
                    if dist(d.tok_start).min(dist(d.tok_end.saturating_sub(1))) > 15 {
                        continue;
                    }
                    let agrees = match d.value.value {
                        DateValue::Range(a, b) => date_agrees(a, os) && date_agrees(b, oe),
                        DateValue::Single(p) => {
                            let lo = d.tok_start.saturating_sub(3);
                            let cue = |list: &[&str]| {
                                s.words.tokens[lo..d.tok_start]
                                    .iter()
                                    .any(|t| list.contains(&t.key.as_str()))
                            };
                            if cue(END_CUES) {
                                date_agrees(p, oe)
                            } else if cue(START_CUES) {
                                date_agrees(p, os)
                            } else {
                                continue;
                            }
                        }
                    };
                    out.push(finding(
                        fi,
                        ValueRef::Date(i),
                        agrees,
                        specificity,
                        d.tok_start,
                        d.tok_end,
                    ));
                }
            }
            Value::Count { value } => {
                for (i, n) in s.values.numbers.iter().enumerate() {
                    if n.value.percent || n.value.currency {
                        continue;
                    }
                    let (a, b) = (n.tok_start, n.tok_end);
                    if !unit_ok(a, b) {
                        continue;
                    }
                    if !rule.near.is_empty() && !qualifies(&rule.near, i, a, b) {
                        continue;
                    }
                    if qualifies(&rule.not_near, i, a, b) || !entity_ok(a) {
                        continue;
                    }
                    out.push(finding(
                        fi,
                        ValueRef::Number(i),
                        count_agrees(*value as f64, &n.value),
                        specificity,
                        a,
                        b,
                    ));
                }
            }
            Value::Share {
                numerator,
                denominator,
                decimals,
            } => {
                let exact = *numerator as f64 * 100.0 / (*denominator).max(1) as f64;
                let published = round_half_up(exact, *decimals);
                for (i, n) in s.values.numbers.iter().enumerate() {
                    if !n.value.percent {
                        continue;
                    }
                    let (a, b) = (n.tok_start, n.tok_end);
                    if !rule.near.is_empty() && !qualifies(&rule.near, i, a, b) {
                        continue;
                    }
                    if qualifies(&rule.not_near, i, a, b) || !entity_ok(a) {
                        continue;
                    }
                    let agrees = share_agrees(exact, published, &n.value);
                    out.push(finding(fi, ValueRef::Number(i), agrees, specificity, a, b));
                }
            }
            Value::Ballot { number } => {
                for (i, bm) in s.values.ballots.iter().enumerate() {
                    let Some(id) = &fact.entity else { continue };
                    let m = associated(s.entities, bm.tok);
                    if !m.is_some_and(|m| s.entity_index.belongs(m.entity, id)) {
                        continue;
                    }
                    out.push(finding(
                        fi,
                        ValueRef::Ballot(i),
                        bm.number == *number,
                        specificity,
                        bm.tok_start,
                        bm.tok + 1,
                    ));
                }
            }
            Value::Name { .. } => {}
        }
    }
    out.extend(compare_names(idx, facts, s));
    out
}

fn finding(
    fact: u32,
    value: ValueRef,
    agrees: bool,
    specificity: u8,
    tok_start: usize,
    tok_end: usize,
) -> Finding {
    Finding {
        fact,
        value,
        agrees,
        specificity,
        tok_start,
        tok_end,
    }
}

/// Institution names: the long form next to an abbreviation must be the official one; a known
/// wrong long form is wrong wherever it appears.
fn compare_names(idx: &FactIndex, facts: &[Fact], s: &Sentence<'_>) -> Vec<Finding> {
    let mut out = Vec::new();
    let squash = |t: &str| {
        fold(t)
            .chars()
            .filter(|c| c.is_alphanumeric())
            .collect::<String>()
    };
    for e in s.expansions {
        let Some(fis) = idx.abbreviations.get(&e.abbr) else {
            continue;
        };
        for &fi in fis {
            let Value::Name {
                official,
                accepted,
                wrong,
                ..
            } = &facts[fi as usize].value
            else {
                continue;
            };
            let rights: Vec<String> = std::iter::once(official)
                .chain(accepted)
                .map(|n| squash(n))
                .collect();
            let wrongs: Vec<String> = wrong.iter().map(|n| squash(n)).collect();
            let firsts: Vec<String> = std::iter::once(official)
                .chain(accepted)
                .chain(wrong)
                .filter_map(|n| tokenize(&fold(n), 0).into_iter().next().map(|t| t.key))
                .collect();
            // The long form starts at the last word that can start a name ("komisi").
            let toks = &s.words.tokens[e.tok_start..e.tok_end];
            let Some(k) = toks.iter().rposition(|t| firsts.contains(&t.key)) else {
                continue;
            };
            let written: String = toks[k..].iter().map(|t| t.key.as_str()).collect();
            let agrees = rights.contains(&written);
            // A long form we do not know as wrong, starting like the official one, is still a
            // different name: report it, but say so with less confidence (lower specificity).
            let specificity = if agrees || wrongs.contains(&written) {
                8
            } else {
                6
            };
            out.push(finding(
                fi,
                ValueRef::Name(e.tok_start + k),
                agrees,
                specificity,
                e.tok_start + k,
                e.tok_end,
            ));
        }
    }
    for h in idx.wrong_names.find(s.words) {
        if out
            .iter()
            .any(|f| matches!(f.value, ValueRef::Name(t) if t == h.start))
        {
            continue;
        }
        out.push(finding(
            h.value,
            ValueRef::Name(h.start),
            false,
            8,
            h.start,
            h.end,
        ));
    }
    out
}

/// Every part the claim states equals the official date.
pub fn date_agrees(p: PartialDate, (y, m, d): (i32, u8, u8)) -> bool {
    p.year.is_none_or(|py| py == y)
        && p.month.is_none_or(|pm| pm == m)
        && p.day.is_none_or(|pd| pd == d)
}

/// Does the official count agree with the written figure at the precision it was written?
/// "204,8 juta" agrees with 204,807,222; so does "205 juta" (rounded) and "204 juta"
/// (truncated, as Indonesian news often writes), "lebih dari 200 juta" and "sekitar 200 juta".
pub fn count_agrees(official: f64, n: &NumberMatch) -> bool {
    let r = if n.resolution > 0.0 {
        n.resolution
    } else {
        1.0
    };
    match (n.bound, n.end_value) {
        (_, Some(hi)) => official >= n.value - r / 2.0 && official <= hi + r / 2.0,
        (Bound::AtLeast, None) => official >= n.value,
        (Bound::AtMost, None) => official <= n.value,
        (Bound::About, None) => (official - n.value).abs() <= (0.05 * official).max(r),
        (Bound::Exact, None) => {
            let o = official / r;
            let v = (n.value / r).round();
            // Rounded or truncated at the written precision, and not far off in relative
            // terms: "1 juta TPS" for 823,220 rounds, but it is not the official figure.
            let close = (official - n.value).abs() <= 0.05 * official.abs().max(1.0);
            close && ((o - v).abs() <= 0.5 + 1e-9 || (o + 1e-9).floor() == v)
        }
    }
}

/// Does a written percentage agree with the exact share at the precision it was written?
/// "58,59 %" agrees with 58.5868…; "58,6" and "59" (rounded) and "58" (truncated) too;
/// "58,90" does not.
pub fn share_agrees(exact: f64, published: f64, n: &NumberMatch) -> bool {
    let r = if n.resolution > 0.0 {
        n.resolution
    } else {
        1.0
    };
    if (published - n.value).abs() < 1e-9 {
        return true;
    }
    match (n.bound, n.end_value) {
        (_, Some(hi)) => exact >= n.value && exact <= hi,
        (Bound::AtLeast, None) => exact >= n.value,
        (Bound::AtMost, None) => exact <= n.value,
        (Bound::About, None) => (exact - n.value).abs() <= 1.0f64.max(r),
        (Bound::Exact, None) => {
            (exact - n.value).abs() <= r / 2.0 + 1e-9
                || ((exact / r) + 1e-9).floor() * r - n.value < 1e-9 && n.value <= exact
        }
    }
}

/// Rounds half away from zero at `decimals`, as the KPU publishes shares.
pub fn round_half_up(x: f64, decimals: u8) -> f64 {
    let f = 10f64.powi(decimals as i32);
    ((x * f) + 0.5 + 1e-9).floor() / f
}

#[cfg(test)]
mod tests {
    use super::*;

    fn num(value: f64, resolution: f64, bound: Bound) -> NumberMatch {
        NumberMatch {
            start: 0,
            end: 0,
            value,
            end_value: None,
            resolution,
            percent: false,
            bound,
            currency: false,
            year_like: false,
            leading_zero: false,
        }
    }

    #[test]
    fn counts_agree_at_written_precision() {
        let dpt = 204_807_222.0;
        assert!(count_agrees(dpt, &num(204_807_222.0, 1.0, Bound::Exact)));
        assert!(count_agrees(
            dpt,
            &num(204_800_000.0, 100_000.0, Bound::Exact)
        ));
        assert!(count_agrees(
            dpt,
            &num(205_000_000.0, 1_000_000.0, Bound::Exact)
        ));
        assert!(count_agrees(
            dpt,
            &num(204_000_000.0, 1_000_000.0, Bound::Exact)
        ));
        assert!(count_agrees(
            dpt,
            &num(200_000_000.0, 1_000_000.0, Bound::AtLeast)
        ));
        assert!(!count_agrees(
            dpt,
            &num(210_000_000.0, 1_000_000.0, Bound::AtLeast)
        ));
        assert!(!count_agrees(
            1_750_474.0,
            &num(1_760_474.0, 1.0, Bound::Exact)
        ));
        assert!(!count_agrees(580.0, &num(575.0, 1.0, Bound::Exact)));
        assert!(!count_agrees(
            823_220.0,
            &num(1_000_000.0, 1_000_000.0, Bound::Exact)
        ));
    }

    #[test]
    fn shares_agree_at_written_precision() {
        let exact = 96_214_691.0 * 100.0 / 164_227_475.0;
        let published = round_half_up(exact, 2);
        assert!((published - 58.59).abs() < 1e-9);
        assert!(share_agrees(
            exact,
            published,
            &num(58.59, 0.01, Bound::Exact)
        ));
        assert!(share_agrees(
            exact,
            published,
            &num(58.6, 0.1, Bound::Exact)
        ));
        assert!(share_agrees(
            exact,
            published,
            &num(59.0, 1.0, Bound::Exact)
        ));
        assert!(share_agrees(
            exact,
            published,
            &num(58.0, 1.0, Bound::Exact)
        ));
        assert!(!share_agrees(
            exact,
            published,
            &num(58.90, 0.01, Bound::Exact)
        ));
        assert!(!share_agrees(
            exact,
            published,
            &num(58.83, 0.01, Bound::Exact)
        ));
    }

    #[test]
    fn partial_dates() {
        let p = PartialDate {
            year: Some(2023),
            month: Some(11),
            day: None,
        };
        assert!(date_agrees(p, (2023, 11, 28)));
        assert!(!date_agrees(p, (2023, 12, 28)));
    }
}
