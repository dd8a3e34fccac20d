//! Words of a folded sentence, each with a lookup key that sees through leetspeak and
//! spaced-out letters.
//!
//! Tokens keep their byte span in the folded text; the key is what lexicons, fact triggers
//! and the hoax index compare. Hyphens split words (`Prabowo-Gibran`, `JMSI-KPU`) because the
//! parts are what carry meaning.

/// One word of folded text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Token {
    /// Byte span in the folded text.
    pub start: usize,
    pub end: usize,
    /// Leetspeak-folded form (`kecur4ng4n` → `kecurangan`); digits-only words stay digits.
    pub key: String,
    /// Every character is an ASCII digit.
    pub numeric: bool,
}

impl Token {
    fn new(start: usize, end: usize, key: String) -> Self {
        let numeric = !key.is_empty() && key.bytes().all(|b| b.is_ascii_digit());
        Token {
            start,
            end,
            key,
            numeric,
        }
    }
}

/// Splits folded text into word tokens. `base` is added to every offset (the text is usually
/// one sentence cut out of a longer folded document).
pub fn tokenize(text: &str, base: usize) -> Vec<Token> {
    let mut raw: Vec<(usize, usize)> = Vec::new();
    let bytes = text.as_bytes();
    let mut chars = text.char_indices().peekable();
    let mut cur: Option<usize> = None;
    let mut prev_word_char = false;
    while let Some((i, c)) = chars.next() {
        let next_is_word = chars.peek().is_some_and(|&(_, n)| n.is_alphanumeric());
        let inner = matches!(c, '@' | '$' | '\'' | '’') && prev_word_char && next_is_word;
        if c.is_alphanumeric() || inner {
            if cur.is_none() {
                cur = Some(i);
            }
            prev_word_char = true;
        } else {
            if let Some(s) = cur.take() {
                raw.push((s, i));
            }
            prev_word_char = false;
        }
    }
    if let Some(s) = cur {
        raw.push((s, bytes.len()));
    }

    let mut out: Vec<Token> = Vec::with_capacity(raw.len());
    let mut leety = 0usize;
    let mut i = 0;
    while i < raw.len() {
        // Spaced-out letters: three or more single letters separated by at most two of
        // ` .-_*` ("K P U", "H.O.A.X") are one word.
        let mut j = i;
        while j < raw.len() && is_single_letter(&text[raw[j].0..raw[j].1]) {
            if j > i && !is_spacing_gap(&text[raw[j - 1].1..raw[j].0]) {
                break;
            }
            j += 1;
        }
        if j - i >= 3 {
            let key: String = raw[i..j].iter().map(|&(s, e)| &text[s..e]).collect();
            out.push(Token::new(
                base + raw[i].0,
                base + raw[j - 1].1,
                deleet(&key),
            ));
            i = j;
            continue;
        }
        let (s, e) = raw[i];
        let (key, leet_inside) = deleet_in(&text[s..e], false);
        leety += usize::from(leet_inside);
        out.push(Token::new(base + s, base + e, key));
        i += 1;
    }
    // A sentence with two or more words in leetspeak is obfuscated as a whole: there, the
    // digits at the ends of its other words are letters too (`4N135`, `D474`, `4ku1`).
    if leety >= 2 {
        for t in &mut out {
            let word = &text[t.start - base..t.end - base];
            if word.chars().any(is_leet) {
                *t = Token::new(t.start, t.end, deleet_in(word, true).0);
            }
        }
    }
    out
}

fn is_single_letter(w: &str) -> bool {
    let mut cs = w.chars();
    matches!((cs.next(), cs.next()), (Some(c), None) if c.is_alphabetic())
}

fn is_spacing_gap(gap: &str) -> bool {
    !gap.is_empty()
        && gap.len() <= 2
        && gap
            .bytes()
            .all(|b| matches!(b, b' ' | b'.' | b'-' | b'_' | b'*'))
}

/// Folds digits and symbols used as letters inside a word: `kecur4ng4n` → `kecurangan`,
/// `v1tal` → `vital`, `b@waslu` → `bawaslu`, `4nies` → `anies`, `r4h451a` → `rahasia`. Words
/// that are a name plus a trailing number (`pemilu2024`, `covid19`) and plain numbers are left
/// alone.
pub fn deleet(word: &str) -> String {
    deleet_in(word, false).0
}

fn is_leet(c: char) -> bool {
    c.is_ascii_digit() || c == '@' || c == '$'
}

/// The digits that stand for vowels and common letters (o, i, e, a, s, t): only these are
/// read as letters at the ends of a word, where `2`, `6`, `8`, `9` are far more often a number
/// (`pemilu2024`, `covid19`).
fn is_common_leet(c: char) -> bool {
    matches!(c, '0' | '1' | '3' | '4' | '5' | '7' | '@' | '$')
}

