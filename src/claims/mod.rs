//! Claim detection: which sentences are election claims worth checking.

pub mod lexicon;
pub mod worthiness;
