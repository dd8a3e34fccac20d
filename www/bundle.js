// Saring — the bundle browser (bundle.html): sources, official facts and debunked hoaxes of the
// loaded bundle, searchable and filterable. <html data-saring-state> is loading | done | error.

import {
  t,
  tn,
  tAll,
  pick,
  topicLabel,
  topicLabelsAll,
  fmtDate,
  fmtNumber,
  LANGS,
  setupLangSelect,
  onLangChange,
  getLang,
} from './i18n.js';
import { h, safeHttpUrl, extLink, errorMessage, scrollBehavior, setupEscapeCloses, loadChecker } from './ui.js';

const PAGE = 100; // hoaxes shown at first and added by each "show more"
const SEARCH_DEBOUNCE_MS = 200;

const $ = (id) => document.getElementById(id);
const root = document.documentElement;
const ui = {
  name: $('bundle-name'),
  version: $('bundle-version'),
  counts: $('bundle-counts'),
  about: $('bundle-about'),
  error: $('error'),
  search: $('search'),
  kind: $('kind'),
  factTopic: $('fact-topic'),
  hoaxTopic: $('hoax-topic'),
  year: $('year'),
  reset: $('reset'),
  resultCount: $('result-count'),
  sources: $('sources'),
  facts: $('facts'),
  hoaxes: $('hoaxes'),
  sourcesCount: $('sources-count'),
  factsCount: $('facts-count'),
  hoaxesCount: $('hoaxes-count'),
  sourcesEmpty: $('sources-empty'),
  factsEmpty: $('facts-empty'),
  hoaxesEmpty: $('hoaxes-empty'),
  showMore: $('show-more'),
  showMoreRest: $('show-more-rest'),
};

const state = {
  index: null,
  sources: [], // {d, hay, el, elLang}
  facts: [],
  hoaxes: [],
  limit: PAGE,
  matches: { sources: [], facts: [], hoaxes: [] },
  error: null,
};

// ---------------------------------------------------------------------------------------
// Search

/** Case- and diacritics-insensitive form used on both sides of a search. */
export function fold(s) {
  return String(s ?? '')
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[\u2018\u2019\u201a\u201b\u2032]/g, "'")
    .replace(/[\u201c\u201d\u201e\u201f\u2033]/g, '"')
    .replace(/[\u2010-\u2015\u2212]/g, '-')
    .replace(/\s+/g, ' ');
}

function hay(...parts) {
  return fold(parts.flat(Infinity).filter((p) => p != null && p !== '').join(' \u0001 '));
}

function datesAll(d) {
  return d ? [d, ...LANGS.map((l) => fmtDate(d, l))] : [];
}

function indexSource(d) {
  return hay(d.id, d.name, d.url, d.domains, tAll(`kind.${d.kind}`), tAll(`trust.${d.trust}`));
}

function indexFact(d) {
  const cites = (d.citations || []).map((c) => [c.source, c.title, c.url, c.note, datesAll(c.date)]);
  return hay(
    d.id,
    d.topic,
    topicLabelsAll(d.topic),
    d.election,
    d.election ? tAll(`election.${d.election}`) : [],
    d.statement ? [d.statement.id, d.statement.en] : [],
    d.value ? [d.value.id, d.value.en] : [],
    d.authority,
    d.legal_basis,
    cites,
  );
}

function indexHoax(d) {
  return hay(
    d.id,
    d.claim_reviewed,
    d.variants,
    d.rating,
    d.reviewer,
    datesAll(d.date_published),
    d.url,
    d.attribution,
    d.topics,
    (d.topics || []).map(topicLabelsAll),
  );
}

function tokens() {
  return fold(ui.search.value).trim().split(' ').filter(Boolean);
}

function matchesAll(item, toks) {
  for (const tok of toks) if (!item.hay.includes(tok)) return false;
  return true;
}

function filter() {
  const toks = tokens();
  const kind = ui.kind.value;
  const factTopic = ui.factTopic.value;
  const hoaxTopic = ui.hoaxTopic.value;
  const year = ui.year.value;
  state.matches = {
    sources: state.sources.filter((it) => (!kind || it.d.kind === kind) && matchesAll(it, toks)),
    facts: state.facts.filter((it) => (!factTopic || it.d.topic === factTopic) && matchesAll(it, toks)),
    hoaxes: state.hoaxes.filter(
      (it) =>
        (!hoaxTopic || (it.d.topics || []).includes(hoaxTopic)) &&
        (!year || String(it.d.date_published || '').startsWith(year)) &&
        matchesAll(it, toks),
    ),
  };
}

