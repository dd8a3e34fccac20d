//! Names of candidates, parties and institutions, and the long forms written next to an
//! abbreviation ("Komisi Penyelenggara Umum (KPU)").

use std::collections::HashMap;

use crate::bundle::schema::{Entity, EntityKind};
use crate::text::normalize::fold;
use crate::text::phrases::{PhraseSet, Words};

/// An entity named in a sentence.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EntityMention {
    /// Index into the bundle's entities.
    pub entity: u32,
    /// The first word as written (folded), to tell an abbreviation the text redefines.
    pub key: String,
    pub tok_start: usize,
    pub tok_end: usize,
}

/// Finds a bundle's entities by their aliases.
#[derive(Debug, Clone, Default)]
pub struct EntityIndex {
    aliases: PhraseSet<u32>,
    ids: Vec<String>,
    /// For each entity, the entity it is a member of (a candidate's pair), if any.
    parent: Vec<Option<u32>>,
    /// Which entities are candidate pairs: naming one makes a sentence an election sentence.
    pairs: Vec<bool>,
    /// For each entity, its name and aliases folded and without spaces or punctuation.
    squashed: Vec<Vec<String>>,
}

fn squash(s: &str) -> String {
    fold(s).chars().filter(|c| c.is_alphanumeric()).collect()
}

impl EntityIndex {
    pub fn new(entities: &[Entity]) -> Self {
        let by_id: HashMap<&str, u32> = entities
            .iter()
            .enumerate()
            .map(|(i, e)| (e.id.as_str(), i as u32))
            .collect();
        let mut aliases = PhraseSet::new();
        for (i, e) in entities.iter().enumerate() {
            for a in e.aliases.iter().chain(std::iter::once(&e.name)) {
                // Names are matched as written: "gibran" must not be found in other words.
                aliases.insert_exact(a, i as u32);
            }
        }
        EntityIndex {
            aliases,
            ids: entities.iter().map(|e| e.id.clone()).collect(),
            parent: entities
                .iter()
                .map(|e| e.member_of.as_deref().and_then(|m| by_id.get(m).copied()))
                .collect(),
            pairs: entities
                .iter()
                .map(|e| e.kind == EntityKind::CandidatePair)
                .collect(),
            squashed: entities
                .iter()
                .map(|e| {
                    e.aliases
                        .iter()
                        .chain(std::iter::once(&e.name))
                        .map(|a| squash(a))
                        .collect()
                })
                .collect(),
        }
    }

    /// Abbreviations that this sentence defines as something other than the entity they
    /// usually name: in "Perjanjian Kerja Sama (PKS)", PKS is not the party. The engine drops
    /// such mentions in the whole document.
    pub fn redefined(&self, text: &str, w: &Words) -> Vec<String> {
        let short: Vec<(String, u32)> = self
            .find(w)
            .into_iter()
            .filter(|m| m.tok_end == m.tok_start + 1 && w.tokens[m.tok_start].key.len() <= 6)
            .map(|m| (w.tokens[m.tok_start].key.clone(), m.entity))
            .collect();
        let mut out = Vec::new();
        for e in expansions(text, w, |k| short.iter().any(|(a, _)| a == k)) {
            // Only "long form (ABBR)": the words before the parenthesis.
            if e.tok_end >= w.len() || w.tokens[e.tok_end].key != e.abbr {
                continue;
            }
            let Some(&(_, ent)) = short.iter().find(|(a, _)| *a == e.abbr) else {
                continue;
            };
            let names = &self.squashed[ent as usize];
            let is_name = (e.tok_start..e.tok_end).any(|k| {
                let written: String = w.tokens[k..e.tok_end]
                    .iter()
                    .map(|t| t.key.as_str())
                    .collect();
                names.contains(&written)
            });
            if !is_name && !out.contains(&e.abbr) {
                out.push(e.abbr.clone());
            }
        }
        out
    }

    pub fn find(&self, w: &Words) -> Vec<EntityMention> {
        self.aliases
            .find(w)
            .into_iter()
            .map(|h| EntityMention {
                entity: h.value,
                key: w.tokens[h.start].key.clone(),
                tok_start: h.start,
                tok_end: h.end,
            })
            .collect()
    }

    /// True when `e` is a candidate pair ("Prabowo-Gibran"), which only elections have.
    pub fn is_pair(&self, e: u32) -> bool {
        self.pairs.get(e as usize).copied().unwrap_or(false)
    }

