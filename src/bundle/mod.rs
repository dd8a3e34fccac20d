//! The trusted-source bundle: schema, validation, compilation, loading.

pub mod compile;
pub mod import;
pub mod index;
pub mod load;
pub mod schema;
pub mod validate;
