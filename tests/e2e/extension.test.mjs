// The browser extension (dist/chromium, assembled by the build) loaded into real headless
// Chromium (Debian's), on the fixture pages in tests/e2e/pages served by saring-serve on
// 127.0.0.1. Checks the content script against the CLI's verdicts for the same visible text, the
// highlights in the page's own highlight registry, the card, the badge, the popup, the per-site
// switch, the options page (bundle import) — and that the extension made no network request.
// Hostile pages, bad bundles and persistence are in hostile.test.mjs.
//
//   cd tests/e2e && node --test extension.test.mjs
//   SARING_EXTENSION=/path/to/unpacked node --test extension.test.mjs   (another build)

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import {
  root, pages, shots, VERDICTS, expected, eventually, waitState, countsOf, badgeWant, launch, cardOf,
  highlightCentre,
} from './harness.mjs';

let h;
let context;
let extId;
let base;

const inWorker = (fn, arg) => h.inWorker(fn, arg);
const openTab = (file) => h.openTab(file);
const badge = (tabId) => h.badge(tabId);
const resetStorage = () => h.resetStorage();
const openPopup = (tabId, viewport) => h.openPopup(tabId, viewport);

before(async () => {
  await mkdir(shots, { recursive: true });
  h = await launch();
  ({ context, extId, base } = h);
});

after(async () => {
  await h?.close();
});

test('manifests and locales: one source for both browsers, every string in both languages', async () => {
  const src = path.join(root, 'extension');
  const read = async (f) => readFile(path.join(src, f), 'utf8');
  const manifest = JSON.parse(await read('manifest.json'));
  const firefox = { ...manifest, ...JSON.parse(await read('manifest.firefox.json')) }; // what the build writes
  assert.equal(manifest.manifest_version, 3);
  assert.deepEqual(manifest.background, { service_worker: 'sw.js', type: 'module' });
  assert.deepEqual(firefox.background.scripts, ['sw.js']);
  assert.equal(firefox.browser_specific_settings.gecko.id, 'saring@saring.example');
  assert.equal(firefox.browser_specific_settings.gecko.strict_min_version, '140.0');
  assert.deepEqual(manifest.permissions, ['storage', 'contextMenus']);
  assert.equal(manifest.host_permissions, undefined);
  assert.equal(manifest.content_security_policy.extension_pages, "script-src 'self' 'wasm-unsafe-eval'; object-src 'self'");
  const [cs] = manifest.content_scripts;
  assert.deepEqual([cs.matches, cs.all_frames, cs.run_at, cs.js, cs.css],
    [['<all_urls>'], true, 'document_idle', ['core.chromium.js', 'content.js'], ['content.css']]);
  // Firefox's content script is the same but for how the core is loaded (core.firefox.js) and
  // tints for the underlines Firefox does not draw (content.firefox.css).
  const [ffcs] = firefox.content_scripts;
  assert.deepEqual(ffcs.js, ['pkg/saring-classic.js', 'core.firefox.js', 'content.js']);
  assert.deepEqual(ffcs.css, ['content.css', 'content.firefox.css']);
  assert.deepEqual({ ...ffcs, js: cs.js, css: cs.css }, cs);
  for (const size of ['16', '32', '48', '128']) {
    const png = await readFile(path.join(src, manifest.icons[size]));
    assert.equal(png.readUInt32BE(16), Number(size), `icon ${size} is ${size} px wide`);
  }

  const id = JSON.parse(await read('_locales/id/messages.json'));
  const en = JSON.parse(await read('_locales/en/messages.json'));
  assert.deepEqual(Object.keys(id).sort(), Object.keys(en).sort());
  for (const k of Object.keys(id)) {
    assert.deepEqual(Object.keys(id[k].placeholders ?? {}).sort(), Object.keys(en[k].placeholders ?? {}).sort(), k);
  }
  const used = new Set(['verdictVerified', 'verdictContradicted', 'verdictDebunked', 'verdictUnverified',
    'verdictHelpVerified', 'verdictHelpContradicted', 'verdictHelpDebunked', 'verdictHelpUnverified']);
  for (const m of JSON.stringify(manifest).matchAll(/__MSG_(\w+)__/g)) used.add(m[1]);
  for (const f of ['popup.html', 'options.html']) {
    const html = await read(f);
    for (const m of html.matchAll(/data-i18n="(\w+)"/g)) used.add(m[1]);
    for (const m of html.matchAll(/data-i18n-attr="([^"]+)"/g)) {
      for (const pair of m[1].split(';')) used.add(pair.split('=')[1].trim());
    }
  }
  for (const f of ['popup.js', 'options.js', 'sw.js', 'i18n.js', 'content.js']) {
    const js = await read(f);
    for (const m of js.matchAll(/\b(?:t|getMessage)\('(\w+)'/g)) used.add(m[1]);
  }
  for (const k of used) assert.ok(id[k] && en[k], `message ${k} is missing`);
  assert.equal(id.verdictContradicted.message, 'Bertentangan dengan data resmi');
  assert.equal(en.verdictDebunked.message, 'Debunked');
});

