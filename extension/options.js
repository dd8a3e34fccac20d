// Saring — the options page: language, the global switch and sensitivity, the sites switched
// off, the hidden claims, and the bundles (the built-in one, and files of one's own).
//
// A bundle file is validated by the same Rust core the pages use (Checker.addBundle), alone and
// then together with the other bundles in use; a bad file puts the core's message in
// #bundle-error and changes nothing in storage.

import { initI18n, t, verdictName, verdictHelp, formatNumber, currentLang } from './i18n.js';
import { readSettings, writeSettings, setSite } from './settings.js';

const api = globalThis.browser ?? globalThis.chrome;
const MAX_BUNDLE_BYTES = 8 * 1024 * 1024; // storage.local holds 10 MB in all
const VERDICTS = ['verified', 'contradicted', 'debunked', 'unverified'];

const $ = (id) => document.getElementById(id);

let settings = null;
let builtin = null; // bundleInfo() of the built-in bundle
let builtinError = null;
let engineReady = null;
let Checker = null;

/** The wasm core (pkg/saring.js), loaded once; the rest of the page works without it. */
function engine() {
  engineReady ??= (async () => {
    const mod = await import('./pkg/saring.js');
    await mod.default({ module_or_path: api.runtime.getURL('pkg/saring_bg.wasm') });
    Checker = mod.Checker;
  })();
  engineReady.catch(() => { engineReady = null; });
  return engineReady;
}

function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined || v === null || v === false) continue;
    if (k === 'class') node.className = v;
    else if (k === 'dataset') Object.assign(node.dataset, v);
    else node.setAttribute(k, v === true ? '' : String(v));
  }
  for (const c of children) if (c !== null && c !== undefined) node.append(c);
  return node;
}

function plain(v) {
  if (v instanceof Map) return Object.fromEntries([...v].map(([k, x]) => [k, plain(x)]));
  if (Array.isArray(v)) return v.map(plain);
  if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, plain(x)]));
  return v;
}

function message(e) {
  return String(e?.message ?? e ?? '');
}

function status(text) {
  $('status').textContent = text;
}

function formatBytes(n) {
  return n >= 1024 * 1024 ? `${(n / 1024 / 1024).toFixed(1)} MB` : `${Math.ceil(n / 1024)} kB`;
}

/** "2026.11.23" (the bundles' version scheme) as a date in the UI language, or ''. */
function versionDate(version) {
  const m = /^(\d{4})[.-](\d{2})[.-](\d{2})/.exec(String(version ?? ''));
  if (!m) return '';
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  if (Number.isNaN(d.getTime())) return '';
  try {
    return new Intl.DateTimeFormat(currentLang() === 'en' ? 'en-GB' : 'id-ID', { dateStyle: 'long', timeZone: 'UTC' }).format(d);
  } catch {
    return d.toISOString().slice(0, 10);
  }
}

function bundleMeta(info) {
  const parts = [t('optionsBundleVersion', info.version ?? '?')];
  const date = versionDate(info.version);
  if (date) parts.push(t('optionsBundleDate', date));
  if (info.hash) parts.push(t('optionsBundleHash', info.hash));
  return parts.join(' · ');
}

function bundleCounts(info) {
  return t('optionsBundleCounts', formatNumber(info.facts ?? 0), formatNumber(info.debunked ?? 0), formatNumber(info.sources ?? 0));
}

// ---- rendering ------------------------------------------------------------------------------

function renderGeneral() {
  $('lang').value = currentLang();
  $('enabled').checked = settings.enabled;
  $('sensitivity').value = settings.sensitivity;
  const legend = $('legend');
  legend.replaceChildren(...VERDICTS.map((v) => el('li', { class: `verdict-${v}`, dataset: { verdict: v } },
    el('span', { class: 'sample' }, verdictName(v)), ' — ', verdictHelp(v))));
}

