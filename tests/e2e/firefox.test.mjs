// The browser extension (dist/firefox, assembled by the build) in real headless Firefox (Debian's
// firefox-esr), driven through geckodriver with plain WebDriver HTTP (fetch; no client library),
// on the fixture pages in tests/e2e/pages served by saring-serve on 127.0.0.1. Checks that the
// content script runs (installed temporarily from the directory, as about:debugging does), its
// counts against the CLI's verdicts for the same visible text, the highlights in the page's own
// registry, the marks visible on screen, the badge, what a revoked host permission does, and that
// the extension logged no error. Screenshots:
// target/screenshots/firefox-*.png.
//
//   GECKODRIVER=… FIREFOX=… node --test firefox.test.mjs   (both default to what is on PATH)
//   SARING_FIREFOX_EXTENSION=/path/to/unpacked node --test firefox.test.mjs   (another build)

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, execFileSync } from 'node:child_process';
import { accessSync, constants, existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import os from 'node:os';
import path from 'node:path';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const pages = path.join(root, 'tests/e2e/pages');
const shots = path.join(root, 'target/screenshots');
const ext = path.resolve(process.env.SARING_FIREFOX_EXTENSION || path.join(root, 'dist/firefox'));
const cli = process.env.SARING_CLI || path.join(root, 'target/release/saring');
const VERDICTS = ['verified', 'contradicted', 'debunked', 'unverified'];
const ADDON_ID = 'saring@saring.example';
// A fixed moz-extension:// host (pref extensions.webextensions.uuids), so that the test can open
// the extension's own pages; Firefox otherwise picks a random one per profile.
const UUID = '5a417e57-0000-4000-8000-000000000140';
const EXT_ORIGIN = `moz-extension://${UUID}`;

// Bounds, so that a broken browser fails the test instead of hanging it.
const START_TIMEOUT = 90000; // geckodriver up, Firefox started
const COMMAND_TIMEOUT = 60000; // one WebDriver command
const SCAN_TIMEOUT = 30000; // a page checked

const PREFS = {
  // Content (and content-script) console messages go to Firefox's stdout, which geckodriver
  // passes on: the only way to see the extension's warnings and errors over classic WebDriver.
  'devtools.console.stdout.content': true,
  'extensions.webextensions.uuids': JSON.stringify({ [ADDON_ID]: UUID }),
  // Less of Firefox's own background traffic and noise (geckodriver sets most of the rest).
  'browser.newtabpage.activity-stream.feeds.topsites': false,
  'browser.newtabpage.activity-stream.showSponsoredTopSites': false,
  'browser.topsites.contile.enabled': false,
  'extensions.getAddons.cache.enabled': false,
  'network.captive-portal-service.enabled': false,
  'network.connectivity-service.enabled': false,
};

let server;
let base;
let driver; // the geckodriver process
let driverUrl;
let session;
let pageHandle; // the window the fixture pages are opened in
let addonId; // what installing the add-on answered
const log = []; // geckodriver's and Firefox's output, line by line

/** An executable: `envName`'s value if set, else the first of `names` found on PATH. */
function findExecutable(envName, names) {
  const dirs = [...(process.env.PATH || '').split(path.delimiter), path.join(os.homedir(), '.cargo/bin')];
  const candidates = process.env[envName] ? [process.env[envName]] : names.flatMap((n) => dirs.map((d) => path.join(d, n)));
  for (const c of candidates) {
    try {
      accessSync(c, constants.X_OK);
      return c;
    } catch { /* next */ }
  }
  return null;
}

/** Starts saring-serve on a free port and resolves with its address. */
function serve(dir) {
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

/**
 * Starts geckodriver on a port the system picks (--port 0; it prints the one it got), in its own
 * process group so that after() can end it and the Firefox it started together. Its output (and
 * Firefox's, which it passes on) is kept in `log`.
 */
function startGeckodriver(bin) {
  const child = spawn(bin, ['--port', '0', '--host', '127.0.0.1'], { stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  let partial = '';
  const keep = (chunk) => {
    const lines = (partial + chunk).split('\n');
    partial = lines.pop();
    log.push(...lines);
  };
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`geckodriver did not start in ${START_TIMEOUT} ms:\n${log.join('\n')}`)), START_TIMEOUT);
    child.on('error', (e) => { clearTimeout(timer); reject(e); });
    child.on('exit', (code) => { clearTimeout(timer); reject(new Error(`geckodriver exited (${code}):\n${log.join('\n')}`)); });
    child.stderr.on('data', keep);
    child.stdout.on('data', (chunk) => {
      keep(chunk);
      const m = /Listening on (127\.0\.0\.1:\d+)/.exec(log.join('\n'));
      if (m) {
        clearTimeout(timer);
        resolve({ child, url: `http://${m[1]}` });
      }
    });
  });
}

