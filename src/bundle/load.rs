//! Loading bundles: the compiled default one shipped inside the binary, and JSON files of
//! one's own.

use super::compile::{Compiled, compile};
use super::validate::{BundleError, Known, parse};
use crate::verify::facts::FactIndex;
use crate::verify::hoaxes::HoaxIndex;

/// The compiled default bundle, built from `data/*.json` by `saring bundle build`.
pub static DEFAULT_BUNDLE: &[u8] = include_bytes!("../../data/compiled/default.bundle");

/// A bundle with its indexes, ready to check against.
#[derive(Debug, Clone)]
pub struct LoadedBundle {
    pub data: Compiled,
    pub facts: FactIndex,
    pub hoaxes: HoaxIndex,
}

/// Decodes the default bundle.
pub fn default_bundle() -> Result<Compiled, String> {
    Compiled::from_bytes(DEFAULT_BUNDLE)
}

/// Parses, validates and compiles one JSON bundle file of one's own. `known` holds the ids of
/// bundles already loaded, which it may refer to.
pub fn bundle_from_json(
    name: &str,
    json: &str,
    known: &Known,
) -> Result<Compiled, Vec<BundleError>> {
    let file = parse(name, json).map_err(|e| vec![e])?;
    compile(&[(name.to_string(), file)], known)
}
