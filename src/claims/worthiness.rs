//! Is this sentence an election claim worth checking?
//!
//! Two questions, answered from counts the engine collects per sentence. Is it about the
//! election — by its own words, or, for a figure, by the document it stands in? And does it
//! assert something checkable — a value (date, figure, ballot number) or a factual verb about
//! a named candidate, party or body — rather than ask, hope, appeal or chant?

/// What the lexicons found in one sentence.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Features {
    pub tokens: usize,
    pub strong: usize,
    pub weak: usize,
    pub off_topic: usize,
    pub assertive: usize,
    pub opinion: usize,
    /// Names of candidates, parties or institutions from the bundles.
    pub entities: usize,
    pub refutes: bool,
    pub regional: bool,
    pub question: bool,
    pub exclaim: bool,
    /// Starts with an appeal ("Ayo", "Mari", "Jangan", "Coblos", "Vote").
    pub appeal: bool,
    pub chrome: bool,
}

/// Document-wide evidence that the text is about the election.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct DocTopic {
    pub strong: usize,
    pub entities: usize,
    pub off_topic: usize,
}

impl DocTopic {
    pub fn add(&mut self, f: &Features) {
        if f.chrome {
            return;
        }
        self.strong += f.strong;
        self.entities += f.entities;
        self.off_topic += f.off_topic;
    }

    /// Adds another stretch of text's evidence (the parts of a page checked one by one).
    pub fn absorb(&mut self, other: DocTopic) {
        self.strong += other.strong;
        self.entities += other.entities;
        self.off_topic += other.off_topic;
    }

    /// The evidence gathered since `earlier` (which this one grew from).
    pub fn since(&self, earlier: DocTopic) -> DocTopic {
        DocTopic {
            strong: self.strong - earlier.strong,
            entities: self.entities - earlier.entities,
            off_topic: self.off_topic - earlier.off_topic,
        }
    }

    /// At least two strong election terms, and more election than other-domain words.
    pub fn is_election(&self) -> bool {
        self.strong >= 2 && 2 * self.strong + self.entities > 2 * self.off_topic
    }
}

/// Words that open an appeal or a chant rather than a claim.
pub const APPEALS: &[&str] = &[
    "ayo", "mari", "yuk", "jangan", "coblos", "pilih", "tolak", "lawan", "stop", "saring",
    "dukung", "vote", "let's", "lets", "please", "say",
];

/// The sentence is about the election by its own words (or, with `doc`, by the document's).
pub fn is_election(f: &Features, doc: bool) -> bool {
    if f.chrome || f.off_topic > f.strong {
        return false;
    }
    f.strong >= 1 || (f.entities >= 1 && (f.weak >= 1 || doc)) || (f.weak >= 2 && doc)
}

/// How check-worthy the sentence is as an election claim, or `None` when it is not one.
/// `values` counts its checkable values; `figures` its quantities alone.
pub fn claim_score(f: &Features, values: usize, figures: usize, doc: bool) -> Option<f32> {
    if f.chrome || f.tokens < 4 || f.question {
        return None;
    }
    if (f.appeal && (f.exclaim || values == 0)) || (f.opinion > 0 && values == 0) {
        return None;
    }
    if is_election(f, doc) {
        if values > 0 {
            let strength = 0.5 + 0.08 * values.min(3) as f32 + if f.strong > 0 { 0.1 } else { 0.0 };
            return Some(strength.min(0.8));
        }
        if f.assertive > 0 && (f.entities > 0 || f.strong > 0) && f.tokens >= 6 {
            return Some(0.45);
        }
        return None;
    }
    // A statistic in an article about the election is an election claim even without the
    // word in its own sentence.
    if doc && figures > 0 && f.tokens >= 8 && f.off_topic == 0 {
        return Some(0.4);
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn figures_need_an_election_document() {
        let f = Features {
            tokens: 20,
            ..Default::default()
        };
        assert_eq!(claim_score(&f, 2, 2, false), None);
        assert!(claim_score(&f, 2, 2, true).is_some());
    }

    #[test]
    fn appeals_questions_and_chrome_are_not_claims() {
        let base = Features {
            tokens: 8,
            strong: 1,
            ..Default::default()
        };
        assert!(claim_score(&base, 1, 1, false).is_some());
        for f in [
            Features {
                question: true,
                ..base
            },
            Features {
                appeal: true,
                exclaim: true,
                ..base
            },
            Features {
                chrome: true,
                ..base
            },
        ] {
            assert_eq!(claim_score(&f, 1, 1, true), None);
        }
    }

    #[test]
    fn off_topic_words_outweigh_weak_ones() {
        let f = Features {
            tokens: 10,
            weak: 1,
            entities: 0,
            off_topic: 2,
            ..Default::default()
        };
        assert!(!is_election(&f, true));
    }
}
