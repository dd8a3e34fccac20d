//! Verdicts: comparing claims with official facts and debunked hoaxes.

pub mod facts;
pub mod hoaxes;
pub mod verdict;
