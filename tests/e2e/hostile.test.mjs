// Hardening, end to end, with the real extension (dist/chromium) in Debian's Chromium:
// - a hostile page that sabotages, in its own world, everything the extension uses;
// - bad bundle files imported through the options page while a good list is installed;
// - settings, dismissals and imported lists surviving a browser restart and an extension update;
// - privacy: every request made while browsing the fixture pages is accounted for, none comes
//   from the extension, and the manifest asks for nothing it does not need.
//
//   cd tests/e2e && node --test hostile.test.mjs

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { cp, mkdtemp, mkdir, readFile, readdir, rm, writeFile, truncate } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import {
  root, pages, shots, defaultExtension, expected, eventually, waitState, countsOf, launch, cardOf, serve,
  highlightCentre,
} from './harness.mjs';

let h;
let tmp;
const sessions = []; // every launched browser, for the privacy check at the end

before(async () => {
  await mkdir(shots, { recursive: true });
  tmp = await mkdtemp(path.join(os.tmpdir(), 'saring-e2e-'));
  h = await launch();
  sessions.push(h);
});

after(async () => {
  for (const s of sessions) await s.close().catch(() => {});
  if (tmp) await rm(tmp, { recursive: true, force: true });
});

/** What the hostile page saw, from its own status element (read from Playwright's world). */
async function hostileStatus(page) {
  const t = await page.textContent('#hostile-status');
  return t ? JSON.parse(t) : null;
}

/** The test hook, polled from Playwright's own world (the page broke its own functions). */
async function hookOf(page, want, timeout = 30000) {
  return eventually(() => page.getAttribute('html', 'data-saring-state'), want, timeout);
}

test('a hostile page cannot break the scan, change a verdict, reach the card or read the settings', async () => {
  await h.resetStorage();
  const file = 'hostile.html';
  const want = expected(file);
  assert.deepEqual(want.counts, { verified: 1, contradicted: 1, debunked: 1, unverified: 1 });
  const { page, tabId, errors } = await h.openTab(file);
  await hookOf(page, 'done');
  assert.deepEqual(JSON.parse(await page.getAttribute('html', 'data-saring-counts')), want.counts);
  const seen = await eventually(async () => Boolean((await hostileStatus(page))?.rect), true).then(() => hostileStatus(page));
  assert.deepEqual(seen.counts, want.counts, 'the highlights are in the page\'s registry');
  assert.equal(await eventually(() => h.badge(tabId), '3'), '3');

  // The card opens on the debunked claim, in a closed root the page's attachShadow never saw.
  await page.mouse.click(seen.rect.x, seen.rect.y);
  await eventually(async () => Boolean((await cardOf(page))?.buttons.dismiss), true);
  const card = await cardOf(page);
  assert.equal(card.mode, 'closed');
  assert.match(card.text, /Dibantah|Debunked/);
  assert.match(card.text, /turnbackhoax|Mafindo/i);
  const tags = new Set([...card.html.matchAll(/<([a-z][a-z0-9-]*)/g)].map((m) => m[1]));
  for (const t of tags) assert.ok(['div', 'p', 'ul', 'li', 'a', 'button', 'style', 'span', 'strong'].includes(t), `unexpected <${t}> in the card`);
  await page.screenshot({ path: path.join(shots, 'ext-hostile.png') });

  // A forged "dismiss" event: the page dispatches it with a key of its own.
  await page.goto(`${h.base}/${file}#forge`); // same document: only the hash changes
  await eventually(async () => (await hostileStatus(page)).forged, true);
  await page.waitForTimeout(500);
  assert.equal((await h.storage()).dismissed, undefined, 'nothing was dismissed');
  assert.deepEqual(JSON.parse(await page.getAttribute('html', 'data-saring-counts')), want.counts);

  // The page saw nothing of the settings, ran none of its markup, and none of its traps fired.
  const end = await hostileStatus(page);
  assert.equal(end.settingsSeen, 'none');
  assert.equal(end.pwned, null);
  assert.equal(end.stolen, 0, 'the page caught no shadow root of ours');
  assert.deepEqual(end.log, [], 'the extension called none of the page\'s replaced functions');
  assert.deepEqual(errors, []);
  await page.close();
});

