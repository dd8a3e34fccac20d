//! Light Indonesian affix stripping.
//!
//! Election words come in many derived forms: `kampanye`, `berkampanye`, `dikampanyekan`;
//! `curang`, `kecurangan`, `dicurangi`; `pilih`, `memilih`, `pemilihan`. A full stemmer needs a
//! root dictionary to undo the nasal assimilation of `meN-`/`peN-` (`memilih` ← `pilih`,
//! `menetapkan` ← `tetap`). We do not ship one; instead [`candidates`] returns every root the
//! word could have, and a lexicon lookup tries each. Roots that do not exist are harmless:
//! nothing matches them.

use std::borrow::Cow;

/// Every form of `word` with its affixes stripped, `word` itself first. At most a few dozen,
/// all at least three bytes long. Non-alphabetic words give only themselves.
pub fn candidates(word: &str) -> Vec<String> {
    let mut out = vec![word.to_string()];
    if word.len() < 5 || !word.bytes().all(|b| b.is_ascii_lowercase()) {
        return out;
    }
    for s in suffix_forms(word) {
        push(&mut out, s);
        for p in prefix_forms(s) {
            push(&mut out, &p);
            for q in prefix_forms(&p) {
                push(&mut out, &q);
            }
        }
    }
    // A pe-…-an noun is not its pe- noun: "pemilihan" (election) is not "pemilih" (voter),
    // "pelantikan" is not "pelantik". Keep the root ("pilih"), drop the half-stripped form.
    if word.starts_with("pe") {
        out.retain(|c| {
            c == word || !(word.starts_with(c.as_str()) && word[c.len()..].starts_with("an"))
        });
    }
    out
}

/// One stable stem per word, for comparing texts word by word (the hoax index): the shortest
/// candidate of at least four letters, ties broken alphabetically.
pub fn stem(word: &str) -> String {
    stem_of(word, &candidates(word))
}

/// [`stem`] from candidates already computed.
pub fn stem_of(word: &str, cands: &[String]) -> String {
    cands
        .iter()
        .filter(|c| c.len() >= 4)
        .min_by(|a, b| a.len().cmp(&b.len()).then_with(|| a.cmp(b)))
        .cloned()
        .unwrap_or_else(|| word.to_string())
}

/// Remembers candidates per word: running text repeats its words, and deriving candidates is
/// the costliest step per token. Bounded, so a hostile page of unique words cannot grow it.
#[derive(Debug, Default)]
pub struct StemCache {
    map: std::collections::HashMap<String, std::rc::Rc<[String]>>,
}

impl StemCache {
    const MAX: usize = 50_000;

    pub fn candidates(&mut self, word: &str) -> std::rc::Rc<[String]> {
        if let Some(c) = self.map.get(word) {
            return c.clone();
        }
        let c: std::rc::Rc<[String]> = candidates(word).into();
        if self.map.len() >= Self::MAX {
            self.map.clear();
        }
        self.map.insert(word.to_string(), c.clone());
        c
    }
}

fn push(out: &mut Vec<String>, s: &str) {
    if s.len() >= 3 && !out.iter().any(|o| o == s) {
        out.push(s.to_string());
    }
}

/// `word` and every form of it with suffixes stripped, sorted, without repeats. Stripping
/// only shortens, so each form is a slice of `word`: nothing is allocated but the list.
fn suffix_forms(word: &str) -> Vec<&str> {
    let mut forms = vec![word];
    let mut layer = vec![word];
    for suffixes in [
        &["lah", "kah", "pun", "tah"][..],
        &["nya", "ku", "mu"][..],
        &["kan", "an", "i"][..],
    ] {
        let mut next = layer.clone();
        for w in &layer {
            for suf in suffixes {
                if let Some(base) = w.strip_suffix(suf)
                    && base.len() >= 3
                {
                    next.push(base);
                }
            }
        }
        forms.extend(next.iter().copied());
        layer = next;
    }
    forms.sort_unstable();
    forms.dedup();
    forms
}

