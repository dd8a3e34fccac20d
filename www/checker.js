// Saring — the checker page (index.html).
//
// Test hook on <html>: data-saring-state = loading | scanning | done | error, and after every
// completed check data-saring-counts = {"verified":n,"contradicted":n,"debunked":n,"unverified":n}.

import {
  t,
  tn,
  pick,
  fmtDate,
  fmtPercent,
  fmtNumber,
  fmtBytes,
  setupLangSelect,
  onLangChange,
} from './i18n.js';
import {
  h,
  safeHttpUrl,
  extLink,
  verdictIcon,
  errorMessage,
  scrollBehavior,
  setupEscapeCloses,
  loadChecker,
  GROUP_ORDER,
  COUNT_ORDER,
} from './ui.js';

const MAX_FILE_BYTES = 5 * 1024 * 1024;
const BASE_DEBOUNCE_MS = 400;
const MAX_DEBOUNCE_MS = 2000;
const VERDICTS = new Set(COUNT_ORDER);
const HTML_EXT = new Set(['html', 'htm', 'xhtml']);
const TEXT_EXT = new Set(['txt', 'text', 'md', 'markdown']);

const $ = (id) => document.getElementById(id);
const root = document.documentElement;
const ui = {
  input: $('input'),
  dropzone: $('dropzone'),
  file: $('file'),
  check: $('check'),
  clear: $('clear'),
  status: $('status'),
  error: $('error'),
  notice: $('notice'),
  results: $('results'),
  summaryText: $('summary-text'),
  summaryLang: $('summary-lang'),
  summaryCounts: $('summary-counts'),
  legend: $('legend-list'),
  rendered: $('rendered'),
  renderedEmpty: $('rendered-empty'),
  claims: $('claims'),
  exportMd: $('export-md'),
  exportJson: $('export-json'),
  footer: $('bundle-footer'),
};

const app = {
  checker: null,
  core: '',
  bundle: null, // {id, name, version, hash}
  text: null, // the text of the last completed check
  result: null, // its result
  lines: [], // line number of each claim
  seq: 0, // bumped by every new request, so that a superseded run drops out
  timer: 0,
  lastMs: 0,
  current: null, // index of the highlighted claim
  message: null, // {kind: 'init'|'check'|'file', key, vars} shown in #error
  notice: null, // {key, vars} shown in #notice
  status: 'state.loading', // key of the toolbar status, or null
};

// ---------------------------------------------------------------------------------------
// State, messages

function setState(state) {
  root.dataset.saringState = state;
  ui.results.setAttribute('aria-busy', state === 'scanning' || state === 'loading' ? 'true' : 'false');
}

function setStatus(key) {
  app.status = key;
  ui.status.textContent = key ? t(key) : '';
}

function showMessage(kind, key, vars) {
  app.message = { kind, key, vars };
  ui.error.textContent = t(key, vars);
}

function clearMessage(...kinds) {
  if (app.message && kinds.includes(app.message.kind)) {
    app.message = null;
    ui.error.textContent = '';
  }
}

function showNotice(key, vars) {
  app.notice = key ? { key, vars } : null;
  ui.notice.textContent = key ? t(key, vars) : '';
}

// ---------------------------------------------------------------------------------------
// Checking

function debounceMs() {
  return Math.min(MAX_DEBOUNCE_MS, Math.max(BASE_DEBOUNCE_MS, Math.round(app.lastMs * 2)));
}

/** The text changed: check it once typing pauses. */
function scheduleCheck() {
  clearTimeout(app.timer);
  if (!app.checker) return; // still loading (the check runs once it is ready) or failed
  app.seq++;
  setState('scanning');
  setStatus('state.scanning');
  app.timer = setTimeout(runCheck, debounceMs());
}

/** Checks the textarea now (after letting the status paint). */
async function runCheck() {
  clearTimeout(app.timer);
  app.timer = 0;
  if (!app.checker) return;
  const my = ++app.seq;
  setState('scanning');
  setStatus('state.scanning');
  await new Promise((resolve) => setTimeout(resolve, 0));
  if (my !== app.seq) return; // a newer request took over
  checkNow();
}

