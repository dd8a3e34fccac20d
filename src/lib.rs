//! Saring: finds the claims about elections in a text and checks each against a trusted-source
//! bundle of official facts and debunked hoaxes.
//!
//! ```
//! let engine = saring::Engine::new().expect("the default bundle loads");
//! let report = engine.check(
//!     "Pemungutan suara Pemilu 2024 digelar pada 15 Februari 2024.",
//!     &saring::CheckOptions::default(),
//! );
//! assert_eq!(report.claims[0].verdict, saring::Verdict::Contradicted);
//! ```
//!
//! The core knows nothing of the DOM: text goes in, claims with byte and UTF-16 offsets come
//! out. Data moves one way: text → sentences → claims → verdicts → report.

pub mod bundle;
pub mod claims;
pub mod engine;
pub mod extract;
pub mod html;
pub mod parts;
pub mod report;
pub mod text;
pub mod verify;

#[cfg(not(target_arch = "wasm32"))]
pub mod cli;
#[cfg(target_arch = "wasm32")]
pub mod web;

use serde::{Deserialize, Serialize};

pub use engine::{CheckOptions, Engine, Report};
pub use text::lang::Lang;

/// What the bundle says about a claim.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Verdict {
    /// An official fact on the same topic agrees with every value the claim states.
    Verified = 0,
    /// An official fact on the same topic disagrees with a value the claim states.
    Contradicted = 1,
    /// The claim repeats a hoax that a fact-checker has rated false.
    Debunked = 2,
    /// An election claim that no trusted source in the bundle backs.
    Unverified = 3,
}

impl Verdict {
    pub const ALL: [Verdict; 4] = [
        Verdict::Verified,
        Verdict::Contradicted,
        Verdict::Debunked,
        Verdict::Unverified,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Verdict::Verified => "verified",
            Verdict::Contradicted => "contradicted",
            Verdict::Debunked => "debunked",
            Verdict::Unverified => "unverified",
        }
    }

    pub fn parse(s: &str) -> Option<Verdict> {
        Verdict::ALL.into_iter().find(|v| v.as_str() == s)
    }
}

/// A one-line reason in both languages.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Reason {
    pub id: String,
    pub en: String,
}

/// Where a verdict comes from.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SourceRef {
    pub name: String,
    /// The page the fact or review was read on; `null` for reviews known only by attribution.
    pub url: Option<String>,
    /// `YYYY-MM-DD`, when known.
    pub date: Option<String>,
}

/// One claim found in a text, with its verdict.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Claim {
    /// UTF-8 byte offsets into the checked text.
    pub start: usize,
    pub end: usize,
    /// The same span in UTF-16 code units (JavaScript, the DOM).
    pub start_utf16: usize,
    pub end_utf16: usize,
    pub text: String,
    pub verdict: Verdict,
    #[serde(serialize_with = "round2")]
    pub confidence: f32,
    pub reason: Reason,
    pub sources: Vec<SourceRef>,
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub official_value: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub fact_id: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub hoax_id: Option<String>,
}

fn round2<S: serde::Serializer>(x: &f32, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_f64(((*x as f64) * 100.0).round() / 100.0)
}
