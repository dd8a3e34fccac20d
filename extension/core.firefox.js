// Saring — loading the Rust core in Firefox's content script. Listed in the Firefox manifest after
// pkg/saring-classic.js and before content.js, in the same content-script sandbox, and shipped in
// dist/firefox only (Chromium has core.chromium.js instead).
//
// Why not import() the ES module glue as Chromium does: Firefox resolves import() in a content
// script against the page, so only an absolute moz-extension URL computed at run time would do
// (its UUID differs per install), and addons.mozilla.org's linter rejects a computed import() as
// unsafe. So the build ships the same saring_bg.wasm with a second glue, wasm-bindgen's
// `--target no-modules` output (pkg/saring-classic.js), which the manifest loads as a classic
// content script and which defines `wasm_bindgen` in this sandbox, invisible to the page.

/**
 * The core, initialised: `wasm_bindgen` carries the exports (PageScanner, Checker…) that
 * content.js uses. Firefox does not apply the page's CSP to a content script's WebAssembly, so
 * there is no fallback here (and no wasm2js build in the Firefox package).
 */
async function saringLoadCore(api) {
  await wasm_bindgen({ module_or_path: api.runtime.getURL('pkg/saring_bg.wasm') });
  return wasm_bindgen;
}