/** Checks the textarea synchronously; true when the DOM shows its result. */
function checkNow() {
  clearTimeout(app.timer);
  app.timer = 0;
  app.seq++;
  if (!app.checker) return false;
  const text = ui.input.value;
  let result;
  try {
    const t0 = performance.now();
    result = text === '' ? emptyResult() : app.checker.check(text, 'auto');
    app.lastMs = performance.now() - t0;
  } catch (e) {
    failCheck(e);
    return false;
  }
  show(text, result);
  return true;
}

function emptyResult() {
  return { text_len: 0, lang: app.result ? app.result.lang : 'id', claims: [] };
}

function failCheck(e) {
  setStatus(null);
  showMessage('check', 'error.check', { msg: errorMessage(e) });
  setState('error');
}

/** Puts a result on the page and completes the check. */
function show(text, result) {
  if (!result || !Array.isArray(result.claims)) {
    failCheck(new Error('the checker returned no claim list'));
    return;
  }
  app.text = text;
  app.result = result;
  app.lines = lineNumbers(text, result.claims);
  app.current = null;
  clearMessage('check');
  renderRendered();
  renderSummary();
  renderClaims();
  ui.exportMd.disabled = false;
  ui.exportJson.disabled = false;
  setStatus(null);
  const counts = countVerdicts(result.claims);
  root.dataset.saringCounts = JSON.stringify(counts);
  setState('done');
}

function verdictOf(claim) {
  return VERDICTS.has(claim.verdict) ? claim.verdict : 'unverified';
}

function countVerdicts(claims) {
  const counts = {};
  for (const v of COUNT_ORDER) counts[v] = 0;
  for (const c of claims) counts[verdictOf(c)]++;
  return counts;
}

/** 1-based line of each claim's start, counted in the checked text. */
function lineNumbers(text, claims) {
  const lines = [];
  let line = 1;
  let pos = 0;
  for (const c of claims) {
    const s = Number.isInteger(c.start_utf16) ? Math.min(Math.max(c.start_utf16, 0), text.length) : pos;
    if (s >= pos) {
      for (let i = text.indexOf('\n', pos); i !== -1 && i < s; i = text.indexOf('\n', i + 1)) line++;
      pos = s;
      lines.push(line);
    } else {
      lines.push(text.slice(0, s).split('\n').length);
    }
  }
  return lines;
}

// ---------------------------------------------------------------------------------------
// Rendering

function renderRendered() {
  const text = app.text;
  const claims = app.result.claims;
  const frag = document.createDocumentFragment();
  let pos = 0;
  claims.forEach((c, i) => {
    const s = c.start_utf16;
    const e = c.end_utf16;
    // Claims are sorted and non-overlapping; anything else is left unmarked (still listed).
    if (!Number.isInteger(s) || !Number.isInteger(e) || s < pos || e <= s || e > text.length) return;
    if (s > pos) frag.appendChild(document.createTextNode(text.slice(pos, s)));
    const v = verdictOf(c);
    frag.appendChild(
      h(
        'mark',
        {
          class: `claim verdict-${v}`,
          id: `claim-mark-${i}`,
          dataset: { claimIndex: i },
          tabindex: 0,
          title: t(`verdict.${v}`),
          'aria-describedby': `vdesc-${v}`,
        },
        text.slice(s, e),
      ),
    );
    pos = e;
  });
  if (pos < text.length) frag.appendChild(document.createTextNode(text.slice(pos)));
  ui.rendered.replaceChildren(frag);
  ui.renderedEmpty.hidden = text !== '';
}

function updateMarkTitles() {
  for (const m of ui.rendered.querySelectorAll('mark.claim')) {
    const c = app.result.claims[Number(m.dataset.claimIndex)];
    if (c) m.title = t(`verdict.${verdictOf(c)}`);
  }
}

