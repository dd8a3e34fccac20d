//! Content terms: the words that say what a sentence claims, in a form that survives the
//! rewording spreaders use.
//!
//! Function words and the noise that spreaders add ("VIRAL!!", "BREAKING", "sebarkan!") are
//! dropped; `v` stands for `u` as in `BVKTI`; letters stretched for emphasis (`curaaang`) are
//! squeezed; words are reduced to one stable stem. The same function runs when the bundle is
//! compiled and when a page is checked, so both sides agree by construction.

use std::borrow::Cow;
use std::sync::OnceLock;

use super::fasthash::{FastSet, word_set};
use super::phrases::Words;
use super::stem;
use super::tokens::Token;

const STOP: &[&str] = &[
    // Indonesian function words
    "yang",
    "dan",
    "di",
    "ke",
    "dari",
    "ini",
    "itu",
    "dengan",
    "untuk",
    "pada",
    "dalam",
    "akan",
    "ada",
    "adalah",
    "oleh",
    "atau",
    "juga",
    "karena",
    "sudah",
    "telah",
    "bisa",
    "dapat",
    "agar",
    "bahwa",
    "saat",
    "para",
    "sebagai",
    "tersebut",
    "kita",
    "kami",
    "kamu",
    "anda",
    "saya",
    "ia",
    "dia",
    "mereka",
    "nya",
    "lah",
    "pun",
    "jadi",
    "maka",
    "lalu",
    "kalau",
    "jika",
    "namun",
    "tapi",
    "tetapi",
    "masih",
    "hanya",
    "lebih",
    "sangat",
    "sih",
    "dong",
    "kok",
    "ya",
    "yg",
    "dgn",
    "utk",
    "krn",
    "tdk",
    "sdh",
    "org",
    "aja",
    "saja",
    "begitu",
    "sebuah",
    "seorang",
    "secara",
    "hingga",
    "sampai",
    "antara",
    "setelah",
    "sebelum",
    "sejak",
    "tanpa",
    "atas",
    "bagi",
    "seperti",
    "the",
    "a",
    "an",
    "of",
    "to",
    "in",
    "is",
    "are",
    "was",
    "were",
    "and",
    "or",
    "for",
    "on",
    "with",
    "as",
    "by",
    "from",
    "it",
    "be",
    "this",
    "that",
    "has",
    "have",
    // spreaders' noise
    "viral",
    "breaking",
    "news",
    "heboh",
    "waspada",
    "beredar",
    "video",
    "foto",
    "sebarkan",
    "share",
    "info",
    "berita",
    "terbaru",
    "terkini",
    "lihat",
    "simak",
    "wow",
    "astaga",
    "gempar",
    "geger",
    "mengejutkan",
    "penting",
    "urgent",
    "segera",
    "tolong",
    "fyp",
    "foryou",
    "foryoupage",
];

/// Content terms of a sentence, in order, without repeats.
pub fn content_terms(tokens: &[Token]) -> Vec<String> {
    terms_with(tokens, |_, w| stem::stem(w))
}

/// [`content_terms`] of words whose candidates are already known.
pub fn content_terms_of(w: &Words) -> Vec<String> {
    terms_with(&w.tokens, |i, word| {
        if word == w.tokens[i].key {
            stem::stem_of(word, &w.cands[i])
        } else {
            stem::stem(word)
        }
    })
}

/// [`STOP`] as a set: every word of every sentence is looked up.
fn stop_words() -> &'static FastSet<&'static str> {
    static SET: OnceLock<FastSet<&'static str>> = OnceLock::new();
    SET.get_or_init(|| word_set(STOP))
}

fn terms_with(tokens: &[Token], stem_fn: impl Fn(usize, &str) -> String) -> Vec<String> {
    let stop = stop_words();
    let mut out: Vec<String> = Vec::new();
    for (i, t) in tokens.iter().enumerate() {
        if t.key.chars().count() < 2 {
            continue;
        }
        let squeezed = squeeze(&t.key);
        if stop.contains(&*squeezed) || stop.contains(t.key.as_str()) {
            continue;
        }
        let term = if t.numeric {
            squeezed.into_owned()
        } else {
            let stem = stem_fn(i, &squeezed);
            if stem.contains('v') {
                stem.replace('v', "u")
            } else {
                stem
            }
        };
        if !out.contains(&term) {
            out.push(term);
        }
    }
    out
}

/// Letters repeated three times or more become one ("curaaang" → "curang"); doubled letters
/// stay, since Indonesian has them ("saat", "taat"). Most words have no such run and are
/// returned as they are.
fn squeeze(word: &str) -> Cow<'_, str> {
    // Without a run of three of one char (digits aside), nothing would be dropped.
    let (mut prev, mut run) = ('\0', 0);
    let has_run = word.chars().any(|c| {
        run = if c == prev { run + 1 } else { 1 };
        prev = c;
        run >= 3 && !c.is_ascii_digit()
    });
    if has_run {
        Cow::Owned(squeeze_runs(word))
    } else {
        Cow::Borrowed(word)
    }
}

fn squeeze_runs(word: &str) -> String {
    let mut out = String::with_capacity(word.len());
    let mut run_char = '\0';
    let mut run = 0;
    for c in word.chars() {
        if c == run_char {
            run += 1;
        } else {
            run_char = c;
            run = 1;
        }
        if run <= 2 || c.is_ascii_digit() {
            out.push(c);
        }
    }
    // A run of three or more left two copies; keep one.
    if out.len() != word.len() {
        let mut dedup = String::with_capacity(out.len());
        let mut prev = '\0';
        for c in out.chars() {
            if !(c == prev && c.is_alphabetic()) {
                dedup.push(c);
            }
            prev = c;
        }
        return dedup;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::normalize::fold;
    use crate::text::tokens::tokenize;

    fn terms(s: &str) -> Vec<String> {
        content_terms(&tokenize(&fold(s), 0))
    }

    #[test]
    fn obfuscated_and_plain_agree() {
        assert_eq!(
            terms("VIRAL!! BVKTI KECUR4NG4N KPU"),
            terms("bukti kecurangan kpu")
        );
        assert_eq!(terms("Kecuraaangan KPU"), terms("kecurangan KPU"));
        assert_eq!(terms("К Р U curang"), terms("kpu curang"));
    }

    #[test]
    fn drops_function_words() {
        assert_eq!(terms("KPU dan Bawaslu di TPS"), ["kpu", "bawaslu", "tps"]);
    }
}