    /// True when entity `e` is `id` or a member of it.
    pub fn belongs(&self, e: u32, id: &str) -> bool {
        let mut cur = Some(e);
        let mut hops = 0;
        while let Some(c) = cur {
            if self.ids.get(c as usize).is_some_and(|x| x == id) {
                return true;
            }
            hops += 1;
            if hops > 8 {
                break;
            }
            cur = self.parent.get(c as usize).copied().flatten();
        }
        false
    }
}

/// The entity a value at token `tok` is said of: the nearest mention before it in the
/// sentence (within 12 tokens), else the nearest after it (within 6). "Prabowo-Gibran 58,59
/// persen, Anies-Muhaimin 24,95 persen" gives each figure its own pair.
pub fn associated(mentions: &[EntityMention], tok: usize) -> Option<&EntityMention> {
    let before = mentions
        .iter()
        .filter(|m| m.tok_end <= tok && tok - m.tok_end < 12)
        .max_by_key(|m| m.tok_end);
    before.or_else(|| {
        mentions
            .iter()
            .filter(|m| m.tok_start > tok && m.tok_start - tok <= 6)
            .min_by_key(|m| m.tok_start)
    })
}

/// A long form written next to an abbreviation: the words before "(KPU)", or inside the
/// parentheses after "KPU (…)".
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Expansion {
    /// The abbreviation's token key.
    pub abbr: String,
    /// Token range of the candidate long form (up to eight words; the verifier picks the
    /// part that is a name).
    pub tok_start: usize,
    pub tok_end: usize,
}

/// Expansions of any abbreviation for which `is_abbr` is true.
pub fn expansions(text: &str, w: &Words, is_abbr: impl Fn(&str) -> bool) -> Vec<Expansion> {
    let mut out = Vec::new();
    let toks = &w.tokens;
    for (i, t) in toks.iter().enumerate() {
        if !is_abbr(&t.key) {
            continue;
        }
        let before = text[..t.start].trim_end_matches(' ');
        let after = text[t.end..].trim_start_matches(' ');
        if before.ends_with('(') && after.starts_with(')') {
            // "Komisi Pemilihan Umum (KPU)": the words before the parenthesis, up to a
            // punctuation mark.
            let open = before.len() - 1;
            let mut s = i;
            while s > 0 && i - s < 8 {
                let prev = &toks[s - 1];
                let gap = &text[prev.end..if s == i { open } else { toks[s].start }];
                if !gap.chars().all(|c| c == ' ' || c == '-') {
                    break;
                }
                s -= 1;
            }
            if s < i {
                out.push(Expansion {
                    abbr: t.key.clone(),
                    tok_start: s,
                    tok_end: i,
                });
            }
        } else if after.starts_with('(') {
            // "KPU (Komisi Pemilihan Umum)"
            let close = text[t.end..].find(')').map(|k| t.end + k);
            if let Some(close) = close {
                let e = (i + 1..toks.len())
                    .take_while(|&k| toks[k].end <= close)
                    .last();
                if let Some(e) = e
                    && e + 1 - (i + 1) <= 8
                {
                    out.push(Expansion {
                        abbr: t.key.clone(),
                        tok_start: i + 1,
                        tok_end: e + 1,
                    });
                }
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::normalize::fold;
    use crate::text::tokens::tokenize;

    fn exp(s: &str) -> Vec<String> {
        let t = fold(s);
        let w = Words::new(tokenize(&t, 0));
        expansions(&t, &w, |k| k == "kpu" || k == "mafindo")
            .into_iter()
            .map(|e| {
                w.tokens[e.tok_start..e.tok_end]
                    .iter()
                    .map(|t| t.key.as_str())
                    .collect::<Vec<_>>()
                    .join(" ")
            })
            .collect()
    }

    #[test]
    fn finds_long_forms() {
        assert_eq!(
            exp("Jaringan (JMSI) dan Komisi Penyelenggara Umum (KPU) Kalbar"),
            ["dan komisi penyelenggara umum"]
        );
        assert_eq!(
            exp("oleh pihak KPU (Komisi Pemilihan Umum) Kalbar"),
            ["komisi pemilihan umum"]
        );
        assert_eq!(
            exp("Ketua Masyarakat Anti Fitnah Indonesia (Mafindo) Kalbar"),
            ["ketua masyarakat anti fitnah indonesia"]
        );
        assert!(exp("KPU Kalbar (19/12/22)").is_empty());
        assert!(exp("pemilu, (KPU)").is_empty());
    }
}