test('the service worker runs', async () => {
  const workers = context.serviceWorkers();
  assert.ok(workers.length >= 1, 'a service worker');
  assert.ok(workers.some((w) => w.url() === `chrome-extension://${extId}/sw.js`), workers.map((w) => w.url()).join(', '));
  const manifest = await inWorker(() => chrome.runtime.getManifest());
  assert.deepEqual([...manifest.permissions].sort(), ['contextMenus', 'storage']);
  assert.equal(manifest.name, 'Saring');
});

for (const file of ['article-004.html', 'article-000.html']) {
  test(`${file}: the page's verdicts are the CLI's, highlighted in the page, counted on the badge`, async () => {
    await resetStorage();
    const want = expected(file);
    assert.ok(want.claims.length > 0, 'the fixture has claims');
    assert.ok(!want.claims.some((c) => c.text.includes('15 Februari 2024')), 'the CLI does not see the hidden claim');

    const { page, tabId, errors } = await openTab(file);
    assert.equal(await waitState(page, 'done'), 'done');
    const counts = await countsOf(page);
    assert.deepEqual(Object.keys(counts), VERDICTS);
    assert.deepEqual(counts, want.counts);

    // The highlights live in the page's own (main world) registry.
    const hl = await page.evaluate((vs) => Object.fromEntries(vs.map((v) => {
      const h = CSS.highlights.get(`saring-${v}`);
      return [v, h ? h.size : 0];
    })), VERDICTS);
    assert.deepEqual(hl, want.counts);
    assert.equal(await page.evaluate(() => CSS.highlights.has('saring-contradicted')), want.counts.contradicted > 0);
    // Every highlighted range covers one of the CLI's claims.
    const ranges = await page.evaluate(() => [...CSS.highlights].flatMap(([name, h]) => [...h].map((r) => [name, r.toString()])));
    const norm = (s) => s.replace(/\s+/g, ' ').trim();
    for (const [name, text] of ranges) {
      const v = name.replace('saring-', '');
      assert.ok(want.claims.some((c) => c.verdict === v && norm(c.text) === norm(text)), `unexpected ${name}: ${text}`);
    }

    assert.equal(await eventually(() => badge(tabId), badgeWant(want.counts)), badgeWant(want.counts));
    assert.deepEqual(errors, []);
    await page.close();
  });
}

test('a same-origin iframe is checked too, and its claims count on the tab\'s badge', async () => {
  await resetStorage();
  const want = expected('article-004.html');
  const { page, tabId, errors } = await openTab('iframe.html');
  await waitState(page, 'done');
  let frame;
  for (let i = 0; i < 100 && !frame; i += 1) {
    frame = page.frames().find((f) => f.url().endsWith('/article-004.html'));
    if (!frame) await page.waitForTimeout(100);
  }
  assert.ok(frame, 'the iframe loaded');
  await frame.waitForFunction(() => document.documentElement.dataset.saringState === 'done', null, { timeout: 30000 });
  const counts = JSON.parse(await frame.evaluate(() => document.documentElement.dataset.saringCounts));
  assert.deepEqual(counts, want.counts);
  assert.equal(await eventually(() => badge(tabId), badgeWant(want.counts)), badgeWant(want.counts));
  assert.deepEqual(errors, []);
  await page.close();
});