function renderSummary() {
  const r = app.result;
  const counts = countVerdicts(r ? r.claims : []);
  let text;
  if (!r || app.text === '') {
    text = t('summary.empty');
  } else if (r.claims.length === 0) {
    text = t('summary.noClaims');
  } else {
    const parts = GROUP_ORDER.map((v) => `${fmtNumber(counts[v])} ${t(`verdictShort.${v}`)}`);
    text = `${tn('summary.claims', r.claims.length)}: ${parts.join(', ')}.`;
  }
  // Only touch the live region when its words change, so that screen readers are not
  // told the same thing after every keystroke.
  if (ui.summaryText.textContent !== text) ui.summaryText.textContent = text;
  const langText =
    r && app.text !== '' && (r.lang === 'id' || r.lang === 'en')
      ? t('summary.textLang', { lang: t(`langName.${r.lang}`) })
      : '';
  if (ui.summaryLang.textContent !== langText) ui.summaryLang.textContent = langText;

  ui.summaryCounts.replaceChildren(
    ...GROUP_ORDER.map((v) =>
      h(
        'li',
        null,
        h(
          'a',
          {
            class: `chip verdict-${v}${counts[v] ? '' : ' is-zero'}`,
            href: `#group-${v}`,
            dataset: { countVerdict: v },
          },
          verdictIcon(v),
          h('span', { class: 'chip-label' }, t(`verdict.${v}`)),
          h('span', { class: 'chip-count' }, fmtNumber(counts[v])),
        ),
      ),
    ),
  );
}

function renderLegend() {
  ui.legend.replaceChildren(
    ...GROUP_ORDER.flatMap((v) => [
      h(
        'dt',
        null,
        h('span', { class: `sample verdict-${v}` }, verdictIcon(v), h('span', null, t(`verdict.${v}`))),
      ),
      h('dd', null, t(`verdictHelp.${v}`)),
    ]),
  );
}

function renderClaims() {
  const claims = app.result ? app.result.claims : [];
  // Keep the keyboard user where they were when the list is rebuilt (language switch).
  const active = document.activeElement;
  const focusedItem = active && ui.claims.contains(active) ? active.closest('li.claim-item') : null;
  const refocus = focusedItem ? focusedItem.dataset.claimIndex : null;

  const groups = new Map(GROUP_ORDER.map((v) => [v, []]));
  claims.forEach((c, i) => groups.get(verdictOf(c)).push(i));

  const sections = GROUP_ORDER.map((v) => {
    const idx = groups.get(v);
    const headingId = `group-${v}-heading`;
    return h(
      'section',
      {
        class: `claim-group verdict-${v}${idx.length ? '' : ' is-empty'}`,
        id: `group-${v}`,
        tabindex: -1,
        dataset: { verdictGroup: v },
        'aria-labelledby': headingId,
      },
      h(
        'h4',
        { id: headingId, class: 'group-heading' },
        verdictIcon(v),
        h('span', { class: 'group-label' }, t(`verdict.${v}`)),
        ' ',
        h('span', { class: 'group-count' }, fmtNumber(idx.length)),
      ),
      idx.length
        ? h('ul', { class: 'claim-list' }, idx.map((i) => claimItem(claims[i], i)))
        : h('p', { class: 'group-empty' }, t('claims.none')),
    );
  });
  ui.claims.replaceChildren(...sections);

  if (refocus !== null) {
    const again = ui.claims.querySelector(`li.claim-item[data-claim-index="${refocus}"]`);
    if (again) again.focus({ preventScroll: true });
  }
  if (app.current !== null) setCurrent(app.current);
}