// ---------------------------------------------------------------------------------------
// Entries

function metaRow(label, ...value) {
  return h('div', { class: 'meta-row' }, h('dt', null, label), h('dd', null, ...value));
}

function linkOrText(url, text) {
  const href = safeHttpUrl(url);
  if (href) return extLink(href, text || href);
  return h('span', null, text || String(url ?? ''));
}

function sourceEl(d) {
  return h(
    'li',
    { class: 'entry entry-source', dataset: { sourceId: d.id } },
    h(
      'p',
      { class: 'entry-title' },
      d.name,
      ' ',
      h(
        'span',
        { class: `badge trust-${d.trust}` },
        h('span', { class: 'visually-hidden' }, `${t('trust.label')}: `),
        t(`trust.${d.trust}`),
      ),
    ),
    h(
      'dl',
      { class: 'meta compact' },
      metaRow(t('filter.kind'), t(`kind.${d.kind}`)),
      d.domains && d.domains.length ? metaRow(t('source.domains'), d.domains.join(', ')) : null,
      d.url ? metaRow(t('source.site'), linkOrText(d.url, d.url)) : null,
      metaRow(t('id.label'), h('code', null, d.id)),
    ),
  );
}

function citationEl(c) {
  const label = c.title || c.source || c.url;
  return h(
    'li',
    null,
    c.url ? linkOrText(c.url, label) : h('span', null, label),
    c.title && c.source ? ` — ${c.source}` : null,
    ' · ',
    c.date ? h('time', { datetime: c.date }, fmtDate(c.date)) : h('span', { class: 'muted' }, t('fact.noDate')),
    c.note ? h('p', { class: 'muted' }, c.note) : null,
  );
}

function factEl(d) {
  const legal = Array.isArray(d.legal_basis) ? d.legal_basis : [];
  const cites = Array.isArray(d.citations) ? d.citations : [];
  return h(
    'li',
    { class: 'entry entry-fact', dataset: { factId: d.id } },
    h('p', { class: 'entry-title fact-statement' }, pick(d.statement)),
    h('p', { class: 'fact-value' }, `${t('fact.value')}: `, h('strong', null, pick(d.value))),
    h(
      'dl',
      { class: 'meta' },
      d.authority ? metaRow(t('fact.authority'), d.authority) : null,
      legal.length ? metaRow(t('fact.legalBasis'), legal.join('; ')) : null,
      metaRow(t('fact.election'), d.election ? t(`election.${d.election}`) : t('election.none')),
      d.topic ? metaRow(t('fact.topic'), topicLabel(d.topic)) : null,
      cites.length ? metaRow(t('fact.citations'), h('ul', { class: 'citations' }, cites.map(citationEl))) : null,
      metaRow(t('id.label'), h('code', null, d.id)),
    ),
  );
}

function hoaxEl(d) {
  const variants = Array.isArray(d.variants) ? d.variants : [];
  const topics = Array.isArray(d.topics) ? d.topics : [];
  const href = safeHttpUrl(d.url);
  return h(
    'li',
    { class: 'entry entry-hoax', dataset: { hoaxId: d.id }, tabindex: -1 },
    h('p', { class: 'entry-title hoax-claim' }, d.claim_reviewed),
    h(
      'dl',
      { class: 'meta compact' },
      d.date_published
        ? metaRow(t('hoax.published'), h('time', { datetime: d.date_published }, fmtDate(d.date_published)))
        : null,
      d.rating ? metaRow(t('hoax.rating'), h('span', { class: 'badge rating' }, d.rating)) : null,
      d.reviewer ? metaRow(t('hoax.reviewer'), d.reviewer) : null,
      href
        ? metaRow(t('hoax.link'), extLink(href, href))
        : d.url
          ? metaRow(t('hoax.link'), h('span', null, String(d.url)))
          : null,
      d.attribution ? metaRow(t('hoax.attribution'), d.attribution) : null,
      topics.length ? metaRow(t('hoax.topics'), topics.map((s) => h('span', { class: 'tag' }, topicLabel(s)))) : null,
      metaRow(t('id.label'), h('code', null, d.id)),
    ),
    variants.length
      ? h(
          'details',
          { class: 'variants' },
          h('summary', null, t('hoax.variants', { n: fmtNumber(variants.length) })),
          h(
            'ul',
            null,
            variants.map((v) => h('li', null, v)),
          ),
        )
      : null,
  );
}