test('the popup lists the claims; choosing one sends focus; dismissing hides it', async () => {
  await resetStorage();
  const file = 'article-004.html';
  const want = expected(file);
  const { page, tabId } = await openTab(file);
  await waitState(page, 'done');

  // Without a choice the popup speaks the browser's language (this headless one is English);
  // the choice in the options overrides it.
  const browserLang = (await inWorker(() => chrome.i18n.getUILanguage())).startsWith('en') ? 'en' : 'id';
  const first = await openPopup(tabId);
  assert.equal(await first.popup.getAttribute('html', 'lang'), browserLang);
  await first.popup.close();
  await inWorker(() => chrome.storage.local.set({ lang: 'id' }));

  const { popup, errors } = await openPopup(tabId);
  assert.equal(await popup.getAttribute('html', 'data-saring-popup'), 'claims');
  const items = await popup.$$eval('#claims li.claim', (lis) => lis.map((li) => ({
    verdict: li.dataset.verdict, text: li.querySelector('.claim-text').textContent, index: Number(li.dataset.index),
  })));
  assert.deepEqual(items.map((i) => i.verdict).sort(), want.claims.map((c) => c.verdict).sort());
  const contradicted = items.find((i) => i.verdict === 'contradicted');
  assert.match(contradicted.text, /Komisi Penyelenggara Umum/);
  assert.match(await popup.textContent('#claims li.claim[data-verdict="contradicted"] .claim-official'), /Komisi Pemilihan Umum/);
  assert.equal(await popup.getAttribute('html', 'lang'), 'id');
  assert.match(await popup.textContent('#summary-text'), /^2 klaim pemilu/);
  assert.equal(await popup.textContent('#counts li[data-verdict="contradicted"] .count-n'), '1');
  assert.match(await popup.textContent('#site-switch-label'), /127\.0\.0\.1/);
  assert.equal(await popup.isChecked('#site-switch'), true);
  assert.equal(await popup.isChecked('#global-switch'), true);

  // Fits 360 px.
  const overflow = await popup.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 1, `the popup is ${overflow}px wider than 360`);
  await popup.screenshot({ path: path.join(shots, 'ext-popup.png'), fullPage: true });

  // Click, then keyboard (Enter) on an item.
  await popup.click(`#claims li.claim[data-index="${contradicted.index}"] .claim-main`);
  await popup.waitForSelector(`#claims li.claim.is-current[data-index="${contradicted.index}"]`);
  await page.waitForSelector('#saring-card-host', { state: 'attached' }); // the scanner opened its card
  await page.screenshot({ path: path.join(shots, 'ext-page-004.png') });
  const other = items.find((i) => i.index !== contradicted.index);
  await popup.focus(`#claims li.claim[data-index="${other.index}"] .claim-main`);
  await popup.keyboard.press('Enter');
  await popup.waitForSelector(`#claims li.claim.is-current[data-index="${other.index}"]`);
  // The keyboard reaches the switches too.
  let reached = false;
  for (let i = 0; i < 30 && !reached; i += 1) {
    await popup.keyboard.press('Tab');
    reached = await popup.evaluate(() => document.activeElement?.id === 'site-switch');
  }
  assert.ok(reached, 'Tab reaches the site switch');

  // Dismiss the verified claim: it is gone from the list and its key is stored.
  const verified = items.find((i) => i.verdict === 'verified');
  await popup.click(`#claims li.claim[data-index="${verified.index}"] .claim-dismiss`);
  await popup.waitForFunction(() => !document.querySelector('#claims li.claim[data-verdict="verified"]'));
  const { dismissed } = await inWorker(() => chrome.storage.local.get('dismissed'));
  assert.equal(dismissed.length, 1);
  assert.deepEqual(errors, []);
  await popup.close();
  await page.close();
});

