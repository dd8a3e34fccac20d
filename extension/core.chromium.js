// Saring — loading the Rust core in Chromium's content script. Listed before content.js in the
// Chromium manifest, in the same isolated world, and shipped in dist/chromium only (Firefox has
// core.firefox.js instead).
//
// Content scripts cannot be modules, so the wasm-bindgen `--target web` glue (an ES module) is
// imported dynamically from its extension URL.

/**
 * The core's module, initialised: its exports (PageScanner, Checker…) are what content.js uses.
 *
 * Chromium refuses to compile WebAssembly in a content script on pages whose CSP lacks
 * 'wasm-unsafe-eval'. The same Rust, compiled to JavaScript (wasm2js, pkg-js/), is shipped for
 * them; it loads slower and runs slower, so it is only the fallback. `isCspError` is content.js's
 * test for that refusal.
 */
async function saringLoadCore(api, isCspError) {
  const mod = await import(api.runtime.getURL('pkg/saring.js'));
  try {
    await mod.default({ module_or_path: api.runtime.getURL('pkg/saring_bg.wasm') });
    return mod;
  } catch (e) {
    if (!isCspError(e)) throw e;
    return await import(api.runtime.getURL('pkg-js/saring.js'));
  }
}
