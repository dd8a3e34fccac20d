// Benchmark (not a test): Saring in headless Chromium, on the inputs of the native benches.
//
// For each input (target/bench/inputs/{dense,sparse}-{10k,100k,1m,10m}.txt, written by
// `cargo run --release --example bench_inputs`) it makes an article page (one <p> per line) and
// measures, median of several fresh pages:
//
// - the real content-script path: dist/chromium loaded as an unpacked extension, the page
//   served by saring-serve; time from page ready (DOMContentLoaded) to
//   <html data-saring-state="done">, the longest main-thread task after page ready
//   (PerformanceObserver 'longtask', installed in the page before its own scripts), the wasm
//   memory of the tab (wasmMemoryBytes, read in the content script's isolated world over CDP),
//   and startup: module compile + instantiate and bundle load (the content script's
//   performance measures 'saring:module' and 'saring:bundle');
// - the same page without the extension, for the long tasks the page itself causes;
// - the WebAssembly core alone (`Checker.check` on the same text), to compare with native;
// - mark.js (npm) highlighting the same page with 40 terms of Saring's own election lexicon,
//   and, as the floor, reading the page's text with a TreeWalker.
//
// `node tests/e2e/bench-browser.mjs` after ./build.sh and the inputs; RUNS=n (default 5),
// QUICK=1 (fewer runs, no 10 MB pages for mark.js), ONLY=dense-1m,sparse-1m (just those
// pages). Writes target/bench/browser.json.
import { spawn } from 'node:child_process';
import { copyFile, mkdir, readFile, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '../..');
const inputs = path.join(root, 'target/bench/inputs');
const dir = path.join(root, 'target/bench/pages');
const ext = path.join(root, 'dist/chromium');
const chromiumBin = process.env.CHROMIUM || '/usr/bin/chromium';
const quick = Boolean(process.env.QUICK && process.env.QUICK !== '0');
const RUNS = Number(process.env.RUNS || (quick ? 3 : 5));
const SIZES = ['10k', '100k', '1m', '10m'];
const DENSITIES = ['dense', 'sparse'];
const ONLY = process.env.ONLY ? new Set(process.env.ONLY.split(',')) : null;
/** Runs for an input size: the 10 MB pages take seconds each. */
const runsFor = (size) => (size === '10m' ? Math.min(RUNS, 3) : RUNS);
const LAUNCH_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
  '--disable-sync', '--no-first-run', '--disable-quic'];

const median = (xs) => {
  const v = xs.filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
  if (!v.length) return null;
  const m = Math.floor(v.length / 2);
  return v.length % 2 ? v[m] : (v[m - 1] + v[m]) / 2;
};
const round = (x, d = 1) => (x == null ? null : Math.round(x * 10 ** d) / 10 ** d);
const log = (...a) => console.error('[bench-browser]', ...a);

for (const f of [path.join(ext, 'manifest.json'), path.join(root, 'dist/www/pkg/saring.js'),
  path.join(inputs, 'dense-1m.txt'), path.join(root, 'target/release/saring-serve')]) {
  if (!existsSync(f)) throw new Error(`${f} is missing: run ./build.sh and the bench inputs first (./build.sh bench does both)`);
}

// ---- the pages -----------------------------------------------------------------------------

/** The election lexicon's first 40 terms (src/claims/lexicon.rs, `topic_words()`), as the
 * example bench_inputs writes them. */
const terms = JSON.parse(await readFile(path.join(inputs, 'lexicon.json'), 'utf8'));
const esc = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
await mkdir(path.join(dir, 'pkg'), { recursive: true });
await mkdir(path.join(dir, 'inputs'), { recursive: true });
for (const f of ['saring.js', 'saring_bg.wasm']) await copyFile(path.join(root, 'dist/www/pkg', f), path.join(dir, 'pkg', f));
await copyFile(path.join(here, 'node_modules/mark.js/dist/mark.min.js'), path.join(dir, 'mark.min.js'));
const meta = {};
for (const d of DENSITIES) {
  for (const s of SIZES) {
    const name = `${d}-${s}`;
    if (ONLY && !ONLY.has(name)) continue;
    const text = await readFile(path.join(inputs, `${name}.txt`), 'utf8');
    await copyFile(path.join(inputs, `${name}.txt`), path.join(dir, 'inputs', `${name}.txt`));
    const body = text.split('\n').filter((l) => l).map((l) => `<p>${esc(l)}</p>`).join('\n');
    const page = (extra) => `<!doctype html><html lang="id"><head><meta charset="utf-8"><title>${name}</title></head>
<body><article>
${body}
</article>${extra}</body></html>\n`;
    await writeFile(path.join(dir, `${name}.html`), page(''));
    await writeFile(path.join(dir, `mark-${name}.html`), page('<script src="mark.min.js"></script>'));
    meta[name] = { bytes: Buffer.byteLength(text), html_bytes: Buffer.byteLength(page('')) };
  }
}
await writeFile(path.join(dir, 'core.html'), `<!doctype html><html><head><meta charset="utf-8"><title>core</title></head>
<body><script type="module">
import init, { Checker } from './pkg/saring.js';
await init();
const checker = new Checker();
const texts = {};
window.load = async (name) => { texts[name] = await (await fetch('inputs/' + name + '.txt')).text(); return texts[name].length; };
window.run = (name) => { const t0 = performance.now(); const r = checker.check(texts[name], 'auto'); return [performance.now() - t0, r.claims.length]; };
window.ready = true;
</script></body></html>\n`);

