// Saring — the content script: a thin loader around the Rust PageScanner (pkg/saring.js).
//
// It reads the settings from storage.local, and either marks the page as switched off
// (<html data-saring-state="off">) or loads the WebAssembly module, creates a PageScanner and
// scans. It answers the popup and the service worker (see README.md for the protocol) and tells
// the service worker the counts after every scan, for the badge. Nothing here may ever throw into
// the page: every entry point catches, and a failure sets data-saring-state="error".
//
// A classic script (content scripts cannot be modules); the core is loaded by saringLoadCore(), which
// the browser's own loader script (core.chromium.js / core.firefox.js) defines before this one runs.

(() => {
  'use strict';

  const api = globalThis.browser ?? globalThis.chrome;
  const root = document.documentElement;
  // Not an HTML document (SVG, XML viewer…), no extension context, or already running here.
  if (!api?.runtime?.id || !(root instanceof HTMLElement) || globalThis.__saringContent) return;
  globalThis.__saringContent = true;
  try { performance.mark('saring:start'); } catch { /* for the benchmarks only */ }

  const VERDICTS = ['verified', 'contradicted', 'debunked', 'unverified'];
  const ZERO = Object.freeze({ verified: 0, contradicted: 0, debunked: 0, unverified: 0 });
  const SETTING_KEYS = ['enabled', 'sites', 'sensitivity', 'lang', 'dismissed', 'bundles'];
  const MAX_DISMISSED = 5000;
  const isTop = (() => {
    try { return window.top === window; } catch { return false; }
  })();

  let modPromise = null; // the initialised module, once
  let scanner = null; // the PageScanner while the page is checked
  let selectionScanner = null; // a scanner used only for "check selection" while the site is off
  let settings = null; // the settings last applied
  let appliedSig = null; // what they amounted to, to skip re-scans that would change nothing
  let counts = null;
  let error = null; // { kind: 'csp' | 'load' | 'scan', message }
  let warned = false;
  let storageTimer = 0;

  // ---- small helpers ----------------------------------------------------------------------

  function setState(state) {
    try { root.dataset.saringState = state; } catch { /* never into the page */ }
  }

  function setCounts(c) {
    try { root.dataset.saringCounts = JSON.stringify(c); } catch { /* ignore */ }
  }

  function warnOnce(...args) {
    if (warned) return;
    warned = true;
    try { console.warn('[Saring]', ...args); } catch { /* ignore */ }
  }

  function normCounts(c) {
    const out = { ...ZERO };
    if (c && typeof c === 'object') {
      for (const v of VERDICTS) {
        const n = Number(c instanceof Map ? c.get(v) : c[v]);
        out[v] = Number.isFinite(n) && n > 0 ? n : 0;
      }
    }
    return out;
  }

  /** A plain, cloneable copy of what the wasm hands out (objects, arrays, maybe Maps). */
  function plain(v) {
    if (v instanceof Map) return Object.fromEntries([...v].map(([k, x]) => [k, plain(x)]));
    if (Array.isArray(v)) return v.map(plain);
    if (v && typeof v === 'object') {
      const o = {};
      for (const [k, x] of Object.entries(v)) o[k] = plain(x);
      return o;
    }
    return v;
  }

  function hostOf(loc) {
    try {
      const u = new URL(loc);
      return u.protocol === 'file:' ? 'file://' : u.hostname.toLowerCase();
    } catch {
      return '';
    }
  }

  /** This frame's host and the tab's (top frame's) host, when it can be known. */
  function hosts() {
    const own = hostOf(location.href);
    let top = own;
    if (!isTop) {
      try {
        top = hostOf(window.top.location.href);
      } catch {
        const anc = location.ancestorOrigins; // Chromium only
        top = anc && anc.length ? hostOf(anc[anc.length - 1]) : '';
      }
    }
    return { own, top };
  }

  function cleanSettings(got) {
    return {
      enabled: got.enabled !== false,
      sites: got.sites && typeof got.sites === 'object' && !Array.isArray(got.sites) ? got.sites : {},
      sensitivity: got.sensitivity === 'problems' ? 'problems' : 'all',
      lang: got.lang === 'en' || got.lang === 'id' ? got.lang : browserLang(),
      dismissed: Array.isArray(got.dismissed) ? got.dismissed.filter((x) => typeof x === 'string') : [],
      bundles: Array.isArray(got.bundles)
        ? got.bundles.filter((b) => b && b.enabled !== false && typeof b.json === 'string')
        : [],
    };
  }

  function browserLang() {
    try {
      const ui = (api.i18n.getUILanguage?.() || '').toLowerCase();
      return ui.startsWith('en') ? 'en' : 'id';
    } catch {
      return 'id';
    }
  }

  async function readSettings() {
    return cleanSettings(await api.storage.local.get(SETTING_KEYS));
  }

  function siteOff(s) {
    const { own, top } = hosts();
    return s.sites[own] === false || (top !== '' && s.sites[top] === false);
  }

  function signature(s) {
    if (!s.enabled || siteOff(s)) return 'off';
    return JSON.stringify([s.sensitivity, s.lang, s.dismissed, s.bundles.map((b) => [b.id, b.hash ?? b.json.length])]);
  }

  /**
   * Chromium refuses to compile WebAssembly in a content script when the page's own CSP lacks
   * 'wasm-unsafe-eval'; it throws a CompileError with an empty detail ("…instantiateStreaming(): ").
   */
  function isCspError(e) {
    const msg = String(e?.message ?? e);
    if (/Content Security Policy|unsafe-eval|wasm-eval|Refused to compile/i.test(msg)) return true;
    return e?.name === 'CompileError' && /\(\):\s*$/.test(msg);
  }

  function fail(kind, e) {
    error = { kind, message: String(e?.message ?? e) };
    counts = { ...ZERO };
    setState('error');
    report();
    if (kind === 'csp') {
      warnOnce('this page\'s Content-Security-Policy does not allow WebAssembly, so Saring cannot check it.', error.message);
    } else {
      warnOnce(`could not ${kind === 'load' ? 'load its checker' : 'check this page'}:`, error.message);
    }
  }

  /** A performance measure from `start` to now, for the benchmarks (tests/e2e/bench-browser.mjs). */
  function measure(name, start) {
    try { performance.measure(name, { start, end: performance.now() }); } catch { /* ignore */ }
  }

  /**
   * The initialised core, once. How it is loaded is each browser's own: saringLoadCore() comes from
   * core.chromium.js or core.firefox.js, listed before this script in the browser's manifest.
   */
  function loadModule() {
    if (!modPromise) {
      modPromise = (async () => {
        const t0 = performance.now();
        const mod = await saringLoadCore(api, isCspError);
        measure('saring:module', t0);
        // Only this content script's isolated world sees it; the benchmarks read the wasm
        // memory through it (wasmMemoryBytes).
        globalThis.__saringModule = mod;
        // The engine's first build step (PageScanner.create) in a task of its own, not on top of this one.
        await new Promise((resolve) => { setTimeout(resolve, 0); });
        return mod;
      })();
      // A failure is not kept: a later settings change may try again.
      modPromise.catch(() => { modPromise = null; });
    }
    return modPromise;
  }

  /** Tells the service worker this frame's counts, for the badge. */
  function report() {
    try {
      const p = api.runtime.sendMessage({
        type: 'saring:counts',
        counts: counts ?? { ...ZERO },
        state: root.dataset.saringState || null,
      });
      if (p && typeof p.catch === 'function') p.catch(() => {});
    } catch { /* the extension was reloaded or the worker is away: nothing to do */ }
  }

  function dropScanner(s) {
    if (!s) return;
    try { s.stop(); } catch { /* ignore */ }
    try { s.free?.(); } catch { /* ignore */ }
  }

  function stopAll() {
    dropScanner(scanner);
    dropScanner(selectionScanner);
    scanner = null;
    selectionScanner = null;
  }

  // The card's words in the chosen language, from _locales (through the service worker: a
  // content script cannot read the extension's files, and chrome.i18n follows the browser's
  // language, not the reader's choice). Without an answer the core's own words are used.
  const labelCache = new Map();
  async function labelsFor(lang) {
    if (!labelCache.has(lang)) {
      let labels = {};
      try {
        const got = await api.runtime.sendMessage({ type: 'saring:labels', lang });
        if (got && typeof got === 'object') labels = got;
      } catch { /* keep the core's words */ }
      labelCache.set(lang, labels);
    }
    return labelCache.get(lang);
  }

  function scannerOptions(s, withBundles = true) {
    return {
      labels: s.labels ?? {},
      lang: s.lang,
      sensitivity: s.sensitivity,
      dismissed: s.dismissed,
      bundles: withBundles ? s.bundles.map((b) => b.json) : [],
    };
  }

  /**
   * A page scanner for settings `s`. PageScanner.create builds the engine in steps with the
   * browser running in between (in one go it is a long task in a fresh tab).
   */
  async function newScanner(mod, s) {
    const create = (options) => mod.PageScanner.create(options);
    try {
      const t0 = performance.now();
      const scanner = await create(scannerOptions(s));
      measure('saring:bundle', t0);
      return scanner;
    } catch (e) {
      if (!s.bundles.length) throw e;
      // A stored bundle that no longer loads must not stop the checking: go on without it.
      warnOnce('an imported bundle could not be loaded; checking with the built-in one only:', String(e?.message ?? e));
      return await create(scannerOptions(s, false));
    }
  }

  // ---- applying the settings --------------------------------------------------------------

  async function applyOnce() {
    const s = await readSettings();
    const sig = signature(s);
    if (sig === appliedSig && (scanner || sig === 'off') && !error) {
      settings = s;
      return;
    }
    settings = s;
    error = null;
    if (sig === 'off') {
      stopAll();
      appliedSig = sig;
      counts = { ...ZERO };
      setState('off');
      report();
      return;
    }
    if (!root.dataset.saringState || root.dataset.saringState === 'off') setState('scanning');
    let mod;
    try {
      mod = await loadModule();
    } catch (e) {
      appliedSig = null;
      fail(isCspError(e) ? 'csp' : 'load', e);
      return;
    }
    s.labels = await labelsFor(s.lang);
    try {
      stopAll();
      scanner = await newScanner(mod, s);
      appliedSig = sig;
      scanner.setOnChange((c) => {
        try {
          counts = normCounts(c);
          report();
        } catch { /* never into the page */ }
      });
      // start() scans in slices, so that a large page never freezes.
      const result = await (scanner.start ? scanner.start() : scanner.scan());
      counts = normCounts(result ?? counts);
      report();
    } catch (e) {
      dropScanner(scanner);
      scanner = null;
      appliedSig = null;
      fail('scan', e);
    }
  }

  // One apply at a time; a request during one runs once more after it.
  let running = null;
  let again = false;
  function apply() {
    if (running) {
      again = true;
      return running;
    }
    running = (async () => {
      do {
        again = false;
        try {
          await applyOnce();
        } catch (e) {
          fail('scan', e);
        }
      } while (again);
    })().finally(() => { running = null; });
    return running;
  }

  // ---- answering the popup and the service worker ------------------------------------------

  function claims() {
    if (!scanner) return [];
    try {
      const list = plain(scanner.claims());
      return Array.isArray(list) ? list : [];
    } catch {
      return [];
    }
  }

  function snapshot() {
    const s = settings;
    return {
      state: root.dataset.saringState || null,
      counts: counts ?? { ...ZERO },
      claims: claims(),
      host: hosts().top || hosts().own,
      frameHost: hosts().own,
      top: isTop,
      enabled: s ? s.enabled : true,
      siteEnabled: s ? !siteOff(s) : true,
      sensitivity: s ? s.sensitivity : 'all',
      error: error ? { ...error } : null,
    };
  }

  function index(msg) {
    const i = Number(msg.index);
    return Number.isInteger(i) && i >= 0 ? i : -1;
  }

  async function dismiss(i) {
    if (!scanner || i < 0) return;
    const claim = claims().find((c) => c.index === i) ?? claims()[i];
    scanner.dismiss(i);
    await remember(claim?.key);
  }

  /** Stores a dismissed claim's key, so that it stays hidden on every page from now on. */
  async function remember(key) {
    if (typeof key !== 'string' || !key) return;
    const got = await api.storage.local.get('dismissed');
    // Keys start with the signature of the bundles they were dismissed under; those of other
    // bundles no longer apply (the verdict may have changed), so they go.
    const sig = key.slice(0, key.indexOf(':') + 1);
    const list = Array.isArray(got.dismissed)
      ? got.dismissed.filter((x) => typeof x === 'string' && (!sig || x.startsWith(sig)))
      : [];
    if (!list.includes(key)) list.push(key);
    while (list.length > MAX_DISMISSED) list.shift();
    if (settings) {
      settings.dismissed = list;
      appliedSig = signature(settings); // our own change: no re-scan for it
    }
    await api.storage.local.set({ dismissed: list });
  }

  async function checkSelection(text) {
    let sel = '';
    try { sel = String(window.getSelection?.() ?? ''); } catch { /* ignore */ }
    const what = (sel.trim() ? sel : String(text ?? '')).trim();
    if (!what) return false;
    let target = scanner;
    if (!target) {
      // Switched off here (or not loaded yet): the reader asked explicitly, so check this text.
      const mod = await loadModule();
      const s = settings ?? (await readSettings());
      s.labels ??= await labelsFor(s.lang);
      selectionScanner ??= await newScanner(mod, s);
      target = selectionScanner;
    }
    target.checkSelection(what);
    return true;
  }

  async function handle(msg) {
    switch (msg.type) {
      case 'saring:getClaims':
        // Answer once the check under way is done, but never keep the popup waiting long.
        if (running) await Promise.race([running, new Promise((r) => setTimeout(r, 3000))]);
        return snapshot();
      case 'saring:focus':
        if (scanner && index(msg) >= 0) scanner.focusClaim(index(msg));
        return { ok: Boolean(scanner) };
      case 'saring:next':
        scanner?.nextClaim();
        return { ok: Boolean(scanner) };
      case 'saring:previous':
        scanner?.previousClaim();
        return { ok: Boolean(scanner) };
      case 'saring:checkSelection':
        return { ok: await checkSelection(msg.text) };
      case 'saring:settingsChanged':
        await apply();
        return snapshot();
      case 'saring:dismiss':
        await dismiss(index(msg));
        return snapshot();
      default:
        return undefined;
    }
  }

  try {
    api.runtime.onMessage.addListener((msg, _sender, sendResponse) => {
      if (!msg || typeof msg.type !== 'string' || !msg.type.startsWith('saring:') || msg.type === 'saring:counts') {
        return false;
      }
      handle(msg).then(
        (r) => { try { sendResponse(r ?? null); } catch { /* the asker went away */ } },
        (e) => { try { sendResponse({ error: String(e?.message ?? e), ...snapshot() }); } catch { /* ignore */ } },
      );
      return true; // answered asynchronously
    });

    // The card's own "dismiss" button: the scanner has hidden the claim and hands over its key
    // as a property of the event object, which only this (isolated) world can see; an event the
    // page dispatches under the same name carries no key here and is ignored.
    window.addEventListener('saring-dismiss', (ev) => {
      try {
        const key = ev.saringKey;
        if (typeof key === 'string' && key) remember(key).catch(() => {});
      } catch { /* ignore */ }
    });

    // Settings changed elsewhere (options page, another tab's popup): apply them here too.
    api.storage.onChanged.addListener((changes, area) => {
      try {
        if (area !== 'local' || !SETTING_KEYS.some((k) => k in changes)) return;
        clearTimeout(storageTimer);
        storageTimer = setTimeout(() => { apply(); }, 50);
      } catch { /* ignore */ }
    });
  } catch (e) {
    fail('load', e);
    return;
  }
  apply();
})();