function claimItem(c, i) {
  const v = verdictOf(c);
  const text = typeof c.text === 'string' ? c.text : app.text.slice(c.start_utf16, c.end_utf16);
  const confidence = typeof c.confidence === 'number' ? fmtPercent(c.confidence) : '–';
  const sources = Array.isArray(c.sources) ? c.sources : [];
  const entryId = c.fact_id || c.hoax_id;
  return h(
    'li',
    {
      class: 'claim-item',
      id: `claim-item-${i}`,
      tabindex: 0,
      dataset: { verdict: v, claimIndex: i },
    },
    h(
      'div',
      { class: 'claim-head' },
      h('span', { class: 'claim-verdict' }, verdictIcon(v), h('span', null, t(`verdict.${v}`))),
      h('span', { class: 'claim-location' }, t('claim.line', { line: fmtNumber(app.lines[i] ?? 1) })),
      h('span', { class: 'claim-confidence' }, t('claim.confidence', { p: confidence })),
    ),
    h('blockquote', { class: 'claim-text' }, text),
    h('p', { class: 'claim-reason' }, pick(c.reason)),
    v === 'contradicted' && c.official_value != null && c.official_value !== ''
      ? h(
          'p',
          { class: 'claim-official' },
          h('span', { class: 'label' }, `${t('claim.official')}: `),
          h('strong', null, String(c.official_value)),
        )
      : null,
    h(
      'div',
      { class: 'claim-sources' },
      h('span', { class: 'label' }, `${t('claim.sources')}:`),
      sources.length
        ? h('ul', null, sources.map(sourceItem))
        : h('span', { class: 'muted' }, ` ${t('claim.noSources')}`),
    ),
    entryId
      ? h(
          'p',
          { class: 'claim-entry' },
          extLink(`bundle.html?q=${encodeURIComponent(entryId)}`, t('claim.inBundle'), 'entry-link'),
          ' ',
          h('code', null, entryId),
        )
      : null,
  );
}

function sourceItem(s) {
  const name = s && s.name ? String(s.name) : '';
  const href = safeHttpUrl(s && s.url);
  const parts = [];
  if (href) {
    parts.push(extLink(href, name || href));
  } else {
    parts.push(h('span', { class: 'source-name' }, name));
    if (s && s.url) parts.push(' — ', h('span', { class: 'source-url' }, String(s.url)));
  }
  if (s && s.date) parts.push(' · ', h('time', { datetime: s.date }, fmtDate(s.date)));
  return h('li', null, parts);
}

function renderFooter() {
  const b = app.bundle;
  ui.footer.textContent = b
    ? t('footer.bundle', { name: b.name, version: b.version, hash: b.hash, core: app.core })
    : '';
}

// ---------------------------------------------------------------------------------------
// Moving between the marks and the list

function setCurrent(i) {
  for (const el of document.querySelectorAll('.is-current')) el.classList.remove('is-current');
  app.current = i;
  if (i === null) return;
  for (const el of document.querySelectorAll(
    `#rendered mark[data-claim-index="${i}"], #claims li.claim-item[data-claim-index="${i}"]`,
  )) {
    el.classList.add('is-current');
  }
}

function focusMark(i) {
  const mark = ui.rendered.querySelector(`mark.claim[data-claim-index="${i}"]`);
  setCurrent(i);
  if (!mark) return;
  mark.focus({ preventScroll: true });
  mark.scrollIntoView({ block: 'center', behavior: scrollBehavior() });
}

function focusItem(i) {
  const item = ui.claims.querySelector(`li.claim-item[data-claim-index="${i}"]`);
  setCurrent(i);
  if (!item) return;
  item.focus({ preventScroll: true });
  item.scrollIntoView({ block: 'nearest', behavior: scrollBehavior() });
}

function isActivation(e) {
  return e.key === 'Enter' || e.key === ' ' || e.key === 'Spacebar';
}

const INTERACTIVE = 'a, button, input, select, textarea, summary, [contenteditable]';

function selectingTextIn(el) {
  const sel = window.getSelection();
  return sel && !sel.isCollapsed && sel.toString().trim() !== '' && el.contains(sel.anchorNode);
}