// ---- serving -------------------------------------------------------------------------------

const server = spawn(path.join(root, 'target/release/saring-serve'), [dir, '0'], { stdio: ['ignore', 'pipe', 'inherit'] });
const base = await new Promise((resolve, reject) => {
  server.on('error', reject);
  server.stdout.on('data', (c) => {
    const m = /http:\/\/(127\.0\.0\.1:\d+)\//.exec(String(c));
    if (m) resolve(`http://${m[1]}`);
  });
});

/** Installed in every page before its own scripts: long tasks, page ready, and the moment the
 * content script first sets data-saring-state="done". */
function probe() {
  const b = { longtasks: [], ready: null, done: null };
  window.__bench = b;
  new PerformanceObserver((l) => {
    for (const e of l.getEntries()) b.longtasks.push([e.startTime, e.duration]);
  }).observe({ type: 'longtask', buffered: true });
  document.addEventListener('DOMContentLoaded', () => {
    b.ready = performance.now();
    // Lay the page out in a task of its own, as a browser showing it would before the
    // content script's document_idle (headless Chromium may leave it to the first script that
    // asks, which would then be Saring's walk).
    setTimeout(() => { void document.body?.offsetHeight; }, 0);
  });
  new MutationObserver(() => {
    if (b.done === null && document.documentElement?.dataset.saringState === 'done') b.done = performance.now();
  }).observe(document, { subtree: true, attributes: true, attributeFilter: ['data-saring-state'] });
}

/** The longest task (and how many over 50 ms) that started at or after `from`. */
function tasksAfter(longtasks, from) {
  const after = longtasks.filter(([start]) => start >= from - 1);
  return { longest: Math.max(0, ...after.map(([, d]) => d)), count: after.length };
}

const results = { chromium: null, runs: RUNS, quick, terms, pages: {} };
for (const name of Object.keys(meta)) results.pages[name] = { ...meta[name] };

// ---- 1. the extension, the real content-script path ----------------------------------------

