// Saring — the popup: this page's counts and claims, the site and global switches, sensitivity.
//
// It asks the tab's top-frame content script ({type:'saring:getClaims'}, frameId 0) and renders
// the answer; choosing a claim sends {type:'saring:focus', index}. The switches are stored in
// storage.local, then {type:'saring:settingsChanged'} goes to every frame of the tab.
//
// popup.html?tab=<tabId> picks the tab explicitly (for tests, or opened as a page); otherwise the
// active tab of the current window.

import { initI18n, t, verdictName, verdictHelp, formatNumber, currentLang } from './i18n.js';
import { readSettings, writeSettings, setSite } from './settings.js';

const api = globalThis.browser ?? globalThis.chrome;
const VERDICTS = ['contradicted', 'debunked', 'unverified', 'verified'];
const PROBLEMS = new Set(['contradicted', 'debunked']);

const $ = (id) => document.getElementById(id);

let tabId = null;
let snap; // the content script's last answer; null when it cannot be reached, undefined before asking
let settings = null;

// ---- talking to the tab ---------------------------------------------------------------------

async function targetTab() {
  const params = new URLSearchParams(location.search);
  if (params.has('tab')) {
    const id = Number(params.get('tab'));
    if (Number.isInteger(id) && id >= 0) return id;
  }
  try {
    const [tab] = await api.tabs.query({ active: true, currentWindow: true });
    return typeof tab?.id === 'number' ? tab.id : null;
  } catch {
    return null;
  }
}

async function send(msg, toAllFrames = false) {
  if (tabId === null) return null;
  try {
    const r = await api.tabs.sendMessage(tabId, msg, toAllFrames ? undefined : { frameId: 0 });
    return r ?? null;
  } catch {
    return null; // no content script there: a browser page, a store, or one still loading
  }
}

async function refresh() {
  snap = await send({ type: 'saring:getClaims' });
  render();
}

/** Asks again while the page is being checked (or before its script has started). */
async function refreshUntilSettled() {
  for (let i = 0; i < 60; i += 1) {
    await refresh();
    if (snap && snap.state !== 'scanning' && snap.state !== null) return;
    if (!snap && i >= 8) return; // nothing answers: it cannot be scanned
    await new Promise((r) => setTimeout(r, 250));
  }
}

// ---- rendering ------------------------------------------------------------------------------

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

const SVG = 'http://www.w3.org/2000/svg';
const ICONS = {
  verified: 'M3.5 8.5l3 3 6-7',
  contradicted: 'M3 6h10M3 10h10M11 3L5 13',
  debunked: 'M4 4l8 8M12 4l-8 8',
  unverified: 'M6 6a2 2 0 1 1 2.8 1.8C8.3 8.1 8 8.5 8 9v1M8 12.2v.3',
};

function icon(verdict) {
  const svg = document.createElementNS(SVG, 'svg');
  svg.setAttribute('viewBox', '0 0 16 16');
  svg.setAttribute('class', `icon verdict-icon verdict-${verdict}`);
  svg.setAttribute('aria-hidden', 'true');
  svg.setAttribute('focusable', 'false');
  const path = document.createElementNS(SVG, 'path');
  path.setAttribute('d', ICONS[verdict] ?? ICONS.unverified);
  svg.append(path);
  return svg;
}

function isHttp(url) {
  try {
    const u = new URL(url);
    return u.protocol === 'https:' || u.protocol === 'http:';
  } catch {
    return false;
  }
}

function shorten(s, n = 90) {
  const one = String(s ?? '').replace(/\s+/g, ' ').trim();
  return one.length > n ? `${one.slice(0, n - 1)}…` : one;
}

function reasonOf(claim) {
  const r = claim.reason;
  if (!r) return '';
  if (typeof r === 'string') return r;
  return r[currentLang()] ?? r.id ?? r.en ?? '';
}

function officialOf(claim) {
  const v = claim.official_value;
  if (v === undefined || v === null || v === '') return '';
  if (typeof v === 'string' || typeof v === 'number') return String(v);
  if (typeof v === 'object') return String(v[currentLang()] ?? v.id ?? v.en ?? v.text ?? JSON.stringify(v));
  return '';
}

function claimItem(claim) {
  const verdict = VERDICTS.includes(claim.verdict) ? claim.verdict : 'unverified';
  const index = Number.isInteger(claim.index) ? claim.index : 0;
  const textId = `claim-text-${index}`;
  const main = el('button', {
    type: 'button', class: 'claim-main', 'aria-describedby': `claim-reason-${index}`,
  },
  el('span', { class: `claim-verdict verdict-${verdict}` }, icon(verdict), el('span', {}, verdictName(verdict))),
  el('span', { class: 'claim-text', id: textId }, `“${shorten(claim.text, 240)}”`));
  main.addEventListener('click', () => focusClaim(index));

  const li = el('li', { class: `claim verdict-${verdict}`, dataset: { index: String(index), verdict } }, main);
  const reason = reasonOf(claim);
  li.append(el('p', { class: 'claim-reason', id: `claim-reason-${index}` }, reason));
  const official = officialOf(claim);
  if (official) li.append(el('p', { class: 'claim-official' }, t('popupOfficial', official)));
  const sources = Array.isArray(claim.sources) ? claim.sources.filter((s) => s && s.name) : [];
  if (sources.length) {
    const ul = el('ul', { class: 'claim-sources', 'aria-label': t('popupSources') });
    for (const s of sources.slice(0, 3)) {
      const name = String(s.name);
      const label = s.date ? `${name} (${s.date})` : name;
      ul.append(el('li', {}, isHttp(s.url)
        ? el('a', { href: s.url, target: '_blank', rel: 'noopener noreferrer' }, label)
        : label));
    }
    li.append(ul);
  }
  const dismiss = el('button', {
    type: 'button', class: 'button small claim-dismiss', 'aria-label': t('popupDismissLabel', shorten(claim.text, 60)),
  }, t('popupDismiss'));
  dismiss.addEventListener('click', () => dismissClaim(index));
  li.append(el('div', { class: 'claim-actions' }, dismiss));
  return li;
}

