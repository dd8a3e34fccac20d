// The extension in a real browser, for the end-to-end tests: serves tests/e2e/pages with
// saring-serve on 127.0.0.1, launches Debian's Chromium with an unpacked build of the extension
// (dist/chromium unless told otherwise), and gives the tests small helpers: tabs with their tab
// ids, the test hook, the badge, the popup, storage, every network request made.
//
// Not a test file (node --test runs *.test.mjs); imported by extension.test.mjs and
// hostile.test.mjs.

import assert from 'node:assert/strict';
import { spawn, execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { chromium } from 'playwright-core';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const pages = path.join(root, 'tests/e2e/pages');
export const shots = path.join(root, 'target/screenshots');
export const defaultExtension = path.resolve(process.env.SARING_EXTENSION || path.join(root, 'dist/chromium'));
const cli = process.env.SARING_CLI || path.join(root, 'target/release/saring');
export const VERDICTS = ['verified', 'contradicted', 'debunked', 'unverified'];

/** Starts saring-serve on a free port for `dir`; resolves with the child and its address. */
export function serve(dir = pages) {
  const bin = process.env.SARING_SERVE || path.join(root, 'target/release/saring-serve');
  const child = spawn(bin, [dir, '0'], { stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.stdout.on('data', (chunk) => {
      const m = /http:\/\/(127\.0\.0\.1:\d+)\//.exec(String(chunk));
      if (m) resolve({ child, base: `http://${m[1]}` });
    });
  });
}

/** The CLI's verdicts for the visible text of a fixture page (optionally with extra bundles). */
export function expected(file, bundles = []) {
  const args = ['check', '--format', 'json', '--html'];
  for (const b of bundles) args.push('--bundle', path.isAbsolute(b) ? b : path.join(pages, b));
  const out = execFileSync(cli, [...args, path.join(pages, file)], { encoding: 'utf8', maxBuffer: 256 << 20 });
  const claims = JSON.parse(out).inputs[0].claims;
  const counts = Object.fromEntries(VERDICTS.map((v) => [v, 0]));
  for (const c of claims) counts[c.verdict] += 1;
  return { claims, counts };
}

/** Polls `fn` until it returns `want` (deep-equal) or the time is up; returns the last value. */
export async function eventually(fn, want, timeout = 10000) {
  const end = Date.now() + timeout;
  let last;
  for (;;) {
    last = await fn();
    try {
      assert.deepEqual(last, want);
      return last;
    } catch (e) {
      if (Date.now() > end) throw e;
    }
    await new Promise((r) => setTimeout(r, 100));
  }
}

export async function waitState(page, states, timeout = 30000) {
  const want = [].concat(states);
  await page.waitForFunction((s) => s.includes(document.documentElement.dataset.saringState), want, { timeout });
  return page.evaluate(() => document.documentElement.dataset.saringState);
}

export async function countsOf(page) {
  return JSON.parse(await page.evaluate(() => document.documentElement.dataset.saringCounts || 'null'));
}

export function badgeWant(counts, sensitivity = 'all') {
  const n = counts.contradicted + counts.debunked + (sensitivity === 'all' ? counts.unverified : 0);
  // A badge holds four characters: above 999 it says so, and its title has the number.
  return n === 0 ? '' : n > 999 ? '999+' : String(n);
}

/**
 * Launches Chromium with the unpacked extension in `ext`. `userDataDir` '' is a fresh profile
 * thrown away on close; a directory keeps the profile (storage) across launches. `base` reuses
 * a running fixture server.
 */
export async function launch({ ext = defaultExtension, userDataDir = '', base = null, args = [] } = {}) {
  assert.ok(existsSync(path.join(ext, 'manifest.json')) && existsSync(path.join(ext, 'content.js')),
    `no unpacked extension in ${ext}: run ./build.sh first`);
  assert.ok(existsSync(path.join(ext, 'pkg/saring.js')), `${ext}/pkg/saring.js is missing: run ./build.sh first`);
  let server = null;
  if (!base) ({ child: server, base } = await serve(pages));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    headless: true,
    viewport: { width: 1280, height: 900 },
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
      '--disable-sync', '--no-first-run', '--disable-quic',
      `--disable-extensions-except=${ext}`, `--load-extension=${ext}`, ...args],
  });
  const requests = [];
  context.on('request', (r) => {
    let sw = null;
    try { sw = r.serviceWorker()?.url() ?? null; } catch { /* not a worker request */ }
    let frame = null;
    try { frame = r.frame()?.url() ?? null; } catch { /* a worker's request has no frame */ }
    requests.push({ url: r.url(), type: r.resourceType(), frame, sw });
  });

  const h = {
    context, base, requests, ext, extId: null,
    async worker() {
      const live = context.serviceWorkers().find((w) => w.url().startsWith('chrome-extension://'));
      return live ?? context.waitForEvent('serviceworker', { timeout: 10000 });
    },
    async inWorker(fn, arg) {
      return (await h.worker()).evaluate(fn, arg);
    },
    async tabIds() {
      return h.inWorker(async () => (await chrome.tabs.query({})).map((t) => t.id));
    },
    /** A new tab on a fixture page, with its tab id (the one id that was not there before). */
    async openTab(file) {
      const known = new Set(await h.tabIds());
      const page = await context.newPage();
      const errors = [];
      const warnings = [];
      page.on('pageerror', (e) => errors.push(String(e)));
      page.on('console', (m) => { if (m.type() === 'warning' && m.text().includes('[Saring]')) warnings.push(m.text()); });
      let tabId;
      for (let i = 0; i < 50 && tabId === undefined; i += 1) {
        tabId = (await h.tabIds()).find((id) => !known.has(id));
        if (tabId === undefined) await page.waitForTimeout(100);
      }
      assert.ok(tabId !== undefined, 'the new tab shows up in chrome.tabs');
      if (file) await page.goto(`${base}/${file}`);
      return { page, tabId, errors, warnings };
    },
    badge(tabId) {
      return h.inWorker((id) => chrome.action.getBadgeText({ tabId: id }), tabId);
    },
    async storage() {
      return h.inWorker(() => chrome.storage.local.get(null));
    },
    async resetStorage() {
      await h.inWorker(() => chrome.storage.local.clear());
    },
    async openPopup(tabId, viewport = { width: 360, height: 600 }) {
      const popup = await context.newPage();
      await popup.setViewportSize(viewport);
      const errors = [];
      popup.on('pageerror', (e) => errors.push(String(e)));
      await popup.goto(`chrome-extension://${h.extId}/popup.html?tab=${tabId}`);
      await popup.waitForFunction(() => !['loading', 'scanning'].includes(document.documentElement.dataset.saringPopup),
        null, { timeout: 20000 });
      return { popup, errors };
    },
    async openOptions() {
      const page = await context.newPage();
      const errors = [];
      page.on('pageerror', (e) => errors.push(String(e)));
      await page.setViewportSize({ width: 900, height: 1000 });
      await page.goto(`chrome-extension://${h.extId}/options.html`);
      await page.waitForFunction(() => /\d{4}\.\d{2}\.\d{2}/.test(document.querySelector('#builtin-version')?.textContent ?? ''),
        null, { timeout: 20000 });
      return { page, errors };
    },
    async close() {
      await context.close();
      server?.kill();
    },
  };
  h.extId = new URL((await h.worker()).url()).host;
  return h;
}

