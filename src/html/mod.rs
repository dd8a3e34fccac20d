//! The visible text of an HTML document, for checking saved pages and `.html` files.

pub mod visible;

pub use visible::visible_text;