function wireNavigation() {
  ui.rendered.addEventListener('click', (e) => {
    const mark = e.target.closest('mark.claim');
    if (!mark || selectingTextIn(mark)) return;
    focusItem(Number(mark.dataset.claimIndex));
  });
  ui.rendered.addEventListener('keydown', (e) => {
    const mark = e.target.closest('mark.claim');
    if (!mark || !isActivation(e)) return;
    e.preventDefault();
    focusItem(Number(mark.dataset.claimIndex));
  });
  ui.claims.addEventListener('click', (e) => {
    if (e.target.closest(INTERACTIVE)) return;
    const item = e.target.closest('li.claim-item');
    if (!item || selectingTextIn(item)) return;
    focusMark(Number(item.dataset.claimIndex));
  });
  ui.claims.addEventListener('keydown', (e) => {
    const item = e.target.closest('li.claim-item');
    if (!item || e.target !== item || !isActivation(e)) return;
    e.preventDefault();
    focusMark(Number(item.dataset.claimIndex));
  });
  ui.summaryCounts.addEventListener('click', (e) => {
    const chip = e.target.closest('a[data-count-verdict]');
    if (!chip) return;
    const group = $(`group-${chip.dataset.countVerdict}`);
    if (!group) return;
    e.preventDefault();
    group.focus({ preventScroll: true });
    group.scrollIntoView({ block: 'start', behavior: scrollBehavior() });
  });
}

// ---------------------------------------------------------------------------------------
// Files

function extensionOf(name) {
  const m = /\.([a-z0-9]+)$/i.exec(name || '');
  return m ? m[1].toLowerCase() : '';
}

function classify(file) {
  const ext = extensionOf(file.name);
  const type = (file.type || '').toLowerCase();
  if (HTML_EXT.has(ext) || type === 'text/html' || type === 'application/xhtml+xml') return 'html';
  if (TEXT_EXT.has(ext) || type.startsWith('text/')) return 'text';
  if (ext === '' && type === '') return 'sniff'; // no name hint: decide from the bytes
  return null;
}

/** Reads a dropped or picked file; a file that is refused leaves everything as it was. */
async function loadFile(file) {
  if (!file) return;
  clearMessage('file');
  showNotice(null);
  const name = file.name || '?';
  let kind = classify(file);
  if (!kind) {
    showMessage('file', 'file.notText', { name });
    return;
  }
  if (file.size > MAX_FILE_BYTES) {
    showMessage('file', 'file.tooBig', { name, size: fmtBytes(file.size) });
    return;
  }
  let bytes;
  try {
    bytes = new Uint8Array(await file.arrayBuffer());
  } catch (e) {
    showMessage('file', 'file.readFailed', { name, msg: errorMessage(e) });
    return;
  }
  if (bytes.subarray(0, 8192).includes(0)) {
    showMessage('file', 'file.notText', { name });
    return;
  }
  let content;
  try {
    content = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    showMessage('file', 'file.notUtf8', { name });
    return;
  }
  if (kind === 'sniff') kind = /^\s*(<!doctype html|<html[\s>])/i.test(content) ? 'html' : 'text';

  if (kind === 'html') {
    if (!app.checker) {
      showMessage('file', 'file.notReady', {});
      return;
    }
    clearTimeout(app.timer);
    app.timer = 0;
    app.seq++;
    setState('scanning');
    setStatus('state.scanning');
    let result;
    try {
      const t0 = performance.now();
      result = app.checker.checkHtml(content, 'auto');
      app.lastMs = performance.now() - t0;
    } catch (e) {
      failCheck(e);
      return;
    }
    const text = typeof result.text === 'string' ? result.text : '';
    ui.input.value = text;
    show(text, result);
    showNotice('file.loadedHtml', { name });
  } else {
    ui.input.value = content.replace(/\r\n?/g, '\n');
    showNotice('file.loaded', { name });
    if (app.checker) checkNow();
  }
}

function hasFiles(e) {
  return e.dataTransfer && Array.from(e.dataTransfer.types || []).includes('Files');
}