/** Bad bundle files, each with what the options page must say about it. */
async function badBundles(dir) {
  const good = JSON.parse(await readFile(path.join(pages, 'bundle-newsroom.json'), 'utf8'));
  const variant = (id, change) => {
    const b = structuredClone(good);
    b.bundle.id = id;
    change(b);
    return JSON.stringify(b, null, 1);
  };
  const files = [
    ['malformed.json', '{"schema_version": 1, "bundle": {"id": "rusak",', /line|column|JSON|EOF/i],
    ['schema-2.json', variant('skema-lain', (b) => { b.schema_version = 2; }), /schema_version|version/i],
    ['duplicate-ids.json', variant('ganda', (b) => { b.debunked.push(structuredClone(b.debunked[0])); }), /duplicate|ganda|twice|more than once/i],
    ['data-url.json', variant('data-url', (b) => { b.sources[0].url = 'data:text/html,<script>alert(1)</script>'; }), /data:|url/i],
    ['builtin-id.json', variant('saring-default', () => {}), /saring-default/],
  ];
  const out = [];
  for (const [name, text, message] of files) {
    await writeFile(path.join(dir, name), text);
    out.push([path.join(dir, name), message]);
  }
  out.push([path.join(pages, 'bundle-bad.json'), /javascript:alert\(1\)/]);
  // The core's own bad-bundle fixtures (tests/fixtures/bad-bundles/README.md): every one refused.
  const fixtures = path.join(root, 'tests/fixtures/bad-bundles');
  for (const f of (await readdir(fixtures)).sort()) {
    if (!f.endsWith('.json') || f === 'valid.json' || f === 'html-in-text.json') continue;
    out.push([path.join(fixtures, f), /\S/]);
  }
  // Bytes that are not UTF-8 text.
  await writeFile(path.join(dir, 'binary.json'), Buffer.from([0x7b, 0xff, 0xfe, 0x00, 0x81, 0x7d]));
  out.push([path.join(dir, 'binary.json'), /UTF-8|text|teks/i]);
  // 100 MB (sparse on disk): refused by its size, before it is read.
  await writeFile(path.join(dir, 'huge.json'), '');
  await truncate(path.join(dir, 'huge.json'), 100 * 1024 * 1024);
  out.push([path.join(dir, 'huge.json'), /MB|MiB|besar|large/i]);
  return out;
}

test('bad bundle files are refused with a message, and the list already installed keeps working unchanged', async () => {
  await h.resetStorage();
  const { page, errors } = await h.openOptions();
  await page.setInputFiles('#bundle-file', path.join(pages, 'bundle-newsroom.json'));
  await page.waitForSelector('#bundles li[data-bundle-id="redaksi-uji"]');
  const installed = await h.storage();
  assert.equal(installed.bundles.length, 1);

  const dir = path.join(tmp, 'bad');
  await mkdir(dir, { recursive: true });
  for (const [file, message] of await badBundles(dir)) {
    await page.evaluate(() => { document.querySelector('#bundle-error').textContent = ''; });
    await page.setInputFiles('#bundle-file', file);
    await page.waitForFunction(() => document.querySelector('#bundle-error').textContent.length > 0, null, { timeout: 20000 });
    const said = await page.textContent('#bundle-error');
    assert.match(said, message, `${path.basename(file)}: ${said}`);
    assert.ok(said.includes(path.basename(file)), `the message names the file: ${said}`);
    assert.deepEqual(await h.storage(), installed, `${path.basename(file)} changed nothing`);
    assert.equal(await page.locator('#bundles li[data-bundle-id]').count(), 1);
  }

  // Markup in a bundle's texts is kept as text: the list loads, and nothing of it is markup.
  await page.evaluate(() => { document.querySelector('#bundle-error').textContent = ''; });
  await page.setInputFiles('#bundle-file', path.join(root, 'tests/fixtures/bad-bundles/html-in-text.json'));
  await page.waitForFunction(() => document.querySelectorAll('#bundles li[data-bundle-id]').length === 2
    || document.querySelector('#bundle-error').textContent.length > 0, null, { timeout: 20000 });
  assert.equal(await page.textContent('#bundle-error'), '');
  assert.equal(await page.locator('#bundles img, #bundles script, #bundles iframe').count(), 0);
  const added = await page.$$eval('#bundles li[data-bundle-id]', (lis) => lis.map((li) => li.dataset.bundleId));
  const extra = added.find((id) => id !== 'redaksi-uji');
  await page.click(`#bundles li[data-bundle-id="${extra}"] .bundle-remove`);
  await page.waitForFunction(() => document.querySelectorAll('#bundles li[data-bundle-id]').length === 1);

  // HTML in a text field: refused, or shown as the literal text it is — never as markup.
  const html = JSON.parse(await readFile(path.join(pages, 'bundle-newsroom.json'), 'utf8'));
  html.bundle.id = 'redaksi-html';
  html.bundle.name = 'Redaksi <img src=x onerror="window.pwned=1"><b>tebal</b>';
  await writeFile(path.join(dir, 'html.json'), JSON.stringify(html));
  await page.evaluate(() => { document.querySelector('#bundle-error').textContent = ''; });
  await page.setInputFiles('#bundle-file', path.join(dir, 'html.json'));
  await page.waitForFunction(() => document.querySelector('#bundle-error').textContent.length > 0
    || document.querySelector('#bundles li[data-bundle-id="redaksi-html"]'), null, { timeout: 20000 });
  assert.equal(await page.locator('#bundles img, #bundles b').count(), 0, 'no markup from the bundle');
  if (await page.locator('#bundles li[data-bundle-id="redaksi-html"]').count()) {
    assert.match(await page.textContent('#bundles li[data-bundle-id="redaksi-html"]'), /<img src=x/);
    await page.click('#bundles li[data-bundle-id="redaksi-html"] .bundle-remove');
    await page.waitForFunction(() => !document.querySelector('#bundles li[data-bundle-id="redaksi-html"]'));
  }
  assert.equal(await page.evaluate(() => window.pwned), undefined);
  assert.deepEqual((await h.storage()).bundles, installed.bundles);

  // The installed list still checks pages.
  const want = expected('newsroom.html', ['bundle-newsroom.json']);
  const news = await h.openTab('newsroom.html');
  await waitState(news.page, 'done');
  assert.deepEqual(await countsOf(news.page), want.counts);
  assert.equal(want.counts.debunked, 1);
  assert.deepEqual(errors, []);
  await news.page.close();
  await page.close();
  await h.resetStorage();
});

