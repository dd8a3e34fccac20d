// Saring — user-facing strings of the extension pages (popup, options).
//
// Every string lives in _locales/<lang>/messages.json. chrome.i18n.getMessage() can only follow
// the browser's language, so the pages load the messages of the language chosen in the options
// (storage.local "lang") themselves, from the extension's own files, and format them the way
// the browser would ($NAME$ placeholders whose content is $1…$9). Without a choice, the
// browser's language decides: English for an English browser, Indonesian otherwise.
//
//   await initI18n();        // loads the messages, sets <html lang>, fills data-i18n markup
//   t('popupSummaryMany', 3) // → "3 klaim pemilu di halaman ini"
//
// Static markup carries data-i18n="key" (textContent) and
// data-i18n-attr="aria-label=key;title=key" (attributes).

const api = globalThis.browser ?? globalThis.chrome;

export const LANGS = ['id', 'en'];

let messages = null;
let current = 'id';

/** The language the browser would pick among ours. */
export function browserLang() {
  try {
    const ui = (api.i18n.getUILanguage?.() || api.i18n.getMessage('@@ui_locale') || '').toLowerCase();
    return ui.startsWith('en') ? 'en' : 'id';
  } catch {
    return 'id';
  }
}

/** The stored choice, or the browser's. */
export async function chosenLang() {
  try {
    const { lang } = await api.storage.local.get('lang');
    if (LANGS.includes(lang)) return lang;
  } catch { /* fall through */ }
  return browserLang();
}

export function currentLang() {
  return current;
}

/** Loads the messages of `lang` (or the chosen language) and applies them to the page. */
export async function initI18n(lang) {
  current = LANGS.includes(lang) ? lang : await chosenLang();
  try {
    const res = await fetch(api.runtime.getURL(`_locales/${current}/messages.json`));
    messages = res.ok ? await res.json() : null;
  } catch {
    messages = null; // chrome.i18n.getMessage (browser language) still answers
  }
  document.documentElement.lang = current;
  applyI18n(document);
  return current;
}

function format(entry, subs) {
  const ph = entry.placeholders || {};
  const fill = (content) => String(content).replace(/\$(\d)/g, (_, n) => String(subs[Number(n) - 1] ?? ''));
  return entry.message.replace(/\$\$|\$([A-Za-z0-9_@]+)\$/g, (whole, name) => {
    if (whole === '$$') return '$';
    const p = ph[name.toLowerCase()];
    return p ? fill(p.content) : '';
  });
}

/** The message `key` in the current language, with substitutions in placeholder order. */
export function t(key, ...subs) {
  const strs = subs.map((s) => String(s));
  const entry = messages?.[key];
  if (entry && typeof entry.message === 'string') return format(entry, strs);
  try {
    return api.i18n.getMessage(key, strs) || key;
  } catch {
    return key;
  }
}

/** Fills data-i18n and data-i18n-attr in `root`. */
export function applyI18n(root) {
  for (const el of root.querySelectorAll('[data-i18n]')) el.textContent = t(el.dataset.i18n);
  for (const el of root.querySelectorAll('[data-i18n-attr]')) {
    for (const pair of el.dataset.i18nAttr.split(';')) {
      const [attr, key] = pair.split('=').map((s) => s.trim());
      if (attr && key) el.setAttribute(attr, t(key));
    }
  }
  const title = document.querySelector('title[data-i18n]');
  if (title) document.title = title.textContent;
}

/** Verdict names and help, by verdict. */
export function verdictName(v) {
  return t(`verdict${v.charAt(0).toUpperCase()}${v.slice(1)}`);
}

export function verdictHelp(v) {
  return t(`verdictHelp${v.charAt(0).toUpperCase()}${v.slice(1)}`);
}

export function formatNumber(n) {
  try {
    return new Intl.NumberFormat(current === 'en' ? 'en' : 'id').format(n);
  } catch {
    return String(n);
  }
}
