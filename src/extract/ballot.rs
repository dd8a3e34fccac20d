//! Ballot numbers: `nomor urut 2`, `paslon 02`, `capres nomor 1`, `Partai Ummat nomor 24`,
//! `ballot number 2`.
//!
//! A bare number is never a ballot number: the word before it must say so, because "2" in
//! "2 provinsi" or "nomor 21/2022" (a decision's number) is something else.

use crate::text::phrases::Words;

/// A ballot number and the token that holds it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct BallotMention {
    pub number: u32,
    /// Token index of the number.
    pub tok: usize,
    /// Token index where the phrase starts ("nomor urut 2" starts at "nomor").
    pub tok_start: usize,
}

const DIRECT: &[&str] = &[
    "urut", "paslon", "capres", "cawapres", "pasangan", "kandidat",
];
const NUMBER_WORDS: &[&str] = &["nomor", "nomer", "no", "number", "nr", "nmr"];
const OWNERS: &[&str] = &[
    "paslon",
    "pasangan",
    "capres",
    "cawapres",
    "calon",
    "partai",
    "parpol",
    "urut",
    "ballot",
    "pair",
    "candidate",
    "candidates",
    "party",
    "kandidat",
];

/// Ballot numbers in a sentence. `text` is the folded text the tokens point into.
pub fn ballots(text: &str, w: &Words) -> Vec<BallotMention> {
    let mut out = Vec::new();
    for (i, t) in w.tokens.iter().enumerate() {
        if !t.numeric || t.key.len() > 2 || i == 0 {
            continue;
        }
        // "nomor 21/2022", "No. 3.5": a reference or a figure, not a ballot number.
        let after = &text[t.end.min(text.len())..];
        if after.starts_with('/')
            || (after.starts_with(['.', ','])
                && after[1..].starts_with(|c: char| c.is_ascii_digit()))
        {
            continue;
        }
        let Ok(number) = t.key.parse::<u32>() else {
            continue;
        };
        let prev = w.tokens[i - 1].key.as_str();
        let start = if DIRECT.contains(&prev) {
            let mut s = i - 1;
            if s > 0 && NUMBER_WORDS.contains(&w.tokens[s - 1].key.as_str()) {
                s -= 1;
            }
            Some(s)
        } else if NUMBER_WORDS.contains(&prev) {
            let lo = i.saturating_sub(4);
            (lo..i - 1)
                .rev()
                .find(|&k| OWNERS.contains(&w.tokens[k].key.as_str()))
                .map(|_| i - 1)
        } else {
            None
        };
        if let Some(tok_start) = start {
            out.push(BallotMention {
                number,
                tok: i,
                tok_start,
            });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::normalize::fold;
    use crate::text::tokens::tokenize;

    fn nums(s: &str) -> Vec<u32> {
        let t = fold(s);
        ballots(&t, &Words::new(tokenize(&t, 0)))
            .into_iter()
            .map(|b| b.number)
            .collect()
    }

    #[test]
    fn finds_ballot_numbers() {
        assert_eq!(nums("pasangan nomor urut 2 Prabowo-Gibran"), [2]);
        assert_eq!(nums("Paslon 02 unggul"), [2]);
        assert_eq!(nums("capres nomor 1 Anies"), [1]);
        assert_eq!(nums("Partai Ummat mendapat nomor 24"), [24]);
        assert_eq!(nums("the candidate pair with ballot number 3"), [3]);
    }

    #[test]
    fn ignores_other_numbers() {
        assert!(nums("menang di 2 provinsi").is_empty());
        assert!(nums("Keputusan KPU nomor 21/2022").is_empty());
        assert!(nums("Pemilu 2024 nomor satu").is_empty());
    }
}