/// [`deleet`], and whether the word holds leetspeak between two letters.
///
/// The unit is a run of digits (and `@`, `$`): a run between two letters is always leetspeak
/// (`g4w45lu`, several digits in a row included). A run at the start or the end of a word
/// reads as a number (`17agustus`, `covid19`) unless the word is leetspeak inside — then a
/// run of common letter digits at either end is too (`73rb17k4n`, `n3g4r4`, `k37u4`) — or the
/// sentence is (`obfuscated`: two or more of its words are), where `4N135`, `D474` and `4ku1`
/// are words as well. A lone word whose only digits sit at its end (`buk71`) stays as written:
/// it cannot be told from `covid19`.
fn deleet_in(word: &str, obfuscated: bool) -> (String, bool) {
    if !word.chars().any(is_leet) {
        return (word.to_string(), false);
    }
    let cs: Vec<char> = word.chars().collect();
    let letters = cs.iter().filter(|c| c.is_alphabetic()).count();
    if letters < if obfuscated { 1 } else { 2 } {
        return (word.to_string(), false);
    }
    // Maximal runs of leet characters, as (start, end) char indices.
    let mut runs: Vec<(usize, usize)> = Vec::new();
    let mut k = 0;
    while k < cs.len() {
        if is_leet(cs[k]) {
            let s = k;
            while k < cs.len() && is_leet(cs[k]) {
                k += 1;
            }
            runs.push((s, k));
        } else {
            k += 1;
        }
    }
    let alpha_at = |i: usize| cs.get(i).is_some_and(|c| c.is_alphabetic());
    let inner = |&(s, e): &(usize, usize)| s > 0 && alpha_at(s - 1) && alpha_at(e);
    let leety = runs.iter().any(inner);
    let mut out = cs.clone();
    for run @ &(s, e) in &runs {
        let len = e - s;
        let common = len <= 4 && cs[s..e].iter().all(|&c| is_common_leet(c));
        let at_start = s == 0 && alpha_at(e);
        let at_end = e == cs.len() && s > 0 && alpha_at(s - 1);
        let fold = if inner(run) {
            true
        } else if at_start || at_end {
            // `4nies`: one leading character before three letters.
            (at_start && len == 1 && letters >= 3) || ((leety || obfuscated) && common)
        } else {
            false
        };
        if fold {
            for c in &mut out[s..e] {
                *c = leet(*c);
            }
        }
    }
    (out.into_iter().collect(), leety)
}

fn leet(c: char) -> char {
    match c {
        '0' => 'o',
        '1' => 'i',
        '2' => 'z',
        '3' => 'e',
        '4' | '@' => 'a',
        '5' | '$' => 's',
        '6' => 'g',
        '7' => 't',
        '8' => 'b',
        '9' => 'g',
        _ => c,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::normalize::fold;

    fn keys(s: &str) -> Vec<String> {
        tokenize(&fold(s), 0).into_iter().map(|t| t.key).collect()
    }

    #[test]
    fn splits_words_and_hyphens() {
        assert_eq!(
            keys("Prabowo-Gibran menang!"),
            ["prabowo", "gibran", "menang"]
        );
        assert_eq!(keys("Jum'at, 58,59%"), ["jum'at", "58", "59"]);
    }

    #[test]
    fn folds_leetspeak_inside_words() {
        assert_eq!(
            keys("KECUR4NG4N BVKTI V1TAL"),
            ["kecurangan", "bvkti", "vital"]
        );
        assert_eq!(keys("T£RB0NGK∆R"), ["terbongkar"]);
        assert_eq!(keys("B@waslu 4nies"), ["bawaslu", "anies"]);
        // runs of digits, and the ends of a word that is leetspeak inside
        assert_eq!(
            keys("R4h451a Gug474n 73rb17k4n N3g4r4 K37U4"),
            ["rahasia", "gugatan", "terbitkan", "negara", "ketua"]
        );
        // numbers at the ends of plain words stay numbers
        assert_eq!(
            keys("17agustus 50miliar buk71 mp3 4g pemilu2024"),
            ["17agustus", "50miliar", "buk71", "mp3", "4g", "pemilu2024"]
        );
        // …unless the sentence is written in leetspeak
        assert_eq!(
            keys("B1K1N 4N135 G4G4L, D474 4ku1 pemilu2024"),
            ["bikin", "anies", "gagal", "data", "akui", "pemilu2024"]
        );
        assert_eq!(keys("#2019GantiPresiden"), ["2019gantipresiden"]);
        assert_eq!(
            keys("pemilu2024 covid19 2024 02"),
            ["pemilu2024", "covid19", "2024", "02"]
        );
    }

    #[test]
    fn joins_spaced_letters() {
        assert_eq!(keys("K P U curang"), ["kpu", "curang"]);
        assert_eq!(keys("H.O.A.X"), ["hoax"]);
        assert_eq!(keys("D. Zamrom"), ["d", "zamrom"]);
        assert_eq!(keys("s.d. 10"), ["s", "d", "10"]);
    }

    #[test]
    fn spans_point_into_folded_text() {
        let t = fold("Ini  K P U.");
        let toks = tokenize(&t, 0);
        assert_eq!(&t[toks[1].start..toks[1].end], "k p u");
    }
}
