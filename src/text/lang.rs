//! Telling Indonesian from English text, for number notation and the report's language.

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

impl LangVotes {
    pub fn add(&mut self, tokens: &[Token]) {
        for t in tokens {
            let k = t.key.as_str();
            if ID_WORDS.contains(&k) {
                self.id += 1;
            } else if EN_WORDS.contains(&k) {
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