test('settings, dismissals and imported lists survive a browser restart and an extension update', async () => {
  // An extension directory of our own (to "update" it) and a profile kept on disk.
  const ext = path.join(tmp, 'ext');
  await cp(defaultExtension, ext, { recursive: true });
  const profile = path.join(tmp, 'profile');
  const { child: server, base } = await serve(pages);
  try {
    let b = await launch({ ext, userDataDir: profile, base });
    sessions.push(b);
    const { page: options } = await b.openOptions();
    await options.setInputFiles('#bundle-file', path.join(pages, 'bundle-newsroom.json'));
    await options.waitForSelector('#bundles li[data-bundle-id="redaksi-uji"]');
    await options.selectOption('#lang', 'en');
    await options.close();
    await b.inWorker(() => chrome.storage.local.set({ sites: { 'example.org': false }, sensitivity: 'problems' }));
    // Dismiss the contradicted claim of article-004 from its card, as a reader would.
    const { page } = await b.openTab('article-004.html');
    await waitState(page, 'done');
    const at = await highlightCentre(page, 'contradicted');
    await page.mouse.click(at.x, at.y);
    await eventually(async () => Boolean((await cardOf(page))?.buttons.dismiss), true);
    const { buttons } = await cardOf(page);
    await page.mouse.click(buttons.dismiss.x, buttons.dismiss.y);
    await eventually(async () => ((await b.storage()).dismissed ?? []).length, 1);
    const saved = await b.storage();
    assert.equal(saved.bundles.length, 1);

    const checkAll = async (browser, label) => {
      assert.deepEqual(await browser.storage(), saved, `${label}: storage as it was`);
      const news = await browser.openTab('newsroom.html');
      await waitState(news.page, 'done');
      assert.deepEqual(await countsOf(news.page), expected('newsroom.html', ['bundle-newsroom.json']).counts,
        `${label}: the imported list is used`);
      await news.page.close();
      const art = await browser.openTab('article-004.html');
      await waitState(art.page, 'done');
      const full = expected('article-004.html').counts;
      assert.deepEqual(await countsOf(art.page), { ...full, contradicted: full.contradicted - 1 },
        `${label}: the dismissed claim stays dismissed`);
      await art.page.close();
    };

    // A browser restart: the same profile, launched again.
    await b.close();
    b = await launch({ ext, userDataDir: profile, base, args: ['--enable-unsafe-extension-debugging'] });
    sessions.push(b);
    await checkAll(b, 'after a restart');

    // An update: a new version on disk, installed over the old one (the DevTools protocol's
    // Extensions.loadUnpacked, as a developer's "reload" or the store's update would).
    const mf = JSON.parse(await readFile(path.join(ext, 'manifest.json'), 'utf8'));
    mf.version = '0.1.1';
    await writeFile(path.join(ext, 'manifest.json'), JSON.stringify(mf, null, 2));
    const cdp = await b.context.browser().newBrowserCDPSession();
    const { id } = await cdp.send('Extensions.loadUnpacked', { path: ext });
    assert.equal(id, b.extId, 'the same extension, updated');
    const version = await eventually(async () => {
      const w = b.context.serviceWorkers().find((s) => s.url().startsWith(`chrome-extension://${id}/`));
      return w ? w.evaluate(() => chrome.runtime.getManifest().version).catch(() => null) : null;
    }, '0.1.1');
    assert.equal(version, '0.1.1');
    await checkAll(b, 'after an update');
    await b.close();
  } finally {
    server.kill();
  }
});

