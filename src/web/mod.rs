//! The browser side (wasm32 only): the JavaScript API over the core. The core knows nothing
//! of this module; spans are handed out in UTF-16 as well, which is what JavaScript counts.

pub mod api;