test('the site switch turns the page off and on again', async () => {
  await resetStorage();
  const file = 'article-004.html';
  const want = expected(file);
  const { page, tabId } = await openTab(file);
  await waitState(page, 'done');
  await eventually(() => badge(tabId), badgeWant(want.counts));

  const { popup } = await openPopup(tabId);
  await popup.click('#site-switch');
  assert.equal(await waitState(page, 'off', 10000), 'off');
  const { sites } = await inWorker(() => chrome.storage.local.get('sites'));
  assert.deepEqual(sites, { '127.0.0.1': false });
  assert.equal(await page.evaluate(() => [...CSS.highlights].reduce((n, [, h]) => n + h.size, 0)), 0);
  await eventually(() => badge(tabId), '');
  await popup.waitForFunction(() => document.documentElement.dataset.saringPopup === 'off');
  assert.equal(await popup.isChecked('#site-switch'), false);

  // A page loaded while the site is off stays off and loads nothing.
  const second = await openTab(file);
  assert.equal(await waitState(second.page, 'off'), 'off');
  await second.page.close();

  await popup.click('#site-switch');
  assert.equal(await waitState(page, 'done', 10000), 'done');
  assert.deepEqual(await countsOf(page), want.counts);
  await eventually(() => badge(tabId), badgeWant(want.counts));

  // The global switch does the same for every site.
  await popup.click('#global-switch');
  assert.equal(await waitState(page, 'off', 10000), 'off');
  await popup.click('#global-switch');
  assert.equal(await waitState(page, 'done', 10000), 'done');
  await popup.close();
  await page.close();
});

test('sensitivity "problems" leaves unverified claims off the badge', async () => {
  await resetStorage();
  const file = 'article-000.html';
  const want = expected(file);
  assert.ok(want.counts.unverified > 0);
  const { page, tabId } = await openTab(file);
  await waitState(page, 'done');
  await eventually(() => badge(tabId), badgeWant(want.counts, 'all'));
  const { popup } = await openPopup(tabId);
  await popup.selectOption('#sensitivity', 'problems');
  await eventually(() => badge(tabId), badgeWant(want.counts, 'problems'));
  await popup.waitForFunction(() => ['empty', 'claims'].includes(document.documentElement.dataset.saringPopup));
  await popup.close();
  await page.close();
});

test('an article added after load is checked too', async () => {
  await resetStorage();
  const want = expected('article-004.html'); // late.html ends up with the same visible text
  const { page, tabId } = await openTab('late.html');
  await waitState(page, 'done');
  await page.waitForFunction(() => document.documentElement.dataset.articleAdded === 'true');
  await eventually(() => countsOf(page), want.counts, 15000);
  assert.equal(await waitState(page, 'done'), 'done');
  await eventually(() => badge(tabId), badgeWant(want.counts));
  await page.close();
});

test('a single-page app: a view swapped in, and swapped back by the back button, is checked each time', async () => {
  await resetStorage();
  const a004 = expected('article-004.html').counts;
  const a000 = expected('article-000.html').counts;
  assert.notDeepEqual(a004, a000);
  const { page, tabId, errors } = await openTab('spa.html');
  await page.waitForFunction(() => document.documentElement.dataset.spaPage === '004');
  await eventually(() => countsOf(page), a004, 15000);
  await eventually(() => badge(tabId), badgeWant(a004));
  const sizes = () => page.evaluate((vs) => Object.fromEntries(vs.map((v) => [v, CSS.highlights.get(`saring-${v}`)?.size ?? 0])), VERDICTS);
  assert.deepEqual(await sizes(), a004);
  await page.goBack();
  await page.waitForFunction(() => document.documentElement.dataset.spaPage === '000');
  await eventually(() => countsOf(page), a000, 15000);
  assert.deepEqual(await sizes(), a000);
  await eventually(() => badge(tabId), badgeWant(a000));
  assert.deepEqual(errors, []);
  await page.close();
});

test('a page without election text: done, nothing counted, an empty popup', async () => {
  await resetStorage();
  const want = expected('plain.html');
  assert.equal(want.claims.length, 0);
  const { page, tabId, errors } = await openTab('plain.html');
  await waitState(page, 'done');
  assert.deepEqual(await countsOf(page), want.counts);
  assert.equal(await badge(tabId), '');
  const { popup } = await openPopup(tabId);
  assert.equal(await popup.getAttribute('html', 'data-saring-popup'), 'empty');
  assert.ok((await popup.textContent('#empty')).length > 0);
  assert.deepEqual(errors, []);
  await popup.close();
  await page.close();
});

