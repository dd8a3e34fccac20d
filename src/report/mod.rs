//! Reports: JSON for tools, text for people, and the words of both languages.

pub mod i18n;
pub mod json;
pub mod text;
