// Gathers what `./build.sh bench` measured into target/bench/summary.json, the chart
// docs/bench-scaling.png and the generated section of BENCHMARKS.md (between the
// `<!-- bench:begin -->` and `<!-- bench:end -->` lines).
//
// Inputs: criterion's estimates (target/criterion/check_{dense,sparse}/*, bundle/*),
// target/bench/scaling.json (benches/scaling.rs), target/bench/browser.json
// (bench-browser.mjs), target/bench/{load,scan}.json (bench-load.mjs, bench-scan.mjs) and the
// built files themselves for the sizes. Every number carries its goal and whether it is met.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { chartSvg } from './bench-chart.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '../..');
const at = (...p) => path.join(root, ...p);
const SIZES = [['10k', '10 KB'], ['100k', '100 KB'], ['1m', '1 MB'], ['10m', '10 MB']];
const DENSITIES = ['dense', 'sparse'];
const MiB = 1024 * 1024;

const readJson = (p) => (existsSync(p) ? JSON.parse(readFileSync(p, 'utf8')) : null);
const run = (cmd, args) => {
  try {
    return execFileSync(cmd, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return null;
  }
};
const r = (x, d = 1) => (x == null || !Number.isFinite(x) ? null : Math.round(x * 10 ** d) / 10 ** d);

/** One number with its unit, goal and whether the goal is met (`met: null`: no goal). */
const metric = (value, unit, goal = null, met = null, extra = {}) => ({ value, unit, goal, met, ...extra });

// ---- what was measured --------------------------------------------------------------------

/** Criterion's median time of one benchmark, in ms, and the bytes it checked. */
function criterion(dir) {
  const est = readJson(at('target/criterion', dir, 'new/estimates.json'));
  const bench = readJson(at('target/criterion', dir, 'new/benchmark.json'));
  if (!est) return null;
  return { ms: est.median.point_estimate / 1e6, bytes: bench?.throughput?.Bytes ?? null };
}

const native = {};
for (const d of DENSITIES) {
  native[d] = {};
  for (const [s] of SIZES) native[d][s] = criterion(`check_${d}/${s}`);
}
const load = { decode: criterion('bundle/decode'), engine_new: criterion('bundle/engine_new') };
const scaling = readJson(at('target/bench/scaling.json'));
const browser = readJson(at('target/bench/browser.json'));
const wwwLoad = readJson(at('target/bench/load.json'));
const scan2mb = readJson(at('target/bench/scan.json'));

function fileSize(p) {
  if (!existsSync(p)) return null;
  const buf = readFileSync(p);
  return { raw: buf.length, gzip: gzipSync(buf, { level: 9 }).length };
}
function dirSize(p) {
  if (!existsSync(p)) return null;
  const files = run('find', [p, '-type', 'f']);
  let raw = 0;
  let gzip = 0;
  for (const f of (files ?? '').split('\n').filter(Boolean)) {
    const s = fileSize(f);
    raw += s.raw;
    gzip += s.gzip;
  }
  return { raw, gzip };
}

// ---- summary.json ---------------------------------------------------------------------------

const metrics = {};

// 1. Native core.
for (const d of DENSITIES) {
  for (const [s] of SIZES) {
    const n = native[d][s];
    if (!n) continue;
    metrics[`native.${d}.${s}.time`] = metric(r(n.ms, 2), 'ms', null, null, { bytes: n.bytes });
    metrics[`native.${d}.${s}.throughput`] = metric(r(n.bytes / 1e6 / (n.ms / 1e3), 2), 'MB/s');
  }
  const lin = scaling?.linear?.[d]?.variants?.['10m']?.ratio;
  if (lin != null) {
    metrics[`native.${d}.linearity_10m_over_1m`] = metric(r(lin, 2), '×', '≤ 11× (linear)', lin <= 11,
      { how: 'median of per-round ratios, 1 MB and 10 MB checked alternately (benches/scaling.rs)' });
  }
}
if (load.decode) metrics['native.bundle_decode'] = metric(r(load.decode.ms, 2), 'ms');
if (load.engine_new) metrics['native.engine_new'] = metric(r(load.engine_new.ms, 2), 'ms');

// 2. Bundle scaling.
for (const f of ['x10', 'x100']) {
  const v = scaling?.bundle?.variants?.[f];
  if (!v) continue;
  const goal = f === 'x100' ? '≤ 1.3× the time with the default bundle' : null;
  metrics[`bundle_scaling.${f}`] = metric(r(v.ratio, 2), '×', goal, goal ? v.ratio <= 1.3 : null,
    { debunked: v.debunked, median_ms: r(v.median_s * 1e3, 1), how: 'median of per-round ratios, interleaved' });
}
if (scaling?.bundle?.variants?.x1) {
  const v = scaling.bundle.variants.x1;
  metrics['bundle_scaling.x1'] = metric(r(v.median_s * 1e3, 1), 'ms', null, null, { debunked: v.debunked });
}

// 3. In the browser.
const pages = browser?.pages ?? {};
const startups = [];
for (const d of DENSITIES) {
  for (const [s] of SIZES) {
    const p = pages[`${d}-${s}`];
    if (!p?.extension) continue;
    const e = p.extension;
    const key = `browser.${d}.${s}`;
    metrics[`${key}.ready_to_done`] = metric(e.ready_to_done_ms, 'ms', null, null,
      { runs: e.runs, note: 'DOMContentLoaded to data-saring-state=done, including the wait for document_idle' });
    metrics[`${key}.start_to_done`] = metric(e.start_to_done_ms, 'ms', null, null,
      { runs: e.runs, startup_ms: e.startup_ms, walk_ms: e.walk_ms, check_ms: e.check_ms, finish_ms: e.finish_ms,
        note: 'the content script\'s first line to done: Saring\'s own time' });
    const n = native[d][s];
    if (p.wasm_core && n) {
      const ratio = p.wasm_core.ms / n.ms;
      metrics[`${key}.wasm_core_over_native`] = metric(r(ratio, 2), '×', '≤ 2× the native core on the same input',
        ratio <= 2, { wasm_ms: p.wasm_core.ms, native_ms: r(n.ms, 1) });
      metrics[`${key}.content_script_over_native`] = metric(r(e.ready_to_done_ms / n.ms, 2), '×', null, null,
        { note: 'the whole path: injection, startup, DOM walk, checking in slices, highlights' });
    }
    metrics[`${key}.longest_task`] = metric(e.longest_task_ms, 'ms', '≤ 50 ms', e.longest_task_ms <= 50,
      { long_tasks: e.long_tasks, page_alone_ms: p.page_alone?.longest_task_ms ?? null,
        note: 'longest task after page ready in any run, Saring loaded; page_alone: the same page without the extension' });
    if (e.wasm_memory_bytes != null) {
      const mib = e.wasm_memory_bytes / MiB;
      const goal = s === '1m' ? '< 16 MiB per tab on a 1 MB page' : null;
      metrics[`${key}.wasm_memory`] = metric(r(mib, 2), 'MiB', goal, goal ? mib < 16 : null);
    }
    metrics[`${key}.startup`] = metric(e.startup_ms, 'ms', '< 20 ms (module compile + bundle load)', e.startup_ms < 20,
      { module_ms: e.module_ms, bundle_ms: e.bundle_ms });
    if (e.startup_ms != null) startups.push(e.startup_ms);

    // 4. Side by side with mark.js.
    if (p.markjs) {
      const ratio = e.start_to_done_ms / p.markjs.ms;
      metrics[`${key}.vs_markjs`] = metric(r(ratio, 3), '× mark.js', '≤ 0.1× mark.js', ratio <= 0.1,
        { saring_ms: e.start_to_done_ms, markjs_ms: p.markjs.ms, markjs_marks: p.markjs.marks,
          markjs_longest_task_ms: p.markjs.longest_task_ms, treewalker_ms: p.treewalker_ms });
    }
  }
}
if (startups.length) {
  const sorted = [...startups].sort((a, b) => a - b);
  const med = sorted[Math.floor(sorted.length / 2)];
  metrics['browser.startup'] = metric(med, 'ms', '< 20 ms', med < 20, { how: 'median over the pages of the per-page medians' });
}
if (wwwLoad) {
  metrics['browser.www.module_compile'] = metric(r(wwwLoad.wasm_compile_ms), 'ms');
  metrics['browser.www.checker_new'] = metric(r(wwwLoad.bundle_load_ms), 'ms');
}
if (scan2mb) metrics['browser.page_scanner_2mb'] = metric(scan2mb.scan_ms, 'ms', null, null, { longest_task_ms: scan2mb.longest_task_ms });

// 5. Size.
const sizes = {
  wasm: fileSize(at('dist/chromium/pkg/saring_bg.wasm')),
  glue: fileSize(at('dist/chromium/pkg/saring.js')),
  bundle: fileSize(at('data/compiled/default.bundle')),
  wasm2js: dirSize(at('dist/chromium/pkg-js')),
  zip_chromium: existsSync(at('dist/saring-chromium.zip')) ? statSync(at('dist/saring-chromium.zip')).size : null,
  zip_firefox: existsSync(at('dist/saring-firefox.zip')) ? statSync(at('dist/saring-firefox.zip')).size : null,
};
for (const k of ['wasm', 'glue', 'bundle', 'wasm2js']) {
  if (!sizes[k]) continue;
  metrics[`size.${k}.raw`] = metric(sizes[k].raw, 'bytes');
  metrics[`size.${k}.gzip`] = metric(sizes[k].gzip, 'bytes');
}
for (const k of ['zip_chromium', 'zip_firefox']) {
  if (sizes[k] == null) continue;
  metrics[`size.${k}`] = metric(sizes[k], 'bytes', '< 1.5 MiB (1,572,864 bytes)', sizes[k] < 1.5 * MiB);
}

const machine = {
  cpu: os.cpus()[0]?.model ?? null,
  cores: os.cpus().length,
  memory_gib: r(os.totalmem() / 1024 ** 3, 1),
  os: `${os.type()} ${os.release()} ${os.arch()}`,
  load_average_at_report: os.loadavg().map((x) => r(x, 2)),
};
const versions = {
  rustc: run('rustc', ['-V']),
  node: process.version,
  chromium: browser?.chromium ?? run(process.env.CHROMIUM || '/usr/bin/chromium', ['--version']),
  wasm_opt: run(path.join(here, 'node_modules/binaryen/bin/wasm-opt'), ['--version']),
  mark_js: JSON.parse(readFileSync(path.join(here, 'node_modules/mark.js/package.json'), 'utf8')).version,
  saring: run('git', ['-C', root, 'describe', '--always', '--dirty']),
};
const summary = {
  date: new Date().toISOString(),
  command: process.env.SARING_BENCH_QUICK ? 'SARING_BENCH_QUICK=1 ./build.sh bench' : './build.sh bench',
  machine,
  versions,
  inputs: 'target/bench/inputs (cargo run --release --example bench_inputs): seed articles, data/hoaxes.json narratives, tests/fixtures/off_topic.txt, mixed and repeated to size',
  lexicon_for_markjs: browser?.terms ?? null,
  metrics,
};
await mkdir(at('target/bench'), { recursive: true });
await writeFile(at('target/bench/summary.json'), `${JSON.stringify(summary, null, 2)}\n`);

// ---- the chart --------------------------------------------------------------------------------

const series = { native: {}, wasm: {}, extension: {}, markjs: {} };
for (const d of DENSITIES) {
  for (const k of Object.keys(series)) series[k][d] = [];
  for (const [s] of SIZES) {
    const n = native[d][s];
    const p = pages[`${d}-${s}`];
    const bytes = n?.bytes ?? p?.bytes;
    if (n) series.native[d].push([bytes, n.ms]);
    if (p?.wasm_core) series.wasm[d].push([bytes, p.wasm_core.ms]);
    if (p?.extension) series.extension[d].push([bytes, p.extension.start_to_done_ms]);
    if (p?.markjs) series.markjs[d].push([bytes, p.markjs.ms]);
  }
}
const bundleBars = ['x1', 'x10', 'x100'].map((f) => scaling?.bundle?.variants?.[f]).filter(Boolean)
  .map((v) => [v.debunked, v.median_s * 1e3, v.ratio]);
const chartPath = at('docs/bench-scaling.png');
if (Object.values(series.native).some((s) => s.length) && bundleBars.length) {
  const svg = chartSvg({ series, bundle: bundleBars, title: `Saring ${versions.saring} — ${machine.cores} cores, ${summary.date.slice(0, 10)} (medians)` });
  await mkdir(path.dirname(chartPath), { recursive: true });
  await writeFile(at('target/bench/scaling.svg'), svg);
  const b = await chromium.launch({ executablePath: process.env.CHROMIUM || '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
  const page = await b.newPage({ viewport: { width: 1100, height: 520 } });
  await page.setContent(`<!doctype html><html><body style="margin:0">${svg}</body></html>`);
  await page.locator('svg').screenshot({ path: chartPath });
  await b.close();
}

// ---- BENCHMARKS.md ------------------------------------------------------------------------------

const yes = (m) => (m == null ? '—' : m.met == null ? '' : m.met ? 'met' : '**missed**');
const v = (k, f = (x) => x) => (metrics[k] ? f(metrics[k].value) : '—');
const n0 = (x) => (x == null ? '—' : Math.round(x).toLocaleString('en'));
const ms = (x) => (x == null ? '—' : x >= 100 ? n0(x) : String(r(x, 1)));
const lines = [];
lines.push('## Issue 7: benchmarks side by side (`./build.sh bench`)', '');
lines.push(`Generated by \`${summary.command}\` on ${summary.date.slice(0, 16).replace('T', ' ')} UTC (all numbers also in`,
  '`target/bench/summary.json`, each with its goal and whether it is met). Machine: ' +
  `${machine.cpu}, ${machine.cores} cores, ${machine.memory_gib} GiB, ${machine.os} — shared and noisy, so`,
  'every time is a median of several runs and every ratio comes from the same run. Versions: ' +
  `${versions.rustc}; Node ${versions.node}; ${versions.chromium}; binaryen ${versions.wasm_opt?.replace(/^wasm-opt /, '')}; mark.js ${versions.mark_js}; Saring ${versions.saring}.`, '');
lines.push('Inputs (`cargo run --release --example bench_inputs`, `benches/support/inputs.rs`): **dense** — the seed',
  'articles\' paragraphs alternating with the hoax titles and narratives of `data/hoaxes.json`;',
  '**sparse** — the sport, weather, recipe and pageant lines of `tests/fixtures/off_topic.txt` with one',
  'election paragraph in twenty; shuffled with a fixed seed and repeated to 10 KB, 100 KB, 1 MB, 10 MB.', '');
lines.push('![Time against input size for the native core, the wasm core, the extension and mark.js; bundle scaling](docs/bench-scaling.png)', '');

lines.push('### 1. Native core (criterion, `cargo bench --bench check`)', '');
lines.push('| input | dense: time | dense: MB/s | sparse: time | sparse: MB/s |', '|---|---|---|---|---|');
for (const [s, label] of SIZES) {
  lines.push(`| ${label} | ${ms(v(`native.dense.${s}.time`))} ms | ${v(`native.dense.${s}.throughput`)} | ${ms(v(`native.sparse.${s}.time`))} ms | ${v(`native.sparse.${s}.throughput`)} |`);
}
lines.push('');
for (const d of DENSITIES) {
  const m = metrics[`native.${d}.linearity_10m_over_1m`];
  if (m) lines.push(`- ${d}: 10 MB takes **${m.value}×** the time of 1 MB (goal ≤ 11×, ${yes(m)}; \`benches/scaling.rs\`, interleaved).`);
}
lines.push('');

lines.push('### 2. Bundle scaling (`cargo bench --bench scaling`)', '');
lines.push('The dense 1 MB input against the default bundle and against bundles with 10× and 100× as many',
  'debunked claims (synthetic, reworded variants of the bundle\'s own hoaxes, compiled in memory for the',
  'bench only), checked alternately:', '');
lines.push('| debunked claims | time | ratio | goal |', '|---|---|---|---|');
for (const f of ['x1', 'x10', 'x100']) {
  const vv = scaling?.bundle?.variants?.[f];
  if (!vv) continue;
  const m = metrics[`bundle_scaling.${f}`];
  lines.push(`| ${n0(vv.debunked)} | ${ms(vv.median_s * 1e3)} ms | ${r(vv.ratio, 2)}× | ${f === 'x100' ? `≤ 1.3× — ${yes(m)}` : ''} |`);
}
lines.push('');

lines.push('### 3. In the browser (headless Chromium, the extension\'s content script; `tests/e2e/bench-browser.mjs`)', '');
lines.push('Median of fresh tabs per page (`runs`). *ready → done*: DOMContentLoaded to `data-saring-state=done`;',
  '*Saring*: from the content script\'s first line (Chromium runs it at `document_idle`, after the page\'s own',
  'first layout) to done, made of *startup* = module compile + instantiate (`saring:module`) + bundle load',
  '(`saring:bundle`), then *walk* (reading the DOM), *check* (in ~20 ms slices) and *finish* (ranges and',
  'highlights), each in wall time. *wasm core*: `Checker.check` on the same text in a page; *longest task*: the',
  'longest main-thread task from the content script\'s start in any run (in brackets, the longest task after',
  'DOMContentLoaded of the same page without the extension); memory: the tab\'s wasm memory after the scan.', '');
lines.push('| page | ready → done | Saring | startup | walk | check | finish | wasm core | native | wasm/native | longest task | wasm memory |', '|---|---|---|---|---|---|---|---|---|---|---|---|');
for (const d of DENSITIES) {
  for (const [s, label] of SIZES) {
    const p = pages[`${d}-${s}`];
    if (!p?.extension) continue;
    const e = p.extension;
    const wn = metrics[`browser.${d}.${s}.wasm_core_over_native`];
    const lt = metrics[`browser.${d}.${s}.longest_task`];
    const mem = metrics[`browser.${d}.${s}.wasm_memory`];
    lines.push(`| ${d} ${label} (${e.runs}) | ${ms(e.ready_to_done_ms)} ms | ${ms(e.start_to_done_ms)} ms | ${ms(e.startup_ms)} (${ms(e.module_ms)} + ${ms(e.bundle_ms)}) | ${ms(e.walk_ms)} | ${ms(e.check_ms)} | ${ms(e.finish_ms)} | ${ms(p.wasm_core?.ms)} ms | ${ms(native[d][s]?.ms)} ms | ${wn ? `${wn.value}× ${yes(wn)}` : '—'} | ${lt.value} ms (${ms(p.page_alone?.longest_task_ms)}) ${yes(lt)} | ${mem ? `${mem.value} MiB` : '—'}${mem?.goal ? ` ${yes(mem)}` : ''} |`);
  }
}
lines.push('');
const st = metrics['browser.startup'];
if (st) lines.push(`- Startup per page (median): **${st.value} ms** (goal < 20 ms, ${yes(st)}).`);
for (const d of DENSITIES) {
  const mem = metrics[`browser.${d}.1m.wasm_memory`];
  if (mem) lines.push(`- wasm memory per tab on the ${d} 1 MB page: **${mem.value} MiB** (goal < 16 MiB, ${yes(mem)}).`);
}
const worst = Object.entries(metrics).filter(([k]) => k.endsWith('.longest_task')).map(([, m]) => m.value);
if (worst.length) lines.push(`- Longest task over all pages: **${Math.max(...worst)} ms** (goal: none over 50 ms).`);
lines.push('');

lines.push('### 4. Side by side with mark.js', '');
lines.push(`The same pages in the same browser without the extension: \`new Mark(article).mark(terms, {separateWordSearch: false, accuracy: 'exactly'})\` with the first 40 terms of Saring's election lexicon (\`topic_words()\`), in a task of the loaded page — a keyword highlighter that verifies nothing — against Saring's whole path on the loaded page (*Saring* above: startup, walk, check and verify, highlight). *TreeWalker*: reading all of the page's text, the floor of any highlighter.`, '');
lines.push('| page | mark.js | its marks | its longest task | Saring | Saring / mark.js | TreeWalker |', '|---|---|---|---|---|---|---|');
for (const d of DENSITIES) {
  for (const [s, label] of SIZES) {
    const m = metrics[`browser.${d}.${s}.vs_markjs`];
    if (!m) continue;
    lines.push(`| ${d} ${label} | ${ms(m.markjs_ms)} ms | ${n0(m.markjs_marks)} | ${ms(m.markjs_longest_task_ms)} ms | ${ms(m.saring_ms)} ms | **${m.value}** ${yes(m)} | ${m.treewalker_ms} ms |`);
  }
}
lines.push('', 'Goal: Saring at most a tenth of mark.js\'s time.', '');

lines.push('### 5. Size', '');
lines.push('| what | raw | gzip -9 |', '|---|---|---|');
const sz = (k, label) => { if (sizes[k]) lines.push(`| ${label} | ${n0(sizes[k].raw)} | ${n0(sizes[k].gzip)} |`); };
sz('wasm', 'wasm (`pkg/saring_bg.wasm`)');
sz('glue', 'JS glue (`pkg/saring.js`)');
sz('bundle', 'compiled bundle (inside the wasm)');
sz('wasm2js', 'wasm2js fallback (`pkg-js/`, Chromium only)');
for (const [k, label] of [['zip_chromium', 'saring-chromium.zip'], ['zip_firefox', 'saring-firefox.zip']]) {
  const m = metrics[`size.${k}`];
  if (m) lines.push(`| **${label}** | **${n0(m.value)}** (${r(m.value / MiB, 2)} MiB; goal < 1.5 MiB, ${yes(m)}) | |`);
}
lines.push('');

const section = `<!-- bench:begin (generated by ./build.sh bench; edits here are overwritten) -->\n${lines.join('\n')}\n<!-- bench:end -->`;
const mdPath = at('BENCHMARKS.md');
let md = await readFile(mdPath, 'utf8');
const re = /<!-- bench:begin[^\n]*-->[\s\S]*?<!-- bench:end -->/;
md = re.test(md) ? md.replace(re, section) : `${md.trimEnd()}\n\n${section}\n`;
await writeFile(mdPath, md);

const missed = Object.entries(metrics).filter(([, m]) => m.met === false).map(([k]) => k);
console.log(`target/bench/summary.json: ${Object.keys(metrics).length} numbers, ${missed.length} goals missed${missed.length ? `: ${missed.join(', ')}` : ''}`);