fn is_vowel(c: u8) -> bool {
    matches!(c, b'a' | b'e' | b'i' | b'o' | b'u')
}

/// Every form of `w` with one prefix stripped. Most are slices of `w`; only the nasal
/// prefixes' restored first letters (`menetapkan` → `tetap…`) need a new string.
fn prefix_forms(w: &str) -> Vec<Cow<'_, str>> {
    let mut out: Vec<Cow<'_, str>> = Vec::new();
    let first_vowel = |rest: &str| rest.bytes().next().is_some_and(is_vowel);
    for plain in ["di", "ke", "ter", "ber", "per", "se"] {
        if let Some(rest) = w.strip_prefix(plain) {
            out.push(rest.into());
        }
    }
    if let Some(rest) = w.strip_prefix("be") {
        out.push(rest.into());
    }
    for nasal in ["me", "pe"] {
        let Some(rest) = w.strip_prefix(nasal) else {
            continue;
        };
        // me- before l, m, n, r, w, y keeps the root whole: melantik ← lantik, memenangkan ← menang.
        out.push(rest.into());
        if let Some(r) = rest.strip_prefix("ng") {
            out.push(r.into());
            if first_vowel(r) {
                out.push(format!("k{r}").into());
            }
        } else if let Some(r) = rest.strip_prefix("ny") {
            out.push(format!("s{r}").into());
        } else if let Some(r) = rest.strip_prefix('m') {
            out.push(r.into());
            if first_vowel(r) {
                out.push(format!("p{r}").into());
            }
        } else if let Some(r) = rest.strip_prefix('n') {
            out.push(r.into());
            if first_vowel(r) {
                out.push(format!("t{r}").into());
            }
        } else if let Some(r) = rest.strip_prefix('r') {
            out.push(r.into());
        }
    }
    out.retain(|s| s.len() >= 3);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn has(word: &str, root: &str) -> bool {
        candidates(word).iter().any(|c| c == root)
    }

    #[test]
    fn finds_roots_of_election_words() {
        for (w, r) in [
            ("berkampanye", "kampanye"),
            ("dikampanyekan", "kampanye"),
            ("kecurangan", "curang"),
            ("dicurangi", "curang"),
            ("memilih", "pilih"),
            ("pemilihan", "pilih"),
            ("terpilih", "pilih"),
            ("mencoblos", "coblos"),
            ("pencoblosan", "coblos"),
            ("menetapkan", "tetap"),
            ("ditetapkan", "tetap"),
            ("memenangkan", "menang"),
            ("kemenangan", "menang"),
            ("pelantikan", "lantik"),
            ("dilantik", "lantik"),
            ("mengumumkan", "umum"),
            ("penyelenggara", "selenggara"),
            ("kampanyenya", "kampanye"),
            ("memperoleh", "oleh"),
        ] {
            assert!(has(w, r), "{w} should yield {r}: {:?}", candidates(w));
        }
    }

    #[test]
    fn pe_an_nouns_are_not_pe_nouns() {
        assert!(!has("pemilihan", "pemilih"));
        assert!(has("pemilihan", "pilih"));
        assert!(has("pemilihnya", "pemilih"));
        assert!(!has("pelantikan", "pelantik"));
    }

    #[test]
    fn keeps_short_and_non_alphabetic_words() {
        assert_eq!(candidates("kpu"), ["kpu"]);
        assert_eq!(candidates("2024"), ["2024"]);
        assert_eq!(stem("tps"), "tps");
    }

    #[test]
    fn stable_stem_unifies_common_derivations() {
        assert_eq!(stem("kecurangan"), stem("dicurangi"));
        assert_eq!(stem("kecurangan"), "curang");
        assert_eq!(stem("dikampanyekan"), stem("berkampanye"));
    }
}