/** Scrolls the first range of the `saring-<verdict>` highlight into view; its centre on screen. */
export function highlightCentre(page, verdict) {
  return page.evaluate((name) => {
    const r = [...CSS.highlights.get(name)][0];
    r.startContainer.parentElement.scrollIntoView({ block: 'center' });
    const q = r.getClientRects()[0];
    return { x: q.left + q.width / 2, y: q.top + q.height / 2 };
  }, `saring-${verdict}`);
}

/**
 * The card's shadow root as the browser's DevTools protocol sees it (it pierces closed shadow
 * roots, which no page script can): `{ html, text }`, or null when there is no card.
 */
export async function cardOf(page) {
  const cdp = await page.context().newCDPSession(page);
  try {
    const { root: doc } = await cdp.send('DOM.getDocument', { depth: -1, pierce: true });
    const find = (n) => {
      if (n.attributes) {
        const attrs = n.attributes;
        for (let i = 0; i < attrs.length; i += 2) {
          if (attrs[i] === 'id' && attrs[i + 1] === 'saring-card-host') return n;
        }
      }
      for (const c of [...(n.children ?? []), ...(n.shadowRoots ?? [])]) {
        const f = find(c);
        if (f) return f;
      }
      return null;
    };
    const host = find(doc);
    const shadow = host?.shadowRoots?.[0];
    if (!shadow) return null;
    const parts = [];
    for (const c of shadow.children ?? []) {
      parts.push((await cdp.send('DOM.getOuterHTML', { nodeId: c.nodeId })).outerHTML);
    }
    const html = parts.join('');
    const texts = [];
    const walk = (n) => {
      if (n.nodeType === 3 && n.nodeValue.trim()) texts.push(n.nodeValue.trim());
      if (n.nodeName !== 'STYLE') for (const c of n.children ?? []) walk(c);
    };
    walk(shadow);
    // Where each button is, to click it as a reader would.
    const buttons = {};
    const collect = async (n) => {
      const attrs = n.attributes ?? [];
      for (let i = 0; i < attrs.length; i += 2) {
        if (attrs[i] === 'data-action') {
          try {
            const { model } = await cdp.send('DOM.getBoxModel', { nodeId: n.nodeId });
            const q = model.content;
            buttons[attrs[i + 1]] = { x: (q[0] + q[4]) / 2, y: (q[1] + q[5]) / 2 };
          } catch { /* hidden: no box */ }
        }
      }
      for (const c of n.children ?? []) await collect(c);
    };
    await collect(shadow);
    return { html, text: texts.join(' '), mode: shadow.shadowRootType, buttons };
  } finally {
    await cdp.detach().catch(() => {});
  }
}