function wireFiles() {
  ui.file.addEventListener('change', async () => {
    const f = ui.file.files && ui.file.files[0];
    await loadFile(f);
    ui.file.value = ''; // picking the same file again fires change again
  });

  // A file may be dropped anywhere on the page; the text box shows that it will take it.
  let depth = 0;
  const setDragging = (on) => ui.dropzone.classList.toggle('is-dragging', on);
  window.addEventListener('dragenter', (e) => {
    if (!hasFiles(e)) return;
    e.preventDefault();
    depth++;
    setDragging(true);
  });
  window.addEventListener('dragover', (e) => {
    if (!hasFiles(e)) return;
    e.preventDefault();
    e.dataTransfer.dropEffect = 'copy';
  });
  window.addEventListener('dragleave', (e) => {
    if (!hasFiles(e)) return;
    depth = Math.max(0, depth - 1);
    if (depth === 0) setDragging(false);
  });
  // On the window (a drop anywhere) and on the text box itself (for events that do not bubble).
  const handled = new WeakSet();
  const onDrop = (e) => {
    if (handled.has(e)) return;
    handled.add(e);
    depth = 0;
    setDragging(false);
    if (!hasFiles(e)) return; // dropped text goes into the textarea as usual
    e.preventDefault();
    const f = e.dataTransfer.files && e.dataTransfer.files[0];
    loadFile(f);
  };
  ui.input.addEventListener('drop', onDrop);
  window.addEventListener('drop', onDrop);
}

// ---------------------------------------------------------------------------------------
// Export

/** Makes sure the result matches the textarea; false when it cannot. */
function ensureFresh() {
  if (!app.checker) return false;
  if (root.dataset.saringState !== 'done' || ui.input.value !== app.text || app.timer) return checkNow();
  return true;
}

function download(filename, content, type) {
  const blob = new Blob([content], { type: `${type};charset=utf-8` });
  const url = URL.createObjectURL(blob);
  const a = h('a', { href: url, download: filename, hidden: true });
  document.body.appendChild(a);
  a.click();
  setTimeout(() => {
    URL.revokeObjectURL(url);
    a.remove();
  }, 10000);
}

function reportJson() {
  const b = app.bundle || {};
  const r = app.result;
  return {
    tool: 'saring',
    version: app.core,
    bundle: { id: b.id ?? null, version: b.version ?? null, hash: b.hash ?? null },
    lang: r.lang,
    text_len: r.text_len,
    claims: r.claims,
  };
}

/** Markdown-escapes inline text. */
function md(s) {
  return String(s ?? '')
    .replace(/[\\`*_[\]<>|~]/g, '\\$&')
    .replace(/\r?\n/g, ' ');
}

/** Markdown-escapes a line that starts a block (a quoted line of the claim). */
function mdLine(s) {
  return md(s).replace(/^(\s*)([#+=-]|\d+[.)])/, '$1\\$2');
}

function mdLink(text, href) {
  return `[${md(text)}](<${href}>)`;
}

function reportMarkdown() {
  const r = app.result;
  const b = app.bundle || {};
  const counts = countVerdicts(r.claims);
  const L = [];
  L.push(`# ${t('report.title')}`, '');
  L.push(`- ${t('report.generated')}: ${new Date().toISOString()}`);
  L.push(`- ${t('report.core')}: ${md(app.core)}`);
  L.push(
    `- ${t('report.bundle')}: ${md(t('report.bundleValue', { name: b.name, id: b.id, version: b.version, hash: b.hash }))}`,
  );
  if (r.lang === 'id' || r.lang === 'en') L.push(`- ${t('report.textLang')}: ${t(`langName.${r.lang}`)}`);
  L.push(`- ${t('report.textLen')}: ${t('report.bytes', { n: fmtNumber(r.text_len) })}`, '');
  L.push(`## ${t('report.summary')}`, '');
  L.push(`| ${t('report.verdict')} | ${t('report.count')} |`, '|---|---:|');
  for (const v of GROUP_ORDER) L.push(`| ${t(`verdict.${v}`)} | ${counts[v]} |`);
  L.push(`| **${t('report.total')}** | **${r.claims.length}** |`, '');
  if (r.claims.length === 0) L.push(t('report.noClaims'), '');

  for (const v of GROUP_ORDER) {
    const idx = [];
    r.claims.forEach((c, i) => {
      if (verdictOf(c) === v) idx.push(i);
    });
    if (!idx.length) continue;
    L.push(`## ${t(`verdict.${v}`)} (${idx.length})`, '');
    idx.forEach((i, k) => {
      const c = r.claims[i];
      const conf = typeof c.confidence === 'number' ? fmtPercent(c.confidence) : '–';
      L.push(`### ${k + 1}. ${t('claim.line', { line: app.lines[i] ?? 1 })} · ${t('claim.confidence', { p: conf })}`, '');
      const text = typeof c.text === 'string' ? c.text : app.text.slice(c.start_utf16, c.end_utf16);
      for (const line of text.split(/\r?\n/)) L.push(`> ${mdLine(line)}`);
      L.push('');
      L.push(`- **${t('claim.reason')}:** ${md(pick(c.reason))}`);
      if (v === 'contradicted' && c.official_value != null && c.official_value !== '') {
        L.push(`- **${t('claim.official')}:** ${md(c.official_value)}`);
      }
      const sources = Array.isArray(c.sources) ? c.sources : [];
      if (sources.length) {
        L.push(`- **${t('claim.sources')}:**`);
        for (const s of sources) {
          const href = safeHttpUrl(s.url);
          let line = href ? mdLink(s.name || href, href) : md(s.name);
          if (!href && s.url) line += ` — ${md(s.url)}`;
          if (s.date) line += ` (${fmtDate(s.date)})`;
          L.push(`  - ${line}`);
        }
      }
      if (c.fact_id) L.push(`- ID: \`${String(c.fact_id).replace(/`/g, '')}\``);
      if (c.hoax_id) L.push(`- ID: \`${String(c.hoax_id).replace(/`/g, '')}\``);
      L.push('');
    });
  }
  L.push('---', '', `_${t('report.privacy')}_`, '');
  return L.join('\n');
}

