// Benchmark (not a test): the page scanner on a ~2 MB article page in headless Chromium.
// Builds the page from the seed articles under target/bench/, serves it with saring-serve,
// scans it with PageScanner.start() (sliced) and reports the scan time and the long tasks
// (over 50 ms) that started after the page had loaded. `node tests/e2e/bench-scan.mjs`
// after ./build.sh; prints JSON.
import { spawn } from 'node:child_process';
import { mkdir, readFile, writeFile, copyFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const dir = path.join(root, 'target/bench/scan');
await mkdir(path.join(dir, 'pkg'), { recursive: true });
for (const f of ['saring.js', 'saring_bg.wasm']) await copyFile(path.join(root, 'target/pkg-web', f), path.join(dir, 'pkg', f));
const esc = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');
let text = '';
for (const f of ['004_427392cf7a2454fe.txt', '000_79dca809346a6dbc.txt']) text += await readFile(path.join(root, 'tests/fixtures', f), 'utf8');
const paras = text.split('\n').filter((l) => l.trim()).map((l) => `<p>${esc(l)}</p>`).join('\n');
let body = '';
while (body.length < 2_000_000) body += paras;
await writeFile(path.join(dir, 'index.html'), `<!doctype html><html><head><meta charset="utf-8"><title>2 MB</title></head>
<body><article>${body}</article><script type="module">
const tStart = performance.now(); window.longest = 0; window.longtasks = 0;
new PerformanceObserver((l) => { for (const e of l.getEntries()) { if (e.startTime < tStart) continue; window.longtasks++; window.longest = Math.max(window.longest, e.duration); (window.tasks ||= []).push([Math.round(e.startTime - window.scanStart), Math.round(e.duration)]); } }).observe({ type: 'longtask', buffered: true });
const mod = await import('./pkg/saring.js'); await mod.default();
// As the content script does: the engine built in a task of its own, in steps.
await new Promise((resolve) => { setTimeout(resolve, 0); });
const s = await mod.PageScanner.create({ lang: 'id' });
const t0 = performance.now(); window.scanStart = t0; await s.start(); window.scanMs = performance.now() - t0; window.lastScan = s.lastScan(); window.steps = performance.getEntriesByName('saring:build-step').map((e) => Math.round(e.duration * 10) / 10);
</script></body></html>`);
const child = spawn(path.join(root, 'target/release/saring-serve'), [dir, '0']);
const base = await new Promise((resolve) => child.stdout.on('data', (c) => {
  const m = /http:\/\/(127\.0\.0\.1:\d+)\//.exec(String(c));
  if (m) resolve(`http://${m[1]}`);
}));
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
const runs = Number(process.env.RUNS || 5);
const results = [];
for (let i = 0; i < runs; i += 1) {
  const page = await browser.newPage();
  await page.goto(`${base}/index.html`);
  await page.waitForFunction(() => window.scanMs !== undefined, null, { timeout: 120000 });
  results.push(await page.evaluate(() => ({ steps: window.steps, scanMs: window.scanMs, longest: window.longest, longtasks: window.longtasks,
    chars: document.body.textContent.length, counts: document.documentElement.dataset.saringCounts, tasks: window.tasks ?? [], lastScan: window.lastScan })));
  await page.close();
}
const median = (k) => results.map((r) => r[k]).sort((a, b) => a - b)[Math.floor(results.length / 2)];
console.log(JSON.stringify({ runs, chars: results[0].chars, scan_ms: Math.round(median('scanMs')),
  longest_task_ms: Math.round(Math.max(...results.map((r) => r.longest))), long_tasks: Math.max(...results.map((r) => r.longtasks)),
  counts: JSON.parse(results[0].counts),
  // Per run: the scan's time, its long tasks as [start ms after the scan began (negative: during
  // start-up), duration ms], and what the scan did (parts checked and from the cache).
  per_run: results.map((r) => ({ steps: r.steps, scan_ms: Math.round(r.scanMs), long_tasks: r.tasks, last_scan: r.lastScan })) }));
await browser.close();
child.kill();
