// The checker page and the bundle browser in real headless Chromium (Debian's), served from
// dist/www by saring-serve on 127.0.0.1. Run by ./build.sh test after the build.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { readFile, mkdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { chromium } from 'playwright-core';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const shots = path.join(root, 'target/screenshots');
const fixtures = path.join(root, 'tests/fixtures');
const SEEDS = ['004_427392cf7a2454fe', '000_79dca809346a6dbc'];

let server;
let base;
let browser;

/** Starts saring-serve on a free port and resolves with its address. */
function serve() {
  const bin = process.env.SARING_SERVE || path.join(root, 'target/release/saring-serve');
  const child = spawn(bin, [path.join(root, 'dist/www'), '0'], { stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.stdout.on('data', (chunk) => {
      const m = /http:\/\/(127\.0\.0\.1:\d+)\//.exec(String(chunk));
      if (m) resolve({ child, base: `http://${m[1]}` });
    });
  });
}

function executablePath() {
  return process.env.CHROMIUM || '/usr/bin/chromium';
}

before(async () => {
  await mkdir(shots, { recursive: true });
  ({ child: server, base } = await serve());
  browser = await chromium.launch({
    executablePath: executablePath(),
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
});

after(async () => {
  await browser?.close();
  server?.kill();
});

/** A fresh page that records every request it makes. */
async function openPage(file, { viewport = { width: 1280, height: 900 }, lang } = {}) {
  const context = await browser.newContext({ viewport, acceptDownloads: true });
  if (lang) {
    await context.addInitScript((l) => { try { localStorage.setItem('saring.lang', l); } catch { /* ignore */ } }, lang);
  }
  const page = await context.newPage();
  const requests = [];
  page.on('request', (r) => requests.push(r.url()));
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(`${base}/${file}`);
  return { page, context, requests, errors };
}

async function waitState(page, state) {
  await page.waitForFunction((s) => document.documentElement.dataset.saringState === s, state, { timeout: 30000 });
}

async function checkText(page, text) {
  await page.waitForFunction(() => !['loading', undefined].includes(document.documentElement.dataset.saringState),
    null, { timeout: 30000 });
  await page.fill('#input', text);
  await page.click('#check');
  await waitState(page, 'done');
}

async function golden(seed) {
  return JSON.parse(await readFile(path.join(fixtures, 'golden', `${seed}.json`), 'utf8'));
}

function countsOf(claims) {
  const c = { verified: 0, contradicted: 0, debunked: 0, unverified: 0 };
  for (const cl of claims) c[cl.verdict] += 1;
  return c;
}

for (const seed of SEEDS) {
  test(`checker shows the core's golden verdicts for seed ${seed}`, async () => {
    const { page, context, requests, errors } = await openPage('index.html');
    const text = await readFile(path.join(fixtures, `${seed}.txt`), 'utf8');
    await checkText(page, text);
    const want = await golden(seed);

    const counts = JSON.parse(await page.getAttribute('html', 'data-saring-counts'));
    assert.deepEqual(Object.keys(counts), ['verified', 'contradicted', 'debunked', 'unverified']);
    assert.deepEqual(counts, countsOf(want));

    const shown = await page.$$eval('#claims li.claim-item', (items) => items.map((li) => ({
      verdict: li.dataset.verdict,
      text: li.querySelector('.claim-text')?.textContent ?? '',
    })));
    const norm = (s) => s.replace(/\s+/g, ' ').trim();
    const key = (c) => `${c.verdict}|${norm(c.text)}`;
    assert.deepEqual(shown.map(key).sort(), want.map((c) => key(c)).map((k) => k.replace(/[“”"]/g, (q) => q)).sort());

    const marks = await page.$$eval('#rendered mark.claim', (ms) => ms.map((m) => m.textContent));
    assert.equal(marks.length, want.length);
    for (const c of want) assert.ok(marks.some((m) => norm(m) === norm(c.text)), `no mark for ${c.text}`);

    if (seed.startsWith('004')) {
      const official = await page.textContent('#claims li.claim-item[data-verdict="contradicted"] .claim-official');
      assert.match(official, /Komisi Pemilihan Umum/);
      const links = await page.$$eval('#claims li.claim-item a', (as) => as.map((a) => a.href));
      assert.ok(links.length > 0 && links.every((h) => /^https?:/.test(h)));
    }
    await page.screenshot({ path: path.join(shots, `www-checker-${seed}.png`), fullPage: true });

    // Nothing but the page's own origin was asked for.
    assert.deepEqual(requests.filter((u) => !u.startsWith(base)), []);
    assert.deepEqual(errors, []);
    await context.close();
  });
}

test('exports the report as JSON and Markdown', async () => {
  const { page, context } = await openPage('index.html');
  const text = await readFile(path.join(fixtures, '004_427392cf7a2454fe.txt'), 'utf8');
  await checkText(page, text);
  const want = await golden('004_427392cf7a2454fe');

  const [jsonDl] = await Promise.all([page.waitForEvent('download'), page.click('#export-json')]);
  assert.equal(jsonDl.suggestedFilename(), 'saring-report.json');
  const report = JSON.parse(await readFile(await jsonDl.path(), 'utf8'));
  assert.equal(report.tool, 'saring');
  assert.ok(report.bundle && report.bundle.version);
  assert.deepEqual(report.claims.map((c) => [c.verdict, c.start, c.end]), want.map((c) => [c.verdict, c.start, c.end]));

  const [mdDl] = await Promise.all([page.waitForEvent('download'), page.click('#export-md')]);
  assert.equal(mdDl.suggestedFilename(), 'saring-report.md');
  const md = await readFile(await mdDl.path(), 'utf8');
  assert.match(md, /Komisi Penyelenggara Umum/);
  assert.match(md, /Komisi Pemilihan Umum/);
  assert.match(md, /November 2023 hingga 10 Febuari 2024/);
  await context.close();
});

test('the language switch changes the interface and the reasons', async () => {
  const { page, context } = await openPage('index.html');
  await checkText(page, 'Pemungutan suara Pemilu 2024 digelar pada 15 Februari 2024.');
  assert.equal(await page.getAttribute('html', 'lang'), 'id');
  assert.match(await page.textContent('#check'), /Periksa/);
  const reasonId = await page.textContent('#claims .claim-reason');
  assert.match(reasonId, /Bertentangan/);

  await page.selectOption('#lang', 'en');
  await page.waitForFunction(() => document.documentElement.lang === 'en');
  assert.match(await page.textContent('#check'), /Check/);
  const reasonEn = await page.textContent('#claims .claim-reason');
  assert.match(reasonEn, /Contradicts/);
  await page.screenshot({ path: path.join(shots, 'www-checker-en.png'), fullPage: true });
  await context.close();
});

test('keyboard only: tab to the button, check, reach a claim', async () => {
  const { page, context } = await openPage('index.html');
  await page.waitForFunction(() => document.documentElement.dataset.saringState !== 'loading', null, { timeout: 30000 });
  await page.focus('#input');
  await page.keyboard.type('KPU menetapkan DPT Pemilu 2024 sebanyak 204.807.222 pemilih.');
  let found = false;
  for (let i = 0; i < 15 && !found; i += 1) {
    await page.keyboard.press('Tab');
    found = await page.evaluate(() => document.activeElement?.id === 'check');
  }
  assert.ok(found, 'the check button is reachable with Tab');
  await page.keyboard.press('Enter');
  await waitState(page, 'done');
  const counts = JSON.parse(await page.getAttribute('html', 'data-saring-counts'));
  assert.equal(counts.verified, 1);
  await context.close();
});

test('readable on a phone', async () => {
  const { page, context } = await openPage('index.html', { viewport: { width: 360, height: 780 } });
  const text = await readFile(path.join(fixtures, '004_427392cf7a2454fe.txt'), 'utf8');
  await checkText(page, text);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 1, `page is ${overflow}px wider than the phone`);
  await page.screenshot({ path: path.join(shots, 'www-checker-phone.png'), fullPage: true });
  await context.close();
});

test('bundle browser searches facts and hoaxes', async () => {
  const { page, context, requests } = await openPage('bundle.html');
  await page.waitForFunction(() => (document.querySelector('#bundle-version')?.textContent || '').match(/\d{4}\.\d{2}\.\d{2}/),
    null, { timeout: 30000 });
  assert.ok(await page.$('#sources li[data-source-id="kpu"]'));
  await page.fill('#search', 'bukti vital');
  await page.waitForSelector('#hoaxes li[data-hoax-id="thx24-3728"]', { timeout: 10000 });
  const count = await page.textContent('#result-count');
  assert.match(count, /\d/);
  await page.screenshot({ path: path.join(shots, 'www-bundle-search.png'), fullPage: false });

  await page.fill('#search', '204.807.222');
  await page.waitForSelector('#facts li[data-fact-id="pemilu2024.dpt.total"]', { timeout: 10000 });
  const fact = await page.textContent('#facts li[data-fact-id="pemilu2024.dpt.total"]');
  assert.match(fact, /204\.807\.222/);
  assert.deepEqual(requests.filter((u) => !u.startsWith(base)), []);
  await context.close();
});