/** One WebDriver command; rejects with the driver's error (never hangs: bounded by `timeout`). */
async function wd(method, route, body, timeout = COMMAND_TIMEOUT) {
  const res = await fetch(driverUrl + route, {
    method,
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
    signal: AbortSignal.timeout(timeout),
  });
  const json = await res.json();
  if (!res.ok) {
    const v = json.value ?? {};
    throw new Error(`WebDriver ${method} ${route}: ${v.error}: ${v.message}`);
  }
  return json.value;
}

/** A WebDriver command of the session. */
function cmd(method, route, body, timeout) {
  return wd(method, `/session/${session}${route}`, body, timeout);
}

/** Runs a function's body in the current page (the page's own world, not the extension's). */
function run(script, ...args) {
  return cmd('POST', '/execute/sync', { script, args });
}

/** Runs an async function body (`return await …`) in the current page. */
function runAsync(body, ...args) {
  const script = `const done = arguments[arguments.length - 1];
    (async (...args) => { ${body} })(...Array.from(arguments).slice(0, -1))
      .then((v) => done({ ok: v }), (e) => done({ error: String(e?.message ?? e) }));`;
  return cmd('POST', '/execute/async', { script, args }).then((r) => {
    if (r && 'error' in r) throw new Error(r.error);
    return r?.ok;
  });
}

