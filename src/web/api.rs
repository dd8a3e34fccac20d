//! `Checker`, the object pages and the extension use:
//!
//! ```js
//! import init, { Checker } from './pkg/saring.js';
//! await init();
//! const checker = new Checker();
//! checker.check(text, "auto");     // { text_len, lang, claims: [...] }
//! ```
//!
//! Results cross the boundary as plain JS objects with the same fields as the CLI's JSON
//! (`start_utf16`/`end_utf16` are the offsets to slice a JS string with). Errors are JS `Error`s
//! whose message says what is wrong.

use serde::Serialize;
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;

use crate::bundle::MAX_BUNDLE_BYTES;
use crate::bundle::index::index_json;
use crate::bundle::limits::check_size;
use crate::html::visible_text;
use crate::{CheckOptions, Claim, Engine, Lang, Report};

fn to_js<T: Serialize + ?Sized>(v: &T) -> Result<JsValue, JsError> {
    v.serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .map_err(|e| JsError::new(&format!("could not hand the result to JavaScript: {e}")))
}

fn options(lang: Option<String>, url: Option<String>) -> Result<CheckOptions, JsError> {
    let lang = match lang.as_deref() {
        None | Some("") | Some("auto") => None,
        Some(code) => Some(Lang::parse(code).ok_or_else(|| {
            JsError::new(&format!(
                "language must be \"id\", \"en\" or \"auto\", not \"{code}\""
            ))
        })?),
    };
    Ok(CheckOptions { lang, url })
}

#[derive(Serialize)]
struct CheckResult<'a> {
    #[serde(skip_serializing_if = "Option::is_none")]
    text: Option<&'a str>,
    text_len: usize,
    lang: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    page_source: Option<&'a str>,
    claims: &'a [Claim],
}

fn result<'a>(r: &'a Report, text: Option<&'a str>) -> CheckResult<'a> {
    CheckResult {
        text,
        text_len: r.text_len,
        lang: r.lang.code(),
        page_source: r.page_source.as_deref(),
        claims: &r.claims,
    }
}

/// The largest bundle file `Checker.addBundle` accepts, in bytes of UTF-8 (16 MiB): the
/// options page can refuse a larger file before reading it.
#[wasm_bindgen(js_name = maxBundleBytes)]
pub fn max_bundle_bytes() -> u32 {
    MAX_BUNDLE_BYTES as u32
}

/// Bytes of WebAssembly memory this module instance holds: what a tab pays for Saring beyond
/// the JavaScript heap. Read only by the benchmarks (`tests/e2e/bench-browser.mjs`); it never
/// shrinks, so after a scan it is the peak.
#[wasm_bindgen(js_name = wasmMemoryBytes)]
pub fn wasm_memory_bytes() -> f64 {
    wasm_bindgen::memory()
        .unchecked_into::<js_sys::WebAssembly::Memory>()
        .buffer()
        .unchecked_into::<js_sys::ArrayBuffer>()
        .byte_length() as f64
}

/// The engine with its bundles, for one page or one extension context.
#[wasm_bindgen]
pub struct Checker {
    engine: Engine,
}

#[wasm_bindgen]
impl Checker {
    /// Loads the default bundle compiled into the module.
    #[wasm_bindgen(constructor)]
    pub fn new() -> Result<Checker, JsError> {
        let engine = Engine::new().map_err(|e| JsError::new(&e))?;
        Ok(Checker { engine })
    }

    /// Checks plain text. `lang`: "id", "en" or "auto"; `url`: the page's address, if any.
    pub fn check(
        &self,
        text: &str,
        lang: Option<String>,
        url: Option<String>,
    ) -> Result<JsValue, JsError> {
        let r = self.engine.check(text, &options(lang, url)?);
        to_js(&result(&r, None))
    }

    /// Checks the visible text of an HTML document; the result carries that text, which the
    /// offsets refer to.
    #[wasm_bindgen(js_name = checkHtml)]
    pub fn check_html(
        &self,
        html: &str,
        lang: Option<String>,
        url: Option<String>,
    ) -> Result<JsValue, JsError> {
        let text = visible_text(html);
        let r = self.engine.check(&text, &options(lang, url)?);
        to_js(&result(&r, Some(&text)))
    }

    /// Adds a bundle of one's own (JSON, format v1). On error nothing changes — the bundles
    /// already added keep working as they were — and the message names the file, the JSON
    /// path and the problem. A text over [`maxBundleBytes`](max_bundle_bytes) is refused
    /// before it is copied into the module's memory.
    #[wasm_bindgen(js_name = addBundle)]
    pub fn add_bundle(&mut self, name: &str, json: JsValue) -> Result<JsValue, JsError> {
        let Some(js) = json.dyn_ref::<js_sys::JsString>() else {
            return Err(JsError::new(&format!(
                "{name}: at $: the bundle must be given as the file's text (a string)"
            )));
        };
        // A UTF-16 length over the limit means at least as many UTF-8 bytes.
        check_size(name, js.length() as u64).map_err(|e| JsError::new(&e.to_string()))?;
        let json = String::from(js);
        match self.engine.add_bundle_json(name, &json) {
            Ok(c) => to_js(&serde_json::json!({
                "id": c.meta.id, "name": c.meta.name, "version": c.meta.version, "hash": c.hash,
                "facts": c.facts.len(), "debunked": c.debunked.len(), "sources": c.sources.len(),
            })),
            Err(errs) => {
                let first = errs
                    .first()
                    .map(ToString::to_string)
                    .unwrap_or_else(|| "invalid bundle".into());
                let more = if errs.len() > 1 {
                    format!(" (and {} more problems)", errs.len() - 1)
                } else {
                    String::new()
                };
                Err(JsError::new(&format!("{first}{more}")))
            }
        }
    }

    /// The loaded bundles: id, name, version, content hash and counts.
    #[wasm_bindgen(js_name = bundleInfo)]
    pub fn bundle_info(&self) -> Result<JsValue, JsError> {
        let bundles: Vec<_> = self
            .engine
            .bundles()
            .map(|c| {
                serde_json::json!({
                    "id": c.meta.id, "name": c.meta.name, "version": c.meta.version, "hash": c.hash,
                    "facts": c.facts.len(), "debunked": c.debunked.len(), "sources": c.sources.len(),
                })
            })
            .collect();
        to_js(&serde_json::json!({ "bundles": bundles }))
    }

    /// Everything in the default bundle, for the bundle browser (the same document as
    /// `data/compiled/index.json`).
    #[wasm_bindgen(js_name = bundleIndex)]
    pub fn bundle_index(&self) -> Result<JsValue, JsError> {
        let c = self
            .engine
            .bundles()
            .next()
            .ok_or_else(|| JsError::new("no bundle is loaded"))?;
        to_js(&index_json(c))
    }

    /// The version of the Saring core.
    pub fn version(&self) -> String {
        env!("CARGO_PKG_VERSION").to_string()
    }
}
