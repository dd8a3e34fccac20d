//! Bundle format v1: the JSON that people write and review.
//!
//! A bundle file holds any of five lists; the default bundle is split over several files under
//! `data/` and merged, a newsroom's own list is usually one file. Unknown fields are errors: a
//! misspelt field name would otherwise silently drop a fact's condition.

use serde::{Deserialize, Serialize};

/// The only schema version this build reads.
pub const SCHEMA_VERSION: u32 = 1;

/// One bundle file as written.
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct BundleFile {
    pub schema_version: u32,
    #[serde(default)]
    pub bundle: Option<BundleMeta>,
    #[serde(default)]
    pub sources: Vec<Source>,
    #[serde(default)]
    pub entities: Vec<Entity>,
    #[serde(default)]
    pub facts: Vec<Fact>,
    #[serde(default)]
    pub debunked: Vec<Debunked>,
}

/// Who publishes the bundle and which edition it is.
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct BundleMeta {
    /// Stable identifier, e.g. `saring-default`.
    pub id: String,
    pub name: String,
    /// Date-based edition, `YYYY.MM.DD` (a suffix `.N` for several editions a day).
    pub version: String,
    #[serde(default)]
    pub publisher: Option<String>,
    #[serde(default)]
    pub description: Option<String>,
    #[serde(default)]
    pub license: Option<String>,
}

#[derive(Debug, Clone, Copy, Serialize, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
pub enum SourceKind {
    /// Election authorities and courts: KPU, Bawaslu, DKPP, MK.
    Authority,
    /// Government bodies that are not election authorities (Komdigi).
    Government,
    /// Fact-checkers: Mafindo / turnbackhoax.id, cekfakta.com, Tempo, Kompas, AFP.
    FactChecker,
    /// News outlets whose reports quote an official decision.
    Media,
}

#[derive(Debug, Clone, Copy, Serialize, Deserialize, PartialEq, Eq, PartialOrd, Ord)]
#[serde(rename_all = "snake_case")]
pub enum Trust {
    /// The authority's own decision.
    Official,
    /// A signatory fact-checker's published review.
    FactChecker,
    /// A report that quotes an official decision.
    Secondary,
}

/// An authority, a fact-checker or an outlet that citations point to.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Source {
    pub id: String,
    pub name: String,
    pub kind: SourceKind,
    pub trust: Trust,
    pub url: String,
    #[serde(default)]
    pub domains: Vec<String>,
}

#[derive(Debug, Clone, Copy, Serialize, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
pub enum EntityKind {
    CandidatePair,
    Person,
    Party,
    Institution,
}

/// Something claims name: a candidate pair, a party, an institution. Its aliases are how
/// texts refer to it; a person is usually a member of a pair.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Entity {
    pub id: String,
    pub kind: EntityKind,
    pub name: String,
    #[serde(default)]
    pub aliases: Vec<String>,
    /// The entity this one belongs to (a candidate's pair): facts about the pair apply.
    #[serde(default)]
    pub member_of: Option<String>,
}

/// A text in both languages.
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Text {
    pub id: String,
    pub en: String,
}

/// Where a fact or a review was read.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Citation {
    /// A source id.
    pub source: String,
    pub url: String,
    #[serde(default)]
    pub title: Option<String>,
    /// Publication date, `YYYY-MM-DD`.
    #[serde(default)]
    pub date: Option<String>,
    #[serde(default)]
    pub note: Option<String>,
}

/// The checkable value of a fact.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[serde(tag = "kind", rename_all = "snake_case", deny_unknown_fields)]
pub enum Value {
    /// A day, `YYYY-MM-DD`.
    Date { date: String },
    /// A period, both ends included.
    DateRange { start: String, end: String },
    /// A count: voters, polling stations, seats, votes.
    Count { value: u64 },
    /// A share computed from raw counts, shown as a percentage rounded half-up to `decimals`
    /// (the KPU publishes two).
    Share {
        numerator: u64,
        denominator: u64,
        #[serde(default = "two")]
        decimals: u8,
    },
    /// A ballot number (nomor urut).
    Ballot { number: u32 },
    /// An institution's official name; `wrong` lists expansions seen in the wild.
    Name {
        abbreviation: String,
        official: String,
        #[serde(default)]
        accepted: Vec<String>,
        #[serde(default)]
        wrong: Vec<String>,
    },
}

fn two() -> u8 {
    2
}

/// `Value` is internally tagged in JSON (`{"kind":"date",…}`), which binary formats cannot
/// read back; in the compiled bundle it travels as a small JSON string instead.
mod value_repr {
    use super::Value;
    use serde::de::Error as _;
    use serde::ser::Error as _;
    use serde::{Deserialize, Deserializer, Serialize, Serializer};

    pub fn serialize<S: Serializer>(v: &Value, s: S) -> Result<S::Ok, S::Error> {
        if s.is_human_readable() {
            v.serialize(s)
        } else {
            s.serialize_str(&serde_json::to_string(v).map_err(S::Error::custom)?)
        }
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Value, D::Error> {
        if d.is_human_readable() {
            Value::deserialize(d)
        } else {
            let s = String::deserialize(d)?;
            serde_json::from_str(&s).map_err(D::Error::custom)
        }
    }
}

/// An official fact with the conditions under which a sentence is about it.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Fact {
    pub id: String,
    /// Grouping for reports: `schedule`, `voters`, `results`, `participants`, `institutions` …
    pub topic: String,
    /// Which election: `pemilu2024`, `pilkada2024`.
    #[serde(default)]
    pub election: Option<String>,
    pub statement: Text,
    /// The sentence is about this fact when it contains all phrases of at least one group.
    #[serde(default)]
    pub when: Vec<Vec<String>>,
    /// …and none of these phrases.
    #[serde(default)]
    pub unless: Vec<String>,
    #[serde(with = "value_repr")]
    pub value: Value,
    /// The value must be said of this entity (or one of its members).
    #[serde(default)]
    pub entity: Option<String>,
    /// A figure is about this fact only with one of these words next to it ("pemilih", "TPS").
    #[serde(default)]
    pub units: Vec<String>,
    /// A figure is about this fact only with one of these phrases near it ("luar negeri").
    #[serde(default)]
    pub near: Vec<String>,
    /// …and none of these near it.
    #[serde(default)]
    pub not_near: Vec<String>,
    /// A national figure: a sentence about one region is not about it.
    #[serde(default)]
    pub national: bool,
    /// The source id of the authority whose decision this is.
    pub authority: String,
    #[serde(default)]
    pub legal_basis: Vec<String>,
    pub citations: Vec<Citation>,
}

/// A claim a fact-checker reviewed and rated false (ClaimReview-like).
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Debunked {
    pub id: String,
    /// The claim as the review states it.
    pub claim_reviewed: String,
    /// The claim as it circulated: narratives, reworded copies.
    #[serde(default)]
    pub variants: Vec<String>,
    /// The reviewer's rating as published: `Salah`, `Hoaks`, `Disinformasi`, `False` …
    pub rating: String,
    /// A source id (the fact-checker).
    pub reviewer: String,
    /// `YYYY-MM-DD`.
    pub date_published: String,
    /// The review's address; when there is none, `attribution` says where it was published.
    #[serde(default)]
    pub url: Option<String>,
    #[serde(default)]
    pub attribution: Option<String>,
    #[serde(default)]
    pub topics: Vec<String>,
}
