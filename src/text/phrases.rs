//! Finding lexicon phrases ("surat suara", "komisi pemilihan umum", "prabowo") in tokens.
//!
//! Phrases are indexed by their first word, so a sentence is scanned once whatever the size of
//! the lexicon. Words match through their affix-stripped candidates (see [`super::stem`]), so
//! "berkampanye" finds "kampanye"; phrases inserted as exact (names) match only the word as
//! written, so that a name is never found inside an unrelated derived word.

use std::rc::Rc;

use super::fasthash::FastMap;
use super::normalize::fold;

use super::stem::StemCache;
use super::tokens::{Token, tokenize};

/// Tokens of one sentence with the affix-stripped candidates of each, computed once and shared
/// by every lexicon that looks at the sentence.
#[derive(Debug, Clone)]
pub struct Words {
    pub tokens: Vec<Token>,
    /// `cands[i][0]` is `tokens[i].key`; the rest are its possible roots.
    pub cands: Vec<Rc<[String]>>,
}

impl Words {
    pub fn new(tokens: Vec<Token>) -> Self {
        Self::with_cache(tokens, &mut StemCache::default())
    }

    /// Like [`Words::new`], remembering candidates across sentences of one document.
    pub fn with_cache(tokens: Vec<Token>, cache: &mut StemCache) -> Self {
        // A number's candidates are the number itself; the cache hands them out shared too.
        let cands = tokens.iter().map(|t| cache.candidates(&t.key)).collect();
        Words { tokens, cands }
    }

    pub fn len(&self) -> usize {
        self.tokens.len()
    }

    pub fn is_empty(&self) -> bool {
        self.tokens.is_empty()
    }

    fn word_matches(&self, i: usize, word: &str, exact: bool) -> bool {
        if exact {
            self.tokens[i].key == word
        } else {
            self.cands[i].iter().any(|c| c == word)
        }
    }
}

/// A phrase found in a sentence: tokens `start..end` and the value it was inserted with.
#[derive(Debug, Clone, PartialEq)]
pub struct Hit<T> {
    pub start: usize,
    pub end: usize,
    pub value: T,
}

#[derive(Debug, Clone)]
struct Entry<T> {
    words: Vec<String>,
    exact: bool,
    value: T,
}

/// A set of phrases, each with a value.
#[derive(Debug, Clone)]
pub struct PhraseSet<T> {
    /// Our own phrases only: a page's words are looked up, never inserted (see `fasthash`).
    by_first: FastMap<String, Vec<Entry<T>>>,
    len: usize,
}

impl<T> Default for PhraseSet<T> {
    fn default() -> Self {
        PhraseSet {
            by_first: FastMap::default(),
            len: 0,
        }
    }
}

impl<T: Clone> PhraseSet<T> {
    pub fn new() -> Self {
        Self::default()
    }

    /// Adds `phrase`, matched through word roots.
    pub fn insert(&mut self, phrase: &str, value: T) {
        self.add(phrase, value, false);
    }

    /// Adds `phrase`, matched only word for word (names, abbreviations).
    pub fn insert_exact(&mut self, phrase: &str, value: T) {
        self.add(phrase, value, true);
    }

    fn add(&mut self, phrase: &str, value: T, exact: bool) {
        let words: Vec<String> = tokenize(&fold(phrase), 0)
            .into_iter()
            .map(|t| t.key)
            .collect();
        let Some(first) = words.first().cloned() else {
            return;
        };
        self.len += 1;
        self.by_first.entry(first).or_default().push(Entry {
            words,
            exact,
            value,
        });
    }

    pub fn len(&self) -> usize {
        self.len
    }

    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// Every phrase occurrence, longest first at each position, without overlaps: a longer
    /// phrase ("pemilihan umum") hides the shorter ones inside it ("pemilihan").
    pub fn find(&self, w: &Words) -> Vec<Hit<T>> {
        let mut out = Vec::new();
        let mut i = 0;
        while i < w.len() {
            let mut best: Option<(usize, &T)> = None;
            for cand in w.cands[i].iter() {
                let Some(entries) = self.by_first.get(cand) else {
                    continue;
                };
                for e in entries {
                    let n = e.words.len();
                    if i + n > w.len() || best.is_some_and(|(b, _)| b >= n) {
                        continue;
                    }
                    let ok = (0..n).all(|k| w.word_matches(i + k, &e.words[k], e.exact));
                    if ok {
                        best = Some((n, &e.value));
                    }
                }
            }
            if let Some((n, v)) = best {
                out.push(Hit {
                    start: i,
                    end: i + n,
                    value: v.clone(),
                });
                i += n;
            } else {
                i += 1;
            }
        }
        out
    }

    /// Every occurrence of every phrase, overlapping ones included, in order of position.
    pub fn find_all(&self, w: &Words) -> Vec<Hit<T>> {
        let mut out = Vec::new();
        for i in 0..w.len() {
            for cand in w.cands[i].iter() {
                let Some(entries) = self.by_first.get(cand) else {
                    continue;
                };
                for e in entries {
                    let n = e.words.len();
                    if i + n <= w.len()
                        && (0..n).all(|k| w.word_matches(i + k, &e.words[k], e.exact))
                    {
                        out.push(Hit {
                            start: i,
                            end: i + n,
                            value: e.value.clone(),
                        });
                    }
                }
            }
        }
        out
    }

    /// True when any phrase occurs (what `!find(w).is_empty()` says, without collecting).
    pub fn any(&self, w: &Words) -> bool {
        (0..w.len()).any(|i| {
            w.cands[i].iter().any(|cand| {
                self.by_first.get(cand).is_some_and(|entries| {
                    entries.iter().any(|e| {
                        let n = e.words.len();
                        i + n <= w.len()
                            && (0..n).all(|k| w.word_matches(i + k, &e.words[k], e.exact))
                    })
                })
            })
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(s: &str) -> Words {
        Words::new(tokenize(&fold(s), 0))
    }

    #[test]
    fn finds_longest_phrases_through_affixes() {
        let mut p = PhraseSet::new();
        p.insert("pemilihan", 1);
        p.insert("pemilihan umum", 2);
        p.insert("kampanye", 3);
        p.insert_exact("kpu", 4);
        let hits = p.find(&words(
            "Komisi Pemilihan Umum melarang berkampanye; KPU tegas.",
        ));
        let vals: Vec<i32> = hits.iter().map(|h| h.value).collect();
        assert_eq!(vals, [2, 3, 4]);
        assert_eq!((hits[0].start, hits[0].end), (1, 3));
    }

    #[test]
    fn exact_phrases_ignore_affixes() {
        let mut p = PhraseSet::new();
        p.insert_exact("gibran", 1);
        assert!(p.any(&words("Gibran hadir")));
        assert!(!p.any(&words("digibrankan")));
    }
}