test('a page whose CSP forbids WebAssembly is checked by the JavaScript build of the core', async () => {
  await resetStorage();
  const { page, errors } = await openTab('csp.html');
  const state = await waitState(page, ['error', 'done']);
  assert.deepEqual(errors, []);
  assert.equal(state, 'done', 'the wasm2js fallback checks the page');
  const counts = JSON.parse(await page.getAttribute('html', 'data-saring-counts'));
  assert.ok(Object.values(counts).reduce((a, b) => a + b, 0) > 0, JSON.stringify(counts));
  await page.close();
});

test('the popup of a page that cannot be scanned says so', async () => {
  const { page, tabId } = await openTab(null);
  await page.goto('about:blank');
  const { popup } = await openPopup(tabId);
  assert.equal(await popup.getAttribute('html', 'data-saring-popup'), 'unavailable');
  assert.equal(await popup.isDisabled('#site-switch'), true);
  await popup.close();
  await page.close();
});

test('the context menu\'s message checks a selection', async () => {
  await resetStorage();
  const { page, tabId, errors } = await openTab('plain.html');
  await waitState(page, 'done');
  // The menu item exists (updating an unknown id fails).
  const menu = await inWorker(() => chrome.contextMenus.update('saring-check', { contexts: ['selection'] })
    .then(() => 'ok', (e) => String(e)));
  assert.equal(menu, 'ok');
  const answer = await inWorker((id) => chrome.tabs.sendMessage(id,
    { type: 'saring:checkSelection', text: 'Pemungutan suara Pemilu 2024 digelar pada 15 Februari 2024.' }, { frameId: 0 }), tabId);
  assert.deepEqual(answer, { ok: true });
  assert.deepEqual(errors, []);
  await page.close();
});

test('options: the built-in bundle, a bad file refused with nothing changed, a good one used on pages', async () => {
  await resetStorage();
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.setViewportSize({ width: 900, height: 1000 });
  await page.goto(`chrome-extension://${extId}/options.html`);
  await page.waitForFunction(() => /\d{4}\.\d{2}\.\d{2}/.test(document.querySelector('#builtin-version')?.textContent ?? ''),
    null, { timeout: 20000 });
  const index = JSON.parse(await readFile(path.join(root, 'data/compiled/index.json'), 'utf8'));
  assert.match(await page.textContent('#builtin-version'), new RegExp(index.bundle.version.replace(/\./g, '\\.')));

  // A bad file: the core's message, and storage as it was.
  const before = await inWorker(() => chrome.storage.local.get(null));
  await page.setInputFiles('#bundle-file', path.join(pages, 'bundle-bad.json'));
  await page.waitForFunction(() => document.querySelector('#bundle-error').textContent.length > 0);
  const message = await page.textContent('#bundle-error');
  assert.match(message, /bundle-bad\.json/);
  assert.match(message, /javascript:alert\(1\)/);
  assert.deepEqual(await inWorker(() => chrome.storage.local.get(null)), before);

  // A good file: listed, stored, and used by the pages.
  await page.setInputFiles('#bundle-file', path.join(pages, 'bundle-newsroom.json'));
  await page.waitForSelector('#bundles li[data-bundle-id="redaksi-uji"]');
  assert.equal(await page.textContent('#bundle-error'), '');
  const { bundles } = await inWorker(() => chrome.storage.local.get('bundles'));
  assert.equal(bundles.length, 1);
  assert.equal(bundles[0].id, 'redaksi-uji');
  assert.equal(bundles[0].enabled, true);
  await page.screenshot({ path: path.join(shots, 'ext-options.png'), fullPage: true });

  const want = expected('newsroom.html', ['bundle-newsroom.json']);
  assert.equal(want.counts.debunked, 1);
  const news = await openTab('newsroom.html');
  await waitState(news.page, 'done');
  assert.deepEqual(await countsOf(news.page), want.counts);

  // Switched off, the bundle no longer counts; removed, it is gone from storage.
  await page.click('#bundle-on-redaksi-uji');
  await eventually(() => countsOf(news.page), expected('newsroom.html').counts);
  await page.click('#bundles li[data-bundle-id="redaksi-uji"] .bundle-remove');
  await page.waitForSelector('#bundles-empty:not([hidden])');
  assert.deepEqual((await inWorker(() => chrome.storage.local.get('bundles'))).bundles, []);

  // The language switch: English pages.
  await page.selectOption('#lang', 'en');
  await page.waitForFunction(() => document.documentElement.lang === 'en');
  assert.match(await page.textContent('h1'), /Saring settings/);
  assert.deepEqual(errors, []);
  await news.page.close();
  await page.close();
  await resetStorage();
});

