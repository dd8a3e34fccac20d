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
        out.push(Token::new(base + s, base + e, deleet(&text[s..e])));
        i += 1;
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
/// `v1tal` → `vital`, `b@waslu` → `bawaslu`, `4nies` → `anies`. Words that are a name plus a
/// trailing number (`pemilu2024`, `covid19`) and plain numbers are left alone.
pub fn deleet(word: &str) -> String {
    let has_digit = word
        .bytes()
        .any(|b| b.is_ascii_digit() || b == b'@' || b == b'$');
    if !has_digit {
        return word.to_string();
    }
    let cs: Vec<char> = word.chars().collect();
    let letters = cs.iter().filter(|c| c.is_alphabetic()).count();
    if letters < 2 {
        return word.to_string();
    }
    // Trailing digits after letters form a suffix number, not leetspeak.
    let mut cut = cs.len();
    while cut > 0 && cs[cut - 1].is_ascii_digit() {
        cut -= 1;
    }
    let mut out = String::with_capacity(word.len());
    for (k, &c) in cs.iter().enumerate() {
        let folded = if k < cut {
            let before = k > 0 && cs[k - 1].is_alphabetic();
            let after = cs[k + 1..cut].iter().find(|c| !c.is_ascii_digit());
            let after_letter = after.is_some_and(|c| c.is_alphabetic());
            let leading = k == 0 && cs.get(1).is_some_and(|c| c.is_alphabetic()) && letters >= 3;
            if (before && after_letter) || leading {
                leet(c)
            } else {
                c
            }
        } else {
            c
        };
        out.push(folded);
    }
    out
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