/** The element of an entry, made once per language. */
function elementOf(item, make) {
  const lang = getLang();
  if (!item.el || item.elLang !== lang) {
    const fresh = make(item.d);
    if (item.el && item.el.isConnected) {
      // Keep what the reader had opened.
      const wasOpen = item.el.querySelector('details[open]');
      if (wasOpen) fresh.querySelector('details')?.setAttribute('open', '');
    }
    item.el = fresh;
    item.elLang = lang;
  }
  return item.el;
}

// ---------------------------------------------------------------------------------------
// Rendering

function renderList(ul, empty, items, limit, make) {
  const shown = items.slice(0, limit);
  ul.replaceChildren(...shown.map((it) => elementOf(it, make)));
  empty.hidden = items.length > 0;
  return shown.length;
}

function sectionCount(shown, total) {
  return shown < total ? t('section.count', { shown: fmtNumber(shown), total: fmtNumber(total) }) : `(${fmtNumber(total)})`;
}

function render() {
  // Keep the focus on the element that had it if it survives the re-render.
  const active = document.activeElement;
  const keep = active && active.closest && active.closest('li.entry') ? active : null;

  const m = state.matches;
  const s = renderList(ui.sources, ui.sourcesEmpty, m.sources, Infinity, sourceEl);
  const f = renderList(ui.facts, ui.factsEmpty, m.facts, Infinity, factEl);
  const hx = renderList(ui.hoaxes, ui.hoaxesEmpty, m.hoaxes, state.limit, hoaxEl);
  ui.sourcesCount.textContent = sectionCount(s, m.sources.length);
  ui.factsCount.textContent = sectionCount(f, m.facts.length);
  ui.hoaxesCount.textContent = sectionCount(hx, m.hoaxes.length);

  const rest = m.hoaxes.length - hx;
  ui.showMore.hidden = rest <= 0;
  ui.showMore.textContent = t('showMore', { n: fmtNumber(Math.min(PAGE, rest)) });
  ui.showMoreRest.textContent = rest > 0 ? t('showMore.rest', { n: fmtNumber(rest) }) : '';

  const total = m.sources.length + m.facts.length + m.hoaxes.length;
  ui.resultCount.dataset.count = String(total);
  ui.resultCount.textContent =
    total === 0
      ? t('result.none')
      : `${tn('result.total', total)}: ${[
          tn('result.sources', m.sources.length),
          tn('result.facts', m.facts.length),
          tn('result.hoaxes', m.hoaxes.length),
        ].join(', ')}`;

  if (keep && keep.isConnected && document.activeElement !== keep) keep.focus({ preventScroll: true });
}

function refilter() {
  state.limit = PAGE;
  filter();
  render();
}

function option(value, label) {
  return h('option', { value }, label);
}

function fillSelect(select, entries) {
  const keep = select.value;
  select.replaceChildren(option('', t('filter.all')), ...entries.map(([v, label]) => option(v, label)));
  select.value = entries.some(([v]) => v === keep) ? keep : '';
}

function renderFilters() {
  const st = state.index.stats || {};
  const withCount = (label, n) => `${label} (${fmtNumber(n)})`;
  const byLabel = (a, b) => a[1].localeCompare(b[1], getLang());
  fillSelect(
    ui.kind,
    Object.entries(st.sources_by_kind || {}).map(([k, n]) => [k, withCount(t(`kind.${k}`), n)]),
  );
  fillSelect(
    ui.factTopic,
    Object.entries(st.facts_by_topic || {})
      .map(([k, n]) => [k, withCount(topicLabel(k), n)])
      .sort(byLabel),
  );
  fillSelect(
    ui.hoaxTopic,
    Object.entries(st.debunked_by_topic || {})
      .map(([k, n]) => [k, withCount(topicLabel(k), n)])
      .sort(byLabel),
  );
  fillSelect(
    ui.year,
    Object.entries(st.debunked_by_year || {})
      .sort((a, b) => b[0].localeCompare(a[0]))
      .map(([y, n]) => [y, withCount(y, n)]),
  );
}

