//! Telling Indonesian from English text, for number notation and the report's language.

use std::sync::OnceLock;

use super::fasthash::{FastSet, word_set};
use super::tokens::Token;

/// The two languages Saring reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Lang {
    Id,
    En,
}

impl Lang {
    pub fn code(self) -> &'static str {
        match self {
            Lang::Id => "id",
            Lang::En => "en",
        }
    }

    pub fn parse(s: &str) -> Option<Lang> {
        match s {
            "id" => Some(Lang::Id),
            "en" => Some(Lang::En),
            _ => None,
        }
    }
}

const ID_WORDS: &[&str] = &[
    "yang", "dan", "di", "dengan", "untuk", "ini", "itu", "dari", "pada", "akan", "tidak",
    "sebagai", "oleh", "dalam", "juga", "karena", "bahwa", "telah", "sudah", "ke", "tersebut",
    "adalah", "atau", "kami", "mereka", "bisa",
];
const EN_WORDS: &[&str] = &[
    "the", "and", "of", "to", "in", "is", "was", "that", "for", "on", "with", "as", "by", "from",
    "it", "be", "are", "has", "have", "were", "this", "which", "will", "said",
];

/// Running counts of function words; the language with more wins, Indonesian on a tie.
#[derive(Debug, Default, Clone, Copy)]
pub struct LangVotes {
    id: usize,
    en: usize,
}

/// The two word lists as sets: every token of a page is looked up.
fn sets() -> &'static (FastSet<&'static str>, FastSet<&'static str>) {
    static SETS: OnceLock<(FastSet<&'static str>, FastSet<&'static str>)> = OnceLock::new();
    SETS.get_or_init(|| (word_set(ID_WORDS), word_set(EN_WORDS)))
}

impl LangVotes {
    pub fn add(&mut self, tokens: &[Token]) {
        let (id_words, en_words) = sets();
        for t in tokens {
            let k = t.key.as_str();
            if id_words.contains(k) {
                self.id += 1;
            } else if en_words.contains(k) {
                self.en += 1;
            }
        }
    }

    pub fn lang(&self) -> Lang {
        if self.en > self.id {
            Lang::En
        } else {
            Lang::Id
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::tokens::tokenize;

    fn detect(s: &str) -> Lang {
        let mut v = LangVotes::default();
        v.add(&tokenize(s, 0));
        v.lang()
    }

    #[test]
    fn tells_languages_apart() {
        assert_eq!(
            detect("kpu menetapkan hasil pemilu pada hari ini dan itu"),
            Lang::Id
        );
        assert_eq!(
            detect("the commission announced that the results of the vote were final"),
            Lang::En
        );
        assert_eq!(detect(""), Lang::Id);
    }
}