test('the claim card: a click on a highlight or the keyboard opens it, closed to the page; its buttons work', async () => {
  await resetStorage();
  await inWorker(() => chrome.storage.local.set({ lang: 'en' }));
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: base });
  const file = 'article-004.html';
  const want = expected(file);
  const contradicted = want.claims.find((c) => c.verdict === 'contradicted');
  assert.ok(contradicted?.official_value, 'the fixture has a contradicted claim with an official value');
  const { page, errors } = await openTab(file);
  await waitState(page, 'done');

  // A click in the middle of the contradicted highlight.
  const where = () => highlightCentre(page, 'contradicted');
  let at = await where();
  await page.mouse.click(at.x, at.y);
  const card = await eventually(async () => {
    const c = await cardOf(page);
    return Boolean(c?.buttons.close);
  }, true).then(() => cardOf(page));
  assert.equal(card.mode, 'closed', 'page scripts cannot reach into the card');
  assert.equal(await page.evaluate(() => document.querySelector('#saring-card-host')?.shadowRoot ?? null), null);
  assert.match(card.text, /Contradicted/);
  assert.ok(card.text.includes(`Official value: ${contradicted.official_value}`), card.text);
  assert.ok(card.text.includes(contradicted.reason.en.slice(0, 40)), card.text);
  for (const s of contradicted.sources) assert.ok(card.text.includes(s.name), `source ${s.name} in the card`);
  assert.match(card.html, /<a [^>]*href="https:\/\/[^"]+"[^>]*rel="noopener noreferrer"/);
  assert.deepEqual(Object.keys(card.buttons).sort(), ['close', 'dismiss', 'report']);
  // The card's words come from _locales, in the language chosen in the options.
  const en = JSON.parse(await readFile(path.join(root, 'extension/_locales/en/messages.json'), 'utf8'));
  for (const k of ['verdictContradicted', 'cardOfficialValue', 'cardSources', 'cardDismiss', 'cardReport', 'cardClose']) {
    assert.ok(card.text.includes(en[k].message), `${k} in the card: ${card.text}`);
  }
  const ext = await context.newPage();
  await ext.goto(`chrome-extension://${extId}/popup.html`);
  const labels = await ext.evaluate(() => chrome.runtime.sendMessage({ type: 'saring:labels', lang: 'id' }));
  await ext.close();
  const id = JSON.parse(await readFile(path.join(root, 'extension/_locales/id/messages.json'), 'utf8'));
  assert.equal(labels.dismiss, id.cardDismiss.message);
  assert.equal(labels.officialValue, id.cardOfficialValue.message);
  assert.equal(labels.debunked, id.verdictDebunked.message);
  await page.screenshot({ path: path.join(shots, 'ext-card.png') });

  // Close, then the keyboard: Alt+Shift+N opens the first claim's card, Escape closes it.
  await page.mouse.click(card.buttons.close.x, card.buttons.close.y);
  await eventually(async () => Object.keys((await cardOf(page))?.buttons ?? {}).length, 0);
  await page.keyboard.press('Alt+Shift+N');
  await eventually(async () => Object.keys((await cardOf(page))?.buttons ?? {}).length, 3);
  await page.keyboard.press('Escape');
  await eventually(async () => Object.keys((await cardOf(page))?.buttons ?? {}).length, 0);

  // Report: a ready-made report on the clipboard, nothing sent.
  at = await where();
  await page.mouse.click(at.x, at.y);
  const open = await eventually(async () => Boolean((await cardOf(page))?.buttons.report), true).then(() => cardOf(page));
  await page.mouse.click(open.buttons.report.x, open.buttons.report.y);
  const report = await eventually(async () => {
    const t = await page.evaluate(() => navigator.clipboard.readText().catch(() => ''));
    return t.includes('Saring report');
  }, true).then(() => page.evaluate(() => navigator.clipboard.readText()));
  assert.ok(report.includes(`Page: ${base}/${file}`), report);
  assert.match(report, /Verdict: contradicted/);
  assert.match(report, /Bundle: saring-default \d{4}\.\d{2}\.\d{2}/);
  assert.ok(report.includes(contradicted.text.replace(/\s+/g, ' ').trim().slice(0, 30)), report);

  // Dismiss: the highlight goes, the counts drop, the key is remembered and applies after a reload.
  const now = await cardOf(page);
  await page.mouse.click(now.buttons.dismiss.x, now.buttons.dismiss.y);
  const fewer = { ...want.counts, contradicted: want.counts.contradicted - 1 };
  await eventually(() => countsOf(page), fewer);
  assert.equal(await page.evaluate(() => CSS.highlights.get('saring-contradicted')?.size ?? 0), fewer.contradicted);
  await eventually(async () => ((await inWorker(() => chrome.storage.local.get('dismissed'))).dismissed ?? []).length, 1);
  await page.reload();
  await waitState(page, 'done');
  assert.deepEqual(await countsOf(page), fewer);
  assert.deepEqual(errors, []);
  await page.close();
  await resetStorage();
});

