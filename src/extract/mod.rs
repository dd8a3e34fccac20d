//! The checkable values of a sentence: dates, figures, ballot numbers, names.
//!
//! Extractors read the folded sentence; this module ties what they find to token positions
//! (facts compare values with the words around them) and drops figures that are not claims:
//! years ("Pemilu 2024"), parts of dates, ballot numbers, and the numbers of laws and
//! decisions ("Keputusan KPU Nomor 360", "UU 7/2017").

pub mod ballot;
pub mod date;
pub mod names;
pub mod number;

use ballot::BallotMention;
use date::DateMatch;
use number::{NumberMatch, NumberStyle};

use crate::text::phrases::Words;

/// A value with the token range it occupies.
#[derive(Debug, Clone, PartialEq)]
pub struct Located<T> {
    pub value: T,
    pub tok_start: usize,
    pub tok_end: usize,
}

/// Everything checkable in one sentence. Offsets in the matches are relative to the folded
/// document (the sentence's base already added).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Values {
    pub dates: Vec<Located<DateMatch>>,
    pub numbers: Vec<Located<NumberMatch>>,
    pub ballots: Vec<BallotMention>,
}

impl Values {
    /// How many values a claim states (each must agree with a fact for `verified`).
    pub fn count(&self) -> usize {
        self.dates.len() + self.numbers.len() + self.ballots.len()
    }
}

/// Written with thousands grouped ("820.161", "1,050,000"): a quantity, never a reference
/// number — "TPS: 820.161" counts polling stations, "TPS 12" names one.
fn grouped(figure: &str) -> bool {
    let digits: Vec<&str> = figure
        .split(['.', ','])
        .map(|g| g.trim_matches(|c: char| !c.is_ascii_digit()))
        .collect();
    digits.len() >= 2
        && (1..=3).contains(&digits[0].len())
        && digits[0].bytes().all(|b| b.is_ascii_digit())
        && digits[1..]
            .iter()
            .all(|g| g.len() == 3 && g.bytes().all(|b| b.is_ascii_digit()))
}

/// Words after which a figure is a reference number, not a quantity.
const REFERENCE_WORDS: &[&str] = &[
    "nomor",
    "nomer",
    "no",
    "nmr",
    "uu",
    "undang",
    "pkpu",
    "keputusan",
    "kepkpu",
    "perpres",
    "keppres",
    "pasal",
    "ayat",
    "tahun",
    "thn",
    "perppu",
    "perbawaslu",
    "putusan",
    "sk",
    "perkara",
    "ke",
    "pukul",
    "jam",
    "hal",
    "halaman",
    "rt",
    "rw",
    "tps",
    "dapil",
    "pemilu",
    "pilpres",
    "pileg",
    "pilkada",
    "periode",
    "article",
    "law",
    "decision",
    "regulation",
    "no.",
    "number",
];

/// Extracts the values of the sentence `text[base..base + len]` whose tokens are `w`.
pub fn extract(text: &str, base: usize, end: usize, w: &Words, style: NumberStyle) -> Values {
    let sentence = &text[base..end];
    let tok_at = |byte: usize| -> usize {
        // First token ending after `byte`.
        w.tokens.partition_point(|t| t.end <= byte)
    };
    let span = |s: usize, e: usize| -> (usize, usize) {
        let a = tok_at(s);
        let b = w.tokens.partition_point(|t| t.start < e).max(a);
        (a, b)
    };

    let ballots = ballot::ballots(text, w);
    let dates: Vec<Located<DateMatch>> = date::extract_dates(sentence)
        .into_iter()
        .map(|mut d| {
            d.start += base;
            d.end += base;
            let (a, b) = span(d.start, d.end);
            Located {
                value: d,
                tok_start: a,
                tok_end: b,
            }
        })
        .collect();
    let numbers = number::extract_numbers(sentence, style)
        .into_iter()
        .filter_map(|mut n| {
            n.start += base;
            n.end += base;
            if n.year_like {
                return None;
            }
            if dates
                .iter()
                .any(|d| n.start < d.value.end && d.value.start < n.end)
            {
                return None;
            }
            let (a, b) = span(n.start, n.end);
            if ballots.iter().any(|bm| bm.tok >= a && bm.tok < b) {
                return None;
            }
            // The first token holding digits; the word before it decides "reference".
            let first_digit = (a..b).find(|&k| w.tokens[k].numeric).unwrap_or(a);
            if first_digit > 0
                && REFERENCE_WORDS.contains(&w.tokens[first_digit - 1].key.as_str())
                && n.bound == number::Bound::Exact
                && !n.percent
                && !grouped(&text[n.start..n.end])
            {
                return None;
            }
            Some(Located {
                value: n,
                tok_start: a,
                tok_end: b,
            })
        })
        .collect();
    Values {
        dates,
        numbers,
        ballots,
    }
}

#[cfg(test)]
mod tests {
    use super::grouped;

    #[test]
    fn figures_with_grouped_thousands_are_quantities() {
        for g in ["820.161", "1,050,000", "204.807.222", "Rp1.000"] {
            assert!(grouped(g), "{g}");
        }
        for g in ["12", "2024", "7/2017", "3,5", "1.05", "12.3456", "90"] {
            assert!(!grouped(g), "{g}");
        }
    }
}