async function extensionRuns() {
  const context = await chromium.launchPersistentContext('', {
    executablePath: chromiumBin, headless: true, viewport: { width: 1280, height: 900 },
    args: [...LAUNCH_ARGS, `--disable-extensions-except=${ext}`, `--load-extension=${ext}`],
  });
  await context.addInitScript(probe);
  if (!context.serviceWorkers().length) await context.waitForEvent('serviceworker', { timeout: 10000 });
  for (const name of Object.keys(meta)) {
    const size = name.split('-')[1];
    const runs = [];
    for (let i = 0; i < runsFor(size); i += 1) {
      const page = await context.newPage();
      const cdp = await context.newCDPSession(page);
      const worlds = [];
      cdp.on('Runtime.executionContextCreated', (e) => worlds.push(e.context));
      await cdp.send('Runtime.enable');
      await page.goto(`${base}/${name}.html`, { waitUntil: 'domcontentloaded', timeout: 120000 });
      await page.waitForFunction(() => window.__bench.done !== null, null, { timeout: 300000, polling: 100 });
      await page.waitForTimeout(400); // the highlights' first paint, and any task after "done"
      const r = await page.evaluate(() => {
        const b = window.__bench;
        const m = (n) => performance.getEntriesByName(n, 'measure')[0] ?? null;
        const mod = m('saring:module');
        const bundle = m('saring:bundle');
        const start = performance.getEntriesByName('saring:start', 'mark')[0] ?? null;
        return {
          start: start ? start.startTime : null,
          ready: b.ready, done: b.done, longtasks: b.longtasks,
          injected: mod ? mod.startTime : null,
          module_ms: mod ? mod.duration : null,
          bundle_ms: bundle ? bundle.duration : null,
          walk_ms: m('saring:walk')?.duration ?? null,
          check_ms: m('saring:check')?.duration ?? null,
          finish_ms: m('saring:finish')?.duration ?? null,
          bundle_end: bundle ? bundle.startTime + bundle.duration : null,
          counts: JSON.parse(document.documentElement.dataset.saringCounts || 'null'),
        };
      });
      const world = worlds.find((w) => w.auxData?.type === 'isolated' && w.auxData?.frameId && w.name === 'Saring')
        ?? worlds.find((w) => w.auxData?.type === 'isolated');
      let memory = null;
      if (world) {
        const got = await cdp.send('Runtime.evaluate', { contextId: world.id, returnByValue: true,
          expression: 'globalThis.__saringModule ? globalThis.__saringModule.wasmMemoryBytes() : null' });
        memory = got.result?.value ?? null;
        if (process.env.DEBUG) {
          // How long the bundle load takes again in the same tab, the module warm.
          const again = await cdp.send('Runtime.evaluate', { contextId: world.id, returnByValue: true,
            expression: '(() => { const m = globalThis.__saringModule; const out = []; for (let i = 0; i < 3; i++) { const t = performance.now(); const s = new m.Checker(); out.push(performance.now() - t); s.free(); } return out; })()' });
          log(name, 'Checker() again in the same tab (ms):', JSON.stringify(again.result?.value));
        }
      }
      // Saring's tasks: from its content script's start (the page's own first layout, which
      // Chromium finishes before it injects document_idle scripts, is not Saring's).
      const t = tasksAfter(r.longtasks, r.start ?? r.ready);
      if (process.env.DEBUG) {
        const rel = (x) => (x == null ? null : Math.round(x - r.ready));
        log(name, 'timeline (ms after ready):', JSON.stringify({ start: rel(r.start), injected: rel(r.injected), module_ms: r.module_ms,
          bundle_end: rel(r.bundle_end), bundle_ms: r.bundle_ms, done: rel(r.done),
          tasks: r.longtasks.filter(([st]) => st >= r.ready - 1).map(([st, d]) => [rel(st), Math.round(d)]) }));
      }
      runs.push({
        ready_to_done_ms: r.done - r.ready,
        start_to_done_ms: r.start == null ? null : r.done - r.start,
        wait_ms: r.start == null ? null : r.start - r.ready,
        module_ms: r.module_ms, bundle_ms: r.bundle_ms,
        scan_ms: r.bundle_end == null ? null : r.done - r.bundle_end,
        walk_ms: r.walk_ms, check_ms: r.check_ms, finish_ms: r.finish_ms,
        longest_task_ms: t.longest, long_tasks: t.count, wasm_memory_bytes: memory, counts: r.counts,
      });
      await cdp.detach().catch(() => {});
      await page.close();
    }
    const pick = (k) => median(runs.map((x) => x[k]));
    results.pages[name].extension = {
      runs: runs.length,
      ready_to_done_ms: round(pick('ready_to_done_ms')),
      samples_ms: runs.map((x) => round(x.ready_to_done_ms)),
      start_to_done_ms: round(pick('start_to_done_ms')),
      wait_ms: round(pick('wait_ms')),
      module_ms: round(pick('module_ms')),
      bundle_ms: round(pick('bundle_ms')),
      startup_ms: round(median(runs.map((x) => x.module_ms + x.bundle_ms))),
      scan_ms: round(pick('scan_ms')),
      walk_ms: round(pick('walk_ms')),
      check_ms: round(pick('check_ms')),
      finish_ms: round(pick('finish_ms')),
      longest_task_ms: round(Math.max(...runs.map((x) => x.longest_task_ms))),
      longest_task_median_ms: round(pick('longest_task_ms')),
      long_tasks: Math.max(...runs.map((x) => x.long_tasks)),
      wasm_memory_bytes: pick('wasm_memory_bytes'),
      counts: runs[0].counts,
    };
    log(name, JSON.stringify(results.pages[name].extension));
  }
  await context.close();
}

// ---- 2. without the extension: the page's own long tasks, the core, mark.js ----------------