/**
 * A 2 MB article page made from the seed articles' paragraphs (generated into
 * pages/generated/, which git ignores): the file name under pages/.
 */
async function bigPage() {
  const dir = path.join(pages, 'generated');
  await mkdir(dir, { recursive: true });
  let text = '';
  for (const f of ['004_427392cf7a2454fe.txt', '000_79dca809346a6dbc.txt']) {
    text += await readFile(path.join(root, 'tests/fixtures', f), 'utf8');
  }
  const esc = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');
  const paras = text.split('\n').filter((l) => l.trim()).map((l) => `<p>${esc(l)}</p>`).join('\n');
  let body = '';
  while (body.length < 2_000_000) body += `${paras}\n`;
  await writeFile(path.join(dir, 'big-2mb.html'), `<!doctype html><html lang="id"><head><meta charset="utf-8">
<title>2 MB</title></head><body><article>${body}</article></body></html>`);
  return 'generated/big-2mb.html';
}

test('a 2 MB page is checked whole: the CLI\'s verdicts, every claim highlighted, the badge', async (t) => {
  await resetStorage();
  const file = await bigPage();
  const want = expected(file);
  assert.ok(want.claims.length > 1000, `${want.claims.length} claims`);
  const { page, tabId, errors } = await openTab(null);
  // The page's long tasks, for the log (budgets are measured by the benchmarks, not here).
  await page.addInitScript(() => {
    window.__longest = 0;
    new PerformanceObserver((l) => {
      for (const e of l.getEntries()) window.__longest = Math.max(window.__longest, e.duration);
    }).observe({ type: 'longtask', buffered: true });
  });
  await page.goto(`${base}/${file}`);
  assert.equal(await waitState(page, 'done', 120000), 'done');
  assert.deepEqual(await countsOf(page), want.counts);
  const hl = await page.evaluate((vs) => Object.fromEntries(vs.map((v) => {
    const h = CSS.highlights.get(`saring-${v}`);
    return [v, h ? h.size : 0];
  })), VERDICTS);
  // Fewer than 2,000 claims: every one is highlighted (above that, those near the viewport).
  assert.deepEqual(hl, want.counts);
  assert.equal(await eventually(() => badge(tabId), badgeWant(want.counts)), badgeWant(want.counts));
  const problems = want.counts.contradicted + want.counts.debunked + want.counts.unverified;
  if (problems > 999) {
    // The badge says 999+; its title has the number.
    const title = await inWorker((id) => chrome.action.getTitle({ tabId: id }), tabId);
    assert.match(title, new RegExp(`\\b${problems}\\b`));
  }
  t.diagnostic(`2 MB page: ${want.claims.length} claims; longest task of the page, load included: ${await page.evaluate(() => window.__longest)} ms`);
  assert.deepEqual(errors, []);
  await page.close();
});

test('the extension made no network request', () => {
  const urls = h.requests.map((r) => r.url);
  assert.ok(urls.length > 0, 'requests were recorded');
  const foreign = urls.filter((u) => !u.startsWith(`${base}/`) && !u.startsWith(`chrome-extension://${extId}/`)
    && u !== 'about:blank');
  assert.deepEqual(foreign, []);
});
