//! The browser side (wasm32 only): the JavaScript API over the core, and the page scanner of
//! the extension. The core knows nothing of this module; spans are handed out in UTF-16 as
//! well, which is what JavaScript and the DOM count.

pub mod api;
pub mod card;
pub mod dom_text;
pub mod highlight;
pub mod nearby;
pub mod scanner;