async function plainRuns() {
  const browser = await chromium.launch({ executablePath: chromiumBin, headless: true, args: LAUNCH_ARGS });
  results.chromium = `Chromium ${browser.version()}`;
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  await context.addInitScript(probe);

  // The page alone: the long tasks of parsing, layout and paint that are not Saring's.
  for (const name of Object.keys(meta)) {
    const longest = [];
    for (let i = 0; i < Math.min(3, runsFor(name.split('-')[1])); i += 1) {
      const page = await context.newPage();
      await page.goto(`${base}/${name}.html`, { waitUntil: 'load', timeout: 120000 });
      await page.waitForTimeout(400);
      longest.push(await page.evaluate(() => {
        const b = window.__bench;
        return Math.max(0, ...b.longtasks.filter(([s]) => s >= b.ready - 1).map(([, d]) => d));
      }));
      await page.close();
    }
    results.pages[name].page_alone = { longest_task_ms: round(Math.max(...longest)) };
  }

  // The WebAssembly core on the same text, in one page (the module compiled once).
  const core = await context.newPage();
  await core.goto(`${base}/core.html`);
  await core.waitForFunction(() => window.ready === true);
  // V8 runs new wasm code in its baseline tier first: one unmeasured 1 MB check lets the hot
  // functions reach the optimising tier, as they do on a page after its first scan.
  const warm = Object.keys(meta).find((n) => n.endsWith('-1m')) ?? Object.keys(meta)[0];
  await core.evaluate((n) => window.load(n), warm);
  await core.evaluate((n) => window.run(n), warm);
  for (const name of Object.keys(meta)) {
    await core.evaluate((n) => window.load(n), name);
    // One run first, not counted: the first calls run in V8's baseline tier.
    await core.evaluate((n) => window.run(n), name);
    const times = [];
    let claims = 0;
    for (let i = 0; i < runsFor(name.split('-')[1]); i += 1) {
      const [ms, n] = await core.evaluate((n) => window.run(n), name);
      times.push(ms);
      claims = n;
    }
    results.pages[name].wasm_core = { ms: round(median(times)), samples_ms: times.map((x) => round(x)), claims };
    log(name, 'wasm core', JSON.stringify(results.pages[name].wasm_core));
  }
  await core.close();

  // mark.js and the TreeWalker floor, each in fresh pages.
  for (const name of Object.keys(meta)) {
    const size = name.split('-')[1];
    if (quick && size === '10m') continue;
    const mark = [];
    const walk = [];
    let marks = 0;
    let longest = 0;
    // mark.js takes about a minute on a 10 MB page: one run there.
    for (let i = 0; i < (size === '10m' ? 1 : runsFor(size)); i += 1) {
      let page = await context.newPage();
      await page.goto(`${base}/mark-${name}.html`, { waitUntil: 'load', timeout: 120000 });
      walk.push(await page.evaluate(() => {
        const t0 = performance.now();
        const w = document.createTreeWalker(document.querySelector('article'), NodeFilter.SHOW_TEXT);
        let n = 0;
        while (w.nextNode()) n += w.currentNode.data.length;
        return n >= 0 ? performance.now() - t0 : 0;
      }));
      await page.close();
      page = await context.newPage();
      await page.goto(`${base}/mark-${name}.html`, { waitUntil: 'load', timeout: 120000 });
      await page.waitForTimeout(200);
      const r = await page.evaluate((list) => new Promise((resolve) => {
        // In a task of the page's own, as a page script would run it (and as long tasks count).
        setTimeout(() => {
          const t0 = performance.now();
          let n = 0;
          // A plain keyword highlighter: whole terms, case-insensitive, no verification.
          new window.Mark(document.querySelector('article')).mark(list, {
            separateWordSearch: false, accuracy: 'exactly',
            each: () => { n += 1; },
            done: () => {
              const ms = performance.now() - t0;
              // Let the long-task entry of this work arrive.
              setTimeout(() => resolve({ ms, n, start: t0 }), 300);
            },
          });
        }, 0);
      }), terms);
      const b = await page.evaluate(() => window.__bench.longtasks);
      longest = Math.max(longest, tasksAfter(b, r.start).longest);
      mark.push(r.ms);
      marks = r.n;
      await page.close();
    }
    results.pages[name].markjs = { ms: round(median(mark)), samples_ms: mark.map((x) => round(x)), marks, longest_task_ms: round(longest) };
    results.pages[name].treewalker_ms = round(median(walk), 2);
    log(name, 'mark.js', JSON.stringify(results.pages[name].markjs), 'walk', results.pages[name].treewalker_ms);
  }
  await browser.close();
}

try {
  await extensionRuns();
  await plainRuns();
} finally {
  server.kill();
}
await mkdir(path.join(root, 'target/bench'), { recursive: true });
await writeFile(path.join(root, 'target/bench/browser.json'), `${JSON.stringify(results, null, 2)}\n`);
console.log(path.join(root, 'target/bench/browser.json'));
