//! Text pipeline: folding, segmentation, tokens, stems, offsets, language.

pub mod fasthash;
pub mod lang;
pub mod normalize;
pub mod offsets;
pub mod phrases;
pub mod segment;
pub mod stem;
pub mod terms;
pub mod tokens;
