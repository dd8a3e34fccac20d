// Measures, in headless Chromium, how long the WebAssembly core takes to compile and to load
// the default bundle (`new Checker()`), median of several fresh pages. A benchmark, not a
// test: `node tests/e2e/bench-load.mjs` after ./build.sh; prints JSON.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const runs = Number(process.env.RUNS || 9);
const child = spawn(path.join(root, 'target/release/saring-serve'), [path.join(root, 'dist/www'), '0']);
const base = await new Promise((resolve) => child.stdout.on('data', (c) => {
  const m = /http:\/\/(127\.0\.0\.1:\d+)\//.exec(String(c));
  if (m) resolve(`http://${m[1]}`);
}));
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
const compile = [];
const load = [];
for (let i = 0; i < runs; i += 1) {
  const page = await browser.newPage();
  await page.goto(`${base}/bundle.html`);
  const t = await page.evaluate(async () => {
    const mod = await import('./pkg/saring.js');
    const t0 = performance.now();
    await mod.default();
    const t1 = performance.now();
    const c = new mod.Checker();
    const t2 = performance.now();
    c.free();
    return [t1 - t0, t2 - t1];
  });
  compile.push(t[0]);
  load.push(t[1]);
  await page.close();
}
const median = (a) => [...a].sort((x, y) => x - y)[Math.floor(a.length / 2)];
console.log(JSON.stringify({ runs, wasm_compile_ms: median(compile), bundle_load_ms: median(load) }));
await browser.close();
child.kill();