/** The CLI's verdicts for the visible text of a fixture page. */
function expected(file) {
  const out = execFileSync(cli, ['check', '--format', 'json', '--html', path.join(pages, file)], { encoding: 'utf8' });
  const claims = JSON.parse(out).inputs[0].claims;
  const counts = Object.fromEntries(VERDICTS.map((v) => [v, 0]));
  for (const c of claims) counts[c.verdict] += 1;
  return { claims, counts };
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** Polls `fn` until it returns `want` (deep-equal) or the time is up; returns the last value. */
async function eventually(fn, want, timeout = 10000) {
  const end = Date.now() + timeout;
  for (;;) {
    const last = await fn();
    try {
      assert.deepEqual(last, want);
      return last;
    } catch (e) {
      if (Date.now() > end) throw e;
    }
    await sleep(100);
  }
}

/** Waits until the current document's <html data-saring-state> is one of `states`. */
async function waitState(states, timeout = SCAN_TIMEOUT) {
  const want = [].concat(states);
  const end = Date.now() + timeout;
  let state;
  for (;;) {
    state = await run('return document.documentElement.dataset.saringState ?? null');
    if (want.includes(state)) return state;
    if (Date.now() > end) {
      assert.fail(`data-saring-state is ${state}, not ${want.join('|')}, after ${timeout} ms `
        + '(null: the content script did not run)\n' + extensionErrors().join('\n'));
    }
    await sleep(100);
  }
}

/** data-saring-counts, parsed here: geckodriver's JSON would not keep the keys' order. */
async function countsOf() {
  return JSON.parse(await run('return document.documentElement.dataset.saringCounts ?? "null"'));
}

/** Highlights in the current document's registry: { verdict: [range text…] }. */
function highlights() {
  return run(`return Object.fromEntries(arguments[0].map((v) => {
    const h = CSS.highlights.get('saring-' + v);
    return [v, h ? [...h].map((r) => r.toString()) : []];
  }))`, VERDICTS);
}

/** Asserts that the highlights are the CLI's claims, one range each. */
async function assertHighlights(want) {
  const hl = await highlights();
  assert.deepEqual(Object.fromEntries(VERDICTS.map((v) => [v, hl[v].length])), want.counts);
  const norm = (s) => s.replace(/\s+/g, ' ').trim();
  for (const v of VERDICTS) {
    for (const text of hl[v]) {
      assert.ok(want.claims.some((c) => c.verdict === v && norm(c.text) === norm(text)), `unexpected saring-${v}: ${text}`);
    }
  }
}

/** What the content script keeps to itself: none of it is visible from the page's world. */
async function assertIsolated() {
  assert.deepEqual(await run('return [typeof wasm_bindgen, typeof saringLoadCore, typeof __saringContent]'),
    ['undefined', 'undefined', 'undefined']);
}

/**
 * Lines of the log that the extension's code caused: uncaught errors and rejections in its
 * files ("JavaScript error: moz-extension://…"), and its own console warnings ("[Saring]").
 */
function extensionErrors(from = 0) {
  return log.slice(from).filter((l) => /JavaScript (error|warning): moz-extension:|"\[Saring\]"/.test(l));
}

/** Errors of the fixture pages' own scripts (none is expected; the extension must not cause one). */
function pageErrors(from = 0) {
  return log.slice(from).filter((l) => l.includes(`JavaScript error: ${base}/`));
}

/** Saves a screenshot of the viewport as target/screenshots/firefox-NAME.png; resolves with it (base64). */
async function screenshot(name) {
  const png = await cmd('GET', '/screenshot');
  await writeFile(path.join(shots, `firefox-${name}.png`), Buffer.from(png, 'base64'));
  return png;
}

/**
 * Asserts that a claim of each verdict found is visibly marked on the screen, not only registered:
 * its first line scrolled into view, a screenshot, and the commonest colour inside that line's box
 * must not be the page's white. (Firefox 140 draws no text-decoration of a ::highlight, so without
 * content.firefox.css's tints verified and unverified claims would show nothing.)
 */
async function assertMarksVisible(counts, name) {
  for (const v of VERDICTS.filter((x) => counts[x] > 0)) {
    const box = await run(`const r = [...CSS.highlights.get('saring-' + arguments[0])][0];
      r.startContainer.parentElement.scrollIntoView({ block: 'center' });
      const b = r.getClientRects()[0];
      const k = devicePixelRatio;
      return [b.left, b.top, b.width, b.height].map((n) => Math.round(n * k));`, v);
    const png = await screenshot(`${name}-${v}`);
    const colour = await inExtension(`const img = new Image();
      img.src = 'data:image/png;base64,' + args[0];
      await img.decode();
      const canvas = document.createElement('canvas');
      canvas.width = img.width;
      canvas.height = img.height;
      const g = canvas.getContext('2d');
      g.drawImage(img, 0, 0);
      const { data } = g.getImageData(...args[1]);
      const seen = new Map();
      for (let i = 0; i < data.length; i += 4) {
        const key = data[i] + ',' + data[i + 1] + ',' + data[i + 2];
        seen.set(key, (seen.get(key) ?? 0) + 1);
      }
      return [...seen].sort((a, b) => b[1] - a[1])[0][0];`, png, box);
    assert.notEqual(colour, '255,255,255', `the ${v} claim is not marked on the screen (firefox-${name}-${v}.png)`);
  }
}

/**
 * Runs `body` in one of the extension's own pages (options.html, in a second tab): the only place
 * the WebExtension API (`browser`) can be reached from WebDriver. Back on the fixture tab after.
 */
async function inExtension(body, ...args) {
  const { handle } = await cmd('POST', '/window/new', { type: 'tab' });
  await cmd('POST', '/window', { handle });
  try {
    await cmd('POST', '/url', { url: `${EXT_ORIGIN}/options.html` });
    return await runAsync(body, ...args);
  } finally {
    await cmd('DELETE', '/window');
    await cmd('POST', '/window', { handle: pageHandle });
  }
}

/** The badge of the tab showing `url`. */
function badge(url) {
  // (Not tabs.query({url}): a match pattern cannot name the test server's port.)
  return inExtension(`const tab = (await browser.tabs.query({})).find((t) => t.url === args[0]);
    return tab ? browser.action.getBadgeText({ tabId: tab.id }) : 'no tab for ' + args[0];`, url);
}

function badgeWant(counts) {
  const n = counts.contradicted + counts.debunked + counts.unverified; // sensitivity 'all'
  return n ? String(n) : '';
}

/** Opens a fixture page in the test's tab; resolves with the log position before it. */
async function open(file) {
  const mark = log.length;
  await cmd('POST', '/url', { url: `${base}/${file}` });
  return mark;
}

before(async () => {
  assert.ok(existsSync(path.join(ext, 'manifest.json')) && existsSync(path.join(ext, 'pkg/saring-classic.js')),
    `no unpacked Firefox extension in ${ext}: run ./build.sh first`);
  const geckodriver = findExecutable('GECKODRIVER', ['geckodriver']);
  assert.ok(geckodriver, 'geckodriver not found: set GECKODRIVER or run ./build.sh test (it installs it)');
  const firefox = findExecutable('FIREFOX', ['firefox-esr', 'firefox']);
  assert.ok(firefox, 'Firefox not found: set FIREFOX or install firefox-esr (./build.sh test does)');
  await mkdir(shots, { recursive: true });
  ({ child: server, base } = await serve(pages));
  ({ child: driver, url: driverUrl } = await startGeckodriver(geckodriver));
  const created = await wd('POST', '/session', {
    capabilities: {
      alwaysMatch: {
        browserName: 'firefox',
        'moz:firefoxOptions': { binary: firefox, args: ['-headless'], prefs: PREFS },
        timeouts: { script: SCAN_TIMEOUT, pageLoad: SCAN_TIMEOUT, implicit: 0 },
      },
    },
  }, START_TIMEOUT);
  session = created.sessionId;
  await cmd('POST', '/window/rect', { width: 1280, height: 900 });
  pageHandle = await cmd('GET', '/window');
  // From the directory, as about:debugging's "Load Temporary Add-on" does. (Installed as a
  // base64 zip through geckodriver 0.37, the content scripts do not run.)
  addonId = await cmd('POST', '/moz/addon/install', { path: ext, temporary: true });
});

after(async () => {
  if (session) await cmd('DELETE', '', undefined, 20000).catch(() => {});
  if (driver && driver.exitCode === null) {
    try { process.kill(-driver.pid, 'SIGTERM'); } catch { /* gone already */ }
  }
  server?.kill();
});

test('the add-on installs temporarily from dist/firefox, its host permission granted', async () => {
  assert.equal(addonId, ADDON_ID);
  // Firefox treats MV3 host permissions as the user's to grant, but since Firefox 127 it grants
  // those of the content scripts' matches at install (extensions.originControls.grantByDefault):
  // no permission prompt and no pref are needed for the content script to run.
  const got = await inExtension(`return {
    all: await browser.permissions.contains({ origins: ['<all_urls>'] }),
    manifest: browser.runtime.getManifest(),
  };`);
  assert.equal(got.all, true, '<all_urls> granted');
  assert.equal(got.manifest.browser_specific_settings.gecko.id, ADDON_ID);
  // (Firefox's getManifest() gives the content scripts as absolute URLs.)
  const [cs] = got.manifest.content_scripts;
  assert.deepEqual(cs.js.map((u) => u.replace(`${EXT_ORIGIN}/`, '')), ['pkg/saring-classic.js', 'core.firefox.js', 'content.js']);
  assert.deepEqual(cs.css.map((u) => u.replace(`${EXT_ORIGIN}/`, '')), ['content.css', 'content.firefox.css']);
});

for (const file of ['article-004.html', 'article-000.html', 'plain.html']) {
  test(`${file}: the page's verdicts are the CLI's, highlighted in the page, counted on the badge`, async () => {
    const want = expected(file);
    const mark = await open(file);
    assert.equal(await waitState('done'), 'done');
    const counts = await countsOf();
    assert.deepEqual(Object.keys(counts), VERDICTS);
    assert.deepEqual(counts, want.counts);
    // The content script registers its highlights in the page's own registry (through Firefox's
    // Xray wrappers), so the page world sees them, as in Chromium.
    await assertHighlights(want);
    await assertIsolated();
    await screenshot(file.replace(/\.html$/, ''));
    await assertMarksVisible(want.counts, file.replace(/\.html$/, ''));
    assert.equal(await eventually(() => badge(`${base}/${file}`), badgeWant(want.counts)), badgeWant(want.counts));
    assert.deepEqual(extensionErrors(mark), []);
    assert.deepEqual(pageErrors(mark), []);
  });
}

test('a same-origin iframe is checked too', async () => {
  const mark = await open('iframe.html');
  assert.equal(await waitState('done'), 'done');
  assert.deepEqual(await countsOf(), expected('iframe.html').counts);
  const want = expected('article-004.html');
  const frame = await cmd('POST', '/element', { using: 'css selector', value: 'iframe' });
  await cmd('POST', '/frame', { id: frame });
  try {
    assert.equal(await waitState('done'), 'done');
    assert.deepEqual(await countsOf(), want.counts);
    await assertHighlights(want);
    await screenshot('iframe');
  } finally {
    await cmd('POST', '/frame/parent', {});
  }
  // The badge adds up the tab's frames.
  assert.equal(await eventually(() => badge(`${base}/iframe.html`), badgeWant(want.counts)), badgeWant(want.counts));
  assert.deepEqual(extensionErrors(mark), []);
  assert.deepEqual(pageErrors(mark), []);
});

test('an article added after load is checked too', async () => {
  const want = expected('article-004.html'); // late.html ends up with the same visible text
  const mark = await open('late.html');
  await waitState('done');
  await eventually(() => run('return document.documentElement.dataset.articleAdded ?? null'), 'true');
  await eventually(countsOf, want.counts, 15000);
  assert.equal(await waitState('done'), 'done');
  await assertHighlights(want);
  await screenshot('late');
  assert.deepEqual(extensionErrors(mark), []);
  assert.deepEqual(pageErrors(mark), []);
});

test('a page whose CSP forbids WebAssembly is checked by the WebAssembly core itself', async () => {
  // Firefox does not apply the page's CSP to a content script's WebAssembly, so the Firefox
  // package needs (and has) no wasm2js fallback: the same counts as the CLI's.
  const want = expected('csp.html');
  assert.ok(want.claims.length > 0);
  const mark = await open('csp.html');
  assert.equal(await waitState(['done', 'error']), 'done');
  assert.deepEqual(await countsOf(), want.counts);
  await assertHighlights(want);
  await screenshot('csp');
  assert.deepEqual(extensionErrors(mark), []);
  assert.deepEqual(pageErrors(mark), []);
});

// Last of the page tests: granting the permission back needs a user gesture WebDriver cannot give.
test('with its host permission revoked, Firefox runs no content script: pages are left alone', async () => {
  const left = await inExtension(`await browser.permissions.remove({ origins: ['<all_urls>'] });
    return browser.permissions.contains({ origins: ['<all_urls>'] });`);
  assert.equal(left, false);
  await open('article-004.html?revoked');
  await sleep(2000); // the time the content script takes with the permission is ~0.3 s
  assert.equal(await run('return document.documentElement.dataset.saringState ?? null'), null);
  assert.equal(await run('return CSS.highlights.size'), 0);
});

test('the extension logged no error and no warning over the whole session', async () => {
  // The log does carry the pages' console (else this test would prove nothing).
  await run('console.warn("saring-e2e: the console reaches the log")');
  await eventually(() => log.some((l) => l.includes('saring-e2e: the console reaches the log')), true);
  assert.deepEqual(extensionErrors(), []);
});
