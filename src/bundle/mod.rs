//! The trusted-source bundle: schema, validation, compilation, loading.

pub mod compile;
pub mod import;
pub mod index;
pub mod limits;
pub mod load;
pub mod schema;
pub mod validate;

pub use limits::MAX_BUNDLE_BYTES;