function renderSites() {
  const hosts = Object.keys(settings.sites).filter((h) => settings.sites[h] === false).sort();
  $('sites').replaceChildren(...hosts.map((host) => {
    const button = el('button', { type: 'button', class: 'button small', 'aria-label': t('optionsSiteRemoveLabel', host) },
      t('optionsSiteRemove'));
    button.addEventListener('click', async () => {
      await setSite(host, true);
      status(t('optionsSaved'));
    });
    return el('li', { dataset: { host } }, el('span', { class: 'site-host' }, host), button);
  }));
  $('sites-empty').hidden = hosts.length > 0;
}

function renderDismissed() {
  const n = settings.dismissed.length;
  $('dismissed-count').textContent = n ? t('optionsDismissedCount', formatNumber(n)) : t('optionsDismissedNone');
  $('dismissed-clear').hidden = n === 0;
}

function renderBuiltin() {
  const box = $('builtin-bundle');
  if (builtinError) {
    box.replaceChildren(el('p', { class: 'error', role: 'alert' }, t('optionsBundleLoadError', builtinError)));
  } else if (!builtin) {
    box.replaceChildren(el('p', { class: 'bundle-meta' }, t('optionsBundleLoading')));
  } else {
    box.dataset.bundleId = builtin.id;
    box.replaceChildren(
      el('p', { class: 'bundle-name' }, builtin.name || builtin.id),
      el('p', { class: 'bundle-meta', id: 'builtin-version' }, bundleMeta(builtin)),
      el('p', { class: 'bundle-meta' }, bundleCounts(builtin)),
    );
  }
}

function renderBundles() {
  const list = settings.bundles;
  $('bundles').replaceChildren(...list.map((b) => {
    const name = b.name || b.id;
    const toggle = el('input', {
      type: 'checkbox', role: 'switch', class: 'switch', id: `bundle-on-${b.id}`,
      'aria-label': t('optionsBundleEnabledLabel', name),
    });
    toggle.checked = b.enabled !== false;
    toggle.addEventListener('change', () => updateBundles((all) => all.map((x) => (x.id === b.id ? { ...x, enabled: toggle.checked } : x))));
    const remove = el('button', { type: 'button', class: 'button small bundle-remove', 'aria-label': t('optionsBundleRemoveLabel', name) },
      t('optionsBundleRemove'));
    remove.addEventListener('click', async () => {
      await updateBundles((all) => all.filter((x) => x.id !== b.id));
      $('bundle-notice').textContent = t('optionsBundleRemoved', name);
      $('bundle-file').focus();
    });
    return el('li', { class: 'bundle-item', dataset: { bundleId: b.id, enabled: String(b.enabled !== false) } },
      el('div', { class: 'bundle-text' },
        el('p', { class: 'bundle-name' }, name),
        el('p', { class: 'bundle-meta' }, bundleMeta(b)),
        el('p', { class: 'bundle-meta' }, bundleCounts(b)),
        b.file ? el('p', { class: 'bundle-meta' }, t('optionsBundleFile', b.file)) : null),
      el('div', { class: 'bundle-controls' },
        toggle, el('label', { for: `bundle-on-${b.id}`, 'aria-hidden': 'true' }, t('optionsBundleEnabled')), remove));
  }));
  $('bundles-empty').hidden = list.length > 0;
}

function renderAll() {
  renderGeneral();
  renderSites();
  renderDismissed();
  renderBuiltin();
  renderBundles();
}

// ---- changes --------------------------------------------------------------------------------

async function save(patch) {
  try {
    await writeSettings(patch);
    status(t('optionsSaved'));
    return true;
  } catch (e) {
    status(t('optionsSaveFailed', message(e)));
    return false;
  }
}

async function updateBundles(fn) {
  const { bundles } = await readSettings(['bundles']);
  return save({ bundles: fn(bundles) });
}

function bundleError(file, why) {
  $('bundle-notice').textContent = '';
  $('bundle-error').textContent = t('optionsImportError', file, why.replace(/\s*$/, '').replace(/([^.!?])$/, '$1.'));
}

