// Saring — small DOM helpers shared by the checker and the bundle browser.
//
// Text from the user or from the bundle only ever enters the page as text nodes (h() turns
// string children into text nodes) or as attribute values set with setAttribute; nothing here
// parses HTML.

/** The four verdicts, in the order the claim list groups them. */
export const GROUP_ORDER = ['contradicted', 'debunked', 'unverified', 'verified'];
/** The key order of data-saring-counts and of the exported counts. */
export const COUNT_ORDER = ['verified', 'contradicted', 'debunked', 'unverified'];

const SVG_NS = 'http://www.w3.org/2000/svg';

/**
 * h('li', { class: 'x', dataset: { claimIndex: 1 }, tabindex: 0, onclick: fn }, 'text', child)
 * Strings and numbers become text nodes; null/undefined/false children are skipped; arrays
 * are flattened.
 */
export function h(tag, attrs, ...children) {
  const el = document.createElement(tag);
  if (attrs) {
    for (const [k, v] of Object.entries(attrs)) {
      if (v == null || v === false) continue;
      if (k === 'class') {
        el.className = v;
      } else if (k === 'dataset') {
        Object.assign(el.dataset, v);
      } else if (k.startsWith('on')) {
        if (typeof v === 'function') el.addEventListener(k.slice(2), v); // never an on* attribute
      } else if (k === 'text') {
        el.textContent = v;
      } else {
        el.setAttribute(k, v === true ? '' : String(v));
      }
    }
  }
  append(el, children);
  return el;
}

function append(el, children) {
  for (const c of children) {
    if (c == null || c === false) continue;
    if (Array.isArray(c)) append(el, c);
    else if (c instanceof Node) el.appendChild(c);
    else el.appendChild(document.createTextNode(String(c)));
  }
}

/** The URL if it is an absolute http(s) address, else null. Other schemes never become links. */
export function safeHttpUrl(url) {
  if (typeof url !== 'string' || url === '') return null;
  try {
    const u = new URL(url);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : null;
  } catch {
    return null;
  }
}

/** An external link that opens in a new tab and leaks neither opener nor referrer. */
export function extLink(href, text, cls) {
  return h(
    'a',
    { href, rel: 'noopener noreferrer', target: '_blank', class: cls, 'aria-describedby': 'newtab-note' },
    text,
  );
}

// Icons are drawn with strokes in currentColor so they follow the text colour, dark mode and
// forced-colors mode. Shapes differ per verdict, so colour is never the only cue.
const ICONS = {
  verified: [['path', { d: 'M3 8.5l3.2 3.2L13 4.6' }]],
  contradicted: [['path', { d: 'M4 4l8 8M12 4l-8 8' }]],
  debunked: [
    ['path', { d: 'M8 1.8L15 14.2H1z' }],
    ['path', { d: 'M8 6.2v3.6' }],
    ['path', { d: 'M8 12.1v.1' }],
  ],
  unverified: [
    ['path', { d: 'M5.6 5.8a2.4 2.4 0 1 1 3.4 2.2c-.7.3-1 .8-1 1.5v.5' }],
    ['path', { d: 'M8 12.6v.1' }],
  ],
};

export function verdictIcon(verdict) {
  const svg = document.createElementNS(SVG_NS, 'svg');
  svg.setAttribute('viewBox', '0 0 16 16');
  svg.setAttribute('class', `icon icon-${verdict}`);
  svg.setAttribute('aria-hidden', 'true');
  svg.setAttribute('focusable', 'false');
  for (const [tag, attrs] of ICONS[verdict] ?? ICONS.unverified) {
    const el = document.createElementNS(SVG_NS, tag);
    for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
    svg.appendChild(el);
  }
  return svg;
}

export function errorMessage(e) {
  if (e instanceof Error) return e.message || e.name;
  if (typeof e === 'string') return e;
  try {
    return JSON.stringify(e);
  } catch {
    return String(e);
  }
}

export function prefersReducedMotion() {
  return window.matchMedia('(prefers-reduced-motion: reduce)').matches;
}

export function scrollBehavior() {
  return prefersReducedMotion() ? 'auto' : 'smooth';
}

/**
 * Escape closes the <details> that holds the focus (the focus moves to its <summary>), else
 * the one opened last.
 */
export function setupEscapeCloses() {
  const opened = [];
  document.addEventListener(
    'toggle',
    (e) => {
      const d = e.target;
      if (!(d instanceof HTMLDetailsElement)) return;
      const i = opened.indexOf(d);
      if (i >= 0) opened.splice(i, 1);
      if (d.open) opened.push(d);
    },
    true,
  );
  document.addEventListener('keydown', (e) => {
    if (e.key !== 'Escape' || e.defaultPrevented) return;
    const active = document.activeElement;
    let open = active && active.closest ? active.closest('details[open]') : null;
    while (!open && opened.length) {
      const last = opened.pop();
      if (last.open && last.isConnected) open = last;
    }
    if (!open) return;
    const hadFocus = open.contains(active);
    open.open = false;
    const summary = open.querySelector(':scope > summary');
    if (summary && hadFocus) summary.focus();
    e.preventDefault();
  });
}

/** Loads the wasm-bindgen module and makes a Checker; throws an Error with a readable message. */
export async function loadChecker() {
  let mod;
  try {
    mod = await import('./pkg/saring.js');
  } catch (e) {
    throw new Error(`./pkg/saring.js: ${errorMessage(e)}`);
  }
  await mod.default();
  return new mod.Checker();
}