function renderHeader() {
  const idx = state.index;
  const b = idx.bundle || {};
  const c = idx.counts || {};
  ui.name.textContent = b.name || b.id || '';
  ui.version.textContent = t('bundle.version', { version: b.version ?? '?', hash: b.hash ?? '?' });
  ui.counts.replaceChildren(
    ...[
      ['facts', 'count.facts'],
      ['debunked', 'count.debunked'],
      ['sources', 'count.sources'],
      ['entities', 'count.entities'],
    ].map(([k, label]) =>
      h('li', { dataset: { count: k } }, h('strong', null, fmtNumber(c[k] ?? 0)), t(label)),
    ),
  );
  ui.about.replaceChildren(
    ...[
      b.publisher ? metaRow(t('bundle.publisher'), b.publisher) : null,
      b.description ? metaRow(t('bundle.description'), b.description) : null,
      b.license ? metaRow(t('bundle.license'), b.license) : null,
      metaRow(t('id.label'), h('code', null, b.id ?? '')),
    ].filter(Boolean),
  );
}

// ---------------------------------------------------------------------------------------
// Start

function wire() {
  let timer = 0;
  ui.search.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(refilter, SEARCH_DEBOUNCE_MS);
  });
  ui.search.addEventListener('keydown', (e) => {
    if (e.key === 'Enter') {
      clearTimeout(timer);
      refilter();
    }
  });
  for (const sel of [ui.kind, ui.factTopic, ui.hoaxTopic, ui.year]) sel.addEventListener('change', refilter);
  ui.reset.addEventListener('click', () => {
    ui.search.value = '';
    for (const sel of [ui.kind, ui.factTopic, ui.hoaxTopic, ui.year]) sel.value = '';
    refilter();
    ui.search.focus();
  });
  ui.showMore.addEventListener('click', () => {
    const first = state.limit;
    state.limit += PAGE;
    render();
    // Put the keyboard where the new entries start.
    const next = ui.hoaxes.children[first];
    if (next) {
      next.focus({ preventScroll: true });
      next.scrollIntoView({ block: 'nearest', behavior: scrollBehavior() });
    }
  });
  // Section links move the focus too, so that Tab continues from there.
  document.querySelector('.section-nav').addEventListener('click', (e) => {
    const a = e.target.closest('a[href^="#"]');
    const target = a && document.getElementById(a.getAttribute('href').slice(1));
    if (!target) return;
    e.preventDefault();
    target.focus({ preventScroll: true });
    target.scrollIntoView({ block: 'start', behavior: scrollBehavior() });
  });
}

onLangChange(() => {
  if (state.error) ui.error.textContent = t('error.bundle', { msg: state.error });
  if (!state.index) return;
  renderHeader();
  renderFilters();
  render();
});

async function start() {
  setupLangSelect();
  setupEscapeCloses();
  wire();
  let index;
  try {
    const checker = await loadChecker();
    index = checker.bundleIndex();
    if (!index || typeof index !== 'object') throw new Error('bundleIndex() returned nothing');
  } catch (e) {
    state.error = errorMessage(e);
    ui.error.textContent = t('error.bundle', { msg: state.error });
    root.dataset.saringState = 'error';
    return;
  }
  state.index = index;
  // Authorities first, then fact-checkers, then the media; by name within each.
  const rank = { official: 0, fact_checker: 1, secondary: 2 };
  state.sources = (index.sources || [])
    .map((d) => ({ d, hay: indexSource(d), el: null, elLang: null }))
    .sort(
      (a, b) =>
        (rank[a.d.trust] ?? 3) - (rank[b.d.trust] ?? 3) ||
        String(a.d.name).localeCompare(String(b.d.name), 'id'),
    );
  state.facts = (index.facts || []).map((d) => ({ d, hay: indexFact(d), el: null, elLang: null }));
  // Newest debunks first.
  state.hoaxes = (index.debunked || [])
    .map((d) => ({ d, hay: indexHoax(d), el: null, elLang: null }))
    .sort((a, b) => String(b.d.date_published || '').localeCompare(String(a.d.date_published || '')));

  const q = new URLSearchParams(location.search).get('q');
  if (q) ui.search.value = q;
  renderHeader();
  renderFilters();
  refilter();
  root.dataset.saringState = 'done';
}

start();
