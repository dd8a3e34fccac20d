// Saring — the settings in storage.local, as the extension pages read and write them.
// (content.js and sw.js are classic scripts and read the same keys themselves.)
//
//   enabled      boolean, default true: the global switch
//   sites        { host: false } for every site switched off (no entry = on)
//   sensitivity  'all' (default) | 'problems' (only contradicted and debunked are marked)
//   lang         'id' | 'en'; absent = the browser's language (Indonesian unless English)
//   dismissed    [key, …]: normalised texts of the claims the reader hid
//   bundles      [{ id, name, version, hash, facts, debunked, sources, file, added, json, enabled }]

const api = globalThis.browser ?? globalThis.chrome;

export const DEFAULTS = Object.freeze({
  enabled: true,
  sites: {},
  sensitivity: 'all',
  lang: null,
  dismissed: [],
  bundles: [],
});

/** All settings (or only `keys`), with defaults for what is missing or malformed. */
export async function readSettings(keys = Object.keys(DEFAULTS)) {
  const got = await api.storage.local.get(keys);
  const out = {};
  for (const k of keys) out[k] = clean(k, got[k]);
  return out;
}

function clean(key, v) {
  switch (key) {
    case 'enabled': return v !== false;
    case 'sites': return v && typeof v === 'object' && !Array.isArray(v) ? v : {};
    case 'sensitivity': return v === 'problems' ? 'problems' : 'all';
    case 'lang': return v === 'id' || v === 'en' ? v : null;
    case 'dismissed': return Array.isArray(v) ? v.filter((x) => typeof x === 'string') : [];
    case 'bundles': return Array.isArray(v) ? v.filter((b) => b && typeof b.id === 'string' && typeof b.json === 'string') : [];
    default: return v;
  }
}

export async function writeSettings(patch) {
  await api.storage.local.set(patch);
}

/** Switches one site on (drops its entry) or off. */
export async function setSite(host, on) {
  const { sites } = await readSettings(['sites']);
  const next = { ...sites };
  if (on) delete next[host];
  else next[host] = false;
  await api.storage.local.set({ sites: next });
  return next;
}