/** Validates and stores a bundle file; a bad one changes nothing. */
async function importBundle(file) {
  $('bundle-error').textContent = '';
  $('bundle-notice').textContent = '';
  if (file.size > MAX_BUNDLE_BYTES) {
    bundleError(file.name, t('optionsImportTooBig', formatBytes(file.size)));
    return;
  }
  let text;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(await file.arrayBuffer()).replace(/^\uFEFF/, '');
  } catch {
    bundleError(file.name, t('optionsImportNotText'));
    return;
  }
  try {
    await engine();
  } catch (e) {
    bundleError(file.name, t('optionsBundleLoadError', message(e)));
    return;
  }

  // The file alone, for a message about this file.
  let info;
  const alone = new Checker();
  try {
    info = plain(alone.addBundle(file.name, text));
  } catch (e) {
    bundleError(file.name, message(e));
    return;
  } finally {
    alone.free?.();
  }
  if (builtin && info.id === builtin.id) {
    bundleError(file.name, t('optionsImportBuiltinId', info.id));
    return;
  }

  // Together with the other bundles in use, as the pages will load them.
  const { bundles } = await readSettings(['bundles']);
  const others = bundles.filter((b) => b.id !== info.id && b.enabled !== false);
  const together = new Checker();
  try {
    for (const b of others) together.addBundle(b.file || b.name || b.id, b.json);
    together.addBundle(file.name, text);
  } catch (e) {
    bundleError(file.name, message(e));
    return;
  } finally {
    together.free?.();
  }

  const replaced = bundles.some((b) => b.id === info.id);
  const entry = {
    id: String(info.id),
    name: String(info.name || info.id),
    version: String(info.version ?? ''),
    hash: String(info.hash ?? ''),
    facts: Number(info.facts) || 0,
    debunked: Number(info.debunked) || 0,
    sources: Number(info.sources) || 0,
    file: file.name,
    added: new Date().toISOString(),
    json: text,
    enabled: true,
  };
  const next = replaced ? bundles.map((b) => (b.id === entry.id ? entry : b)) : [...bundles, entry];
  try {
    await writeSettings({ bundles: next });
  } catch (e) {
    bundleError(file.name, t('optionsSaveFailed', message(e)));
    return;
  }
  $('bundle-notice').textContent = replaced
    ? t('optionsImportReplaced', entry.name, entry.version)
    : t('optionsImportOk', entry.name, entry.version);
}

async function loadBuiltin() {
  try {
    await engine();
    const checker = new Checker();
    try {
      const info = plain(checker.bundleInfo());
      builtin = info?.bundles?.[0] ?? null;
    } finally {
      checker.free?.();
    }
  } catch (e) {
    builtinError = message(e);
  }
  renderBuiltin();
}

async function main() {
  await initI18n();
  settings = await readSettings();
  renderAll();
  document.documentElement.dataset.saringOptions = 'ready';

  $('lang').addEventListener('change', async (e) => {
    const lang = e.target.value === 'en' ? 'en' : 'id';
    await save({ lang });
    await initI18n(lang);
    renderAll();
    status(t('optionsSaved'));
  });
  $('enabled').addEventListener('change', (e) => save({ enabled: e.target.checked }));
  $('sensitivity').addEventListener('change', (e) => save({ sensitivity: e.target.value === 'problems' ? 'problems' : 'all' }));
  $('dismissed-clear').addEventListener('click', async () => {
    await save({ dismissed: [] });
    $('dismissed-count').focus();
  });
  $('bundle-file').addEventListener('change', async (e) => {
    const input = e.target;
    const file = input.files?.[0];
    if (!file) return;
    document.documentElement.dataset.saringOptions = 'importing';
    try {
      await importBundle(file);
    } catch (err) {
      bundleError(file.name, message(err));
    } finally {
      input.value = '';
      document.documentElement.dataset.saringOptions = 'ready';
    }
  });

  // Changes from the popup or another window.
  api.storage.onChanged.addListener(async (changes, area) => {
    if (area !== 'local') return;
    settings = await readSettings();
    if ('lang' in changes && changes.lang.newValue !== currentLang()) await initI18n();
    renderAll();
  });

  await loadBuiltin();
}

main().catch((e) => {
  document.documentElement.dataset.saringOptions = 'error';
  status(t('optionsBundleLoadError', message(e)));
});