function setEmpty(message) {
  const p = $('empty');
  p.textContent = message ?? '';
  p.hidden = !message;
}

function render() {
  const html = document.documentElement;
  const list = $('claims');
  const section = $('claims-section');
  const counts = $('counts');
  const summary = $('summary-text');

  // The switches.
  const host = snap?.host || '';
  $('site-switch-label').textContent = host ? t('popupSiteSwitch', host) : t('popupSiteSwitchNoHost');
  $('site-switch').disabled = !snap || !host;
  $('site-switch').checked = snap ? snap.siteEnabled !== false && !(host && settings.sites[host] === false) : false;
  $('global-switch').checked = settings.enabled;
  $('sensitivity').value = settings.sensitivity;

  list.replaceChildren();
  counts.replaceChildren();
  section.hidden = true;
  counts.hidden = true;
  $('hidden-note').hidden = true;
  summary.textContent = '';

  let state;
  if (snap === undefined) {
    state = 'loading';
    setEmpty(t('popupScanning'));
  } else if (!snap) {
    state = 'unavailable';
    setEmpty(t('popupCannotScan'));
  } else if (!settings.enabled || snap.enabled === false) {
    state = 'off';
    setEmpty(t('popupGlobalOff'));
  } else if (snap.state === 'off' || snap.siteEnabled === false) {
    state = 'off';
    setEmpty(t('popupSiteOff'));
  } else if (snap.state === 'error') {
    state = 'error';
    setEmpty(snap.error?.kind === 'csp' ? t('popupErrorCsp') : t('popupError', snap.error?.message ?? ''));
  } else if (snap.state !== 'done') {
    state = 'scanning';
    setEmpty(t('popupScanning'));
  } else {
    const claims = Array.isArray(snap.claims) ? snap.claims : [];
    const shown = settings.sensitivity === 'problems' ? claims.filter((c) => PROBLEMS.has(c.verdict)) : claims;
    const n = claims.length;
    summary.textContent = n === 1 ? t('popupSummaryOne') : t('popupSummaryMany', formatNumber(n));
    for (const v of VERDICTS) {
      const c = snap.counts?.[v] ?? claims.filter((x) => x.verdict === v).length;
      counts.append(el('li', { class: `count verdict-${v}`, dataset: { verdict: v }, title: verdictHelp(v) },
        icon(v), el('span', { class: 'count-name' }, verdictName(v)), el('span', { class: 'count-n' }, formatNumber(c))));
    }
    counts.hidden = n === 0;
    if (shown.length) {
      state = 'claims';
      setEmpty('');
      for (const c of shown) list.append(claimItem(c));
      section.hidden = false;
      const hidden = n - shown.length;
      if (hidden > 0) {
        $('hidden-note').textContent = t('popupHiddenBySensitivity', formatNumber(hidden));
        $('hidden-note').hidden = false;
      }
    } else {
      state = 'empty';
      setEmpty(n === 0 ? t('popupNoClaims') : t('popupNoProblems'));
    }
  }
  html.dataset.saringPopup = state;
}

// ---- actions --------------------------------------------------------------------------------

async function focusClaim(index) {
  await send({ type: 'saring:focus', index });
  for (const li of $('claims').children) li.classList.toggle('is-current', li.dataset.index === String(index));
}

async function dismissClaim(index) {
  const next = await send({ type: 'saring:dismiss', index });
  if (next) snap = next;
  render();
  $('notice').textContent = t('popupDismissed');
  const first = $('claims').querySelector('.claim-main');
  if (first) first.focus();
  else $('site-switch').focus();
}

async function settingsChanged() {
  settings = await readSettings();
  render();
  await send({ type: 'saring:settingsChanged' }, true);
  await refreshUntilSettled();
}

async function main() {
  await initI18n();
  settings = await readSettings();
  tabId = await targetTab();

  $('site-switch').addEventListener('change', async (e) => {
    const host = snap?.host;
    if (!host) return;
    await setSite(host, e.target.checked);
    await settingsChanged();
  });
  $('global-switch').addEventListener('change', async (e) => {
    await writeSettings({ enabled: e.target.checked });
    await settingsChanged();
  });
  $('sensitivity').addEventListener('change', async (e) => {
    await writeSettings({ sensitivity: e.target.value === 'problems' ? 'problems' : 'all' });
    await settingsChanged();
  });
  $('prev').addEventListener('click', () => send({ type: 'saring:previous' }));
  $('next').addEventListener('click', () => send({ type: 'saring:next' }));
  $('options-link').addEventListener('click', (e) => {
    if (!api.runtime.openOptionsPage) return;
    e.preventDefault();
    api.runtime.openOptionsPage().catch?.(() => {});
  });

  render();
  await refreshUntilSettled();
}

main().catch((e) => {
  setEmpty(t('popupError', String(e?.message ?? e)));
  document.documentElement.dataset.saringPopup = 'error';
});