test('privacy: no request comes from the extension, and the manifest asks for nothing more than it needs', async () => {
  // Every request recorded in every browser of this file: the pages' own, and the extension
  // loading its own files. Nothing else, and nothing from the service worker.
  const own = new Set(['/hostile.html', '/article-004.html', '/newsroom.html', '/favicon.ico']);
  const all = sessions.flatMap((s) => s.requests.map((r) => ({ ...r, base: s.base, extId: s.extId })));
  assert.ok(all.length > 10, 'requests were recorded');
  for (const r of all) {
    const u = new URL(r.url);
    if (u.protocol === 'chrome-extension:') {
      assert.equal(u.host, r.extId, `only the extension's own files: ${r.url}`);
      continue;
    }
    assert.equal(r.sw, null, `the service worker requested ${r.url}`);
    assert.equal(u.origin, r.base, `a request outside the test server: ${r.url}`);
    assert.ok(own.has(u.pathname), `a request the page did not make itself: ${r.url}`);
  }

  // The manifest: no host permissions, no remote code, no door for other sites or extensions.
  const mf = JSON.parse(await readFile(path.join(defaultExtension, 'manifest.json'), 'utf8'));
  assert.deepEqual(mf.permissions.sort(), ['contextMenus', 'storage']);
  assert.equal(mf.host_permissions, undefined);
  assert.equal(mf.optional_permissions, undefined);
  assert.equal(mf.externally_connectable, undefined);
  assert.doesNotMatch(mf.content_security_policy.extension_pages, /https?:|\*|'unsafe-eval'|'unsafe-inline'/);
  // No script of the extension talks to the network: no remote URLs, no beacons or sockets.
  const scripts = [];
  const walk = async (dir) => {
    for (const e of await readdir(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) await walk(p);
      else if (/\.(m?js|html)$/.test(e.name)) scripts.push(p);
    }
  };
  await walk(defaultExtension);
  assert.ok(scripts.length >= 8);
  for (const f of scripts) {
    const code = await readFile(f, 'utf8');
    const rel = path.relative(defaultExtension, f);
    assert.doesNotMatch(code, /\b(sendBeacon|WebSocket|EventSource|XMLHttpRequest)\b/, `${rel} has no network API`);
    // Addresses in code, not in comments (the generated glue links to MDN in one), nor in the
    // wasm2js fallback's data segments: they are the compiled bundle's bytes (its sources' and
    // fact-checks' addresses, shown as links in the card), written to memory, never fetched.
    const remote = code.replace(/latin1ToExistingUint8Array\(bufferView, \d+, "(?:[^"\\]|\\.)*"\)/g, '')
      .split('\n').filter((line) => !/^\s*(\/\/|\*|\/\*)/.test(line))
      .flatMap((line) => [...line.matchAll(/https?:\/\/[^\s'"`)]+/g)].map((m) => m[0]))
      .filter((u) => !u.startsWith('http://www.w3.org/')); // XML namespaces are names, not requests
    assert.deepEqual(remote, [], `${rel} names no remote address`);
  }
  // README states the promise and the threat model.
  const readme = await readFile(path.join(root, 'README.md'), 'utf8');
  assert.match(readme, /## Privacy/);
  assert.match(readme, /### Threat model/);
});