function wireExport() {
  ui.exportJson.addEventListener('click', () => {
    if (!ensureFresh()) return;
    download('saring-report.json', `${JSON.stringify(reportJson(), null, 2)}\n`, 'application/json');
  });
  ui.exportMd.addEventListener('click', () => {
    if (!ensureFresh()) return;
    download('saring-report.md', reportMarkdown(), 'text/markdown');
  });
}

// ---------------------------------------------------------------------------------------
// Start

function wireInput() {
  ui.input.addEventListener('input', () => {
    clearMessage('file');
    showNotice(null);
    scheduleCheck();
  });
  ui.input.addEventListener('keydown', (e) => {
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      runCheck();
    }
  });
  ui.check.addEventListener('click', () => {
    clearMessage('file');
    if (!app.checker) return;
    runCheck();
  });
  ui.clear.addEventListener('click', () => {
    ui.input.value = '';
    clearMessage('file');
    showNotice(null);
    if (app.checker) runCheck();
    ui.input.focus();
  });
}

onLangChange(() => {
  renderLegend();
  renderSummary();
  if (app.result) {
    renderClaims();
    updateMarkTitles();
  }
  renderFooter();
  setStatus(app.status);
  if (app.message) ui.error.textContent = t(app.message.key, app.message.vars);
  if (app.notice) ui.notice.textContent = t(app.notice.key, app.notice.vars);
});

async function start() {
  setupLangSelect();
  setupEscapeCloses();
  wireInput();
  wireNavigation();
  wireFiles();
  wireExport();
  renderLegend();
  renderSummary();
  renderClaims();
  setState('loading');
  setStatus('state.loading');
  try {
    app.checker = await loadChecker();
    app.core = String(app.checker.version());
    const info = app.checker.bundleInfo();
    const b = info && Array.isArray(info.bundles) ? info.bundles[0] : null;
    if (b) app.bundle = { id: b.id, name: b.name, version: b.version, hash: b.hash };
  } catch (e) {
    app.checker = null;
    setStatus(null);
    showMessage('init', 'error.init', { msg: errorMessage(e) });
    setState('error');
    ui.check.disabled = true;
    return;
  }
  renderFooter();
  await runCheck(); // whatever is in the box already (typed while loading, or restored)
}

start();
