// The scaling chart of BENCHMARKS.md, drawn as SVG from summary.json (no plotting library):
// left, time against input size (log-log) for the native core, the WebAssembly core, the
// extension's whole content-script path and mark.js; right, the time of a 1 MB check against
// the number of debunked claims in the bundle. bench-report.mjs renders it to PNG in Chromium.

const COLORS = {
  native: '#1f5fa8',
  wasm: '#2a9d55',
  extension: '#c2410c',
  markjs: '#7c3aed',
};
const LABELS = {
  native: 'native core (criterion)',
  wasm: 'WebAssembly core',
  extension: 'extension: content script start → done',
  markjs: 'mark.js, 40 terms (no verification)',
};

const esc = (s) => String(s).replace(/&/g, '&amp;').replace(/</g, '&lt;');
const fmtMs = (ms) => (ms >= 1000 ? `${+(ms / 1000).toPrecision(2)} s` : `${+ms.toPrecision(2)} ms`);
const fmtBytes = (b) => (b >= 1e6 ? `${b / 1e6} MB` : `${b / 1e3} KB`);

/**
 * `series`: { native|wasm|extension|markjs: { dense: [[bytes, ms]…], sparse: [[bytes, ms]…] } };
 * `bundle`: [[debunked claims, ms, ratio]…]; `title`: the caption line.
 */
export function chartSvg({ series, bundle, title }) {
  const W = 1100;
  const H = 520;
  const out = [];
  out.push(`<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}" font-family="DejaVu Sans, sans-serif" font-size="13">`);
  out.push(`<rect width="${W}" height="${H}" fill="#fff"/>`);
  out.push(`<text x="20" y="28" font-size="16" font-weight="bold">${esc(title)}</text>`);

  // Left panel: log-log time against size.
  const L = { x: 80, y: 60, w: 560, h: 370 };
  const all = Object.values(series).flatMap((s) => [...(s.dense ?? []), ...(s.sparse ?? [])]);
  const xs = all.map(([b]) => b);
  const ys = all.map(([, ms]) => ms).filter((v) => v > 0);
  const x0 = Math.log10(Math.min(...xs)) - 0.1;
  const x1 = Math.log10(Math.max(...xs)) + 0.1;
  const y0 = Math.floor(Math.log10(Math.min(...ys)));
  const y1 = Math.ceil(Math.log10(Math.max(...ys)));
  const px = (b) => L.x + ((Math.log10(b) - x0) / (x1 - x0)) * L.w;
  const py = (ms) => L.y + L.h - ((Math.log10(ms) - y0) / (y1 - y0)) * L.h;
  out.push(`<rect x="${L.x}" y="${L.y}" width="${L.w}" height="${L.h}" fill="none" stroke="#999"/>`);
  for (let e = y0; e <= y1; e += 1) {
    const y = py(10 ** e);
    out.push(`<line x1="${L.x}" x2="${L.x + L.w}" y1="${y}" y2="${y}" stroke="#eee"/>`);
    out.push(`<text x="${L.x - 8}" y="${y + 4}" text-anchor="end">${fmtMs(10 ** e)}</text>`);
  }
  // Ticks at the nominal sizes (the inputs stop at a line break just below them).
  for (const b of [1e4, 1e5, 1e6, 1e7].filter((v) => Math.log10(v) >= x0 && Math.log10(v) <= x1)) {
    const x = px(b);
    out.push(`<line x1="${x}" x2="${x}" y1="${L.y}" y2="${L.y + L.h}" stroke="#eee"/>`);
    out.push(`<text x="${x}" y="${L.y + L.h + 18}" text-anchor="middle">${fmtBytes(b)}</text>`);
  }
  out.push(`<text x="${L.x + L.w / 2}" y="${L.y + L.h + 40}" text-anchor="middle">input size (log)</text>`);
  out.push(`<text transform="translate(22 ${L.y + L.h / 2}) rotate(-90)" text-anchor="middle">time (log)</text>`);
  let ly = L.y + 14;
  for (const [key, s] of Object.entries(series)) {
    for (const [density, dash] of [['dense', ''], ['sparse', '6 4']]) {
      const pts = (s[density] ?? []).filter(([, ms]) => ms > 0).sort((a, b) => a[0] - b[0]);
      if (!pts.length) continue;
      const d = pts.map(([b, ms], i) => `${i ? 'L' : 'M'}${px(b).toFixed(1)} ${py(ms).toFixed(1)}`).join(' ');
      out.push(`<path d="${d}" fill="none" stroke="${COLORS[key]}" stroke-width="2.5" stroke-dasharray="${dash}"/>`);
      for (const [b, ms] of pts) out.push(`<circle cx="${px(b).toFixed(1)}" cy="${py(ms).toFixed(1)}" r="3.5" fill="${COLORS[key]}"/>`);
    }
    out.push(`<line x1="${L.x + 12}" x2="${L.x + 40}" y1="${ly - 4}" y2="${ly - 4}" stroke="${COLORS[key]}" stroke-width="2.5"/>`);
    out.push(`<text x="${L.x + 46}" y="${ly}">${esc(LABELS[key])}</text>`);
    ly += 18;
  }
  out.push(`<text x="${L.x + 46}" y="${ly}" fill="#555">solid: election-dense · dashed: election-sparse</text>`);

  // Right panel: bundle scaling bars.
  const R = { x: 760, y: 60, w: 300, h: 370 };
  const maxMs = Math.max(...bundle.map(([, ms]) => ms)) * 1.15;
  out.push(`<text x="${R.x}" y="${R.y - 12}" font-weight="bold">1 MB dense against a larger bundle</text>`);
  out.push(`<line x1="${R.x}" x2="${R.x + R.w}" y1="${R.y + R.h}" y2="${R.y + R.h}" stroke="#999"/>`);
  const bw = R.w / bundle.length;
  bundle.forEach(([n, ms, ratio], i) => {
    const h = (ms / maxMs) * R.h;
    const x = R.x + i * bw + bw * 0.15;
    out.push(`<rect x="${x}" y="${R.y + R.h - h}" width="${bw * 0.7}" height="${h}" fill="${COLORS.native}" opacity="${0.55 + 0.15 * i}"/>`);
    out.push(`<text x="${x + bw * 0.35}" y="${R.y + R.h - h - 22}" text-anchor="middle">${fmtMs(ms)}</text>`);
    out.push(`<text x="${x + bw * 0.35}" y="${R.y + R.h - h - 6}" text-anchor="middle" fill="#555">${ratio.toFixed(2)}×</text>`);
    out.push(`<text x="${x + bw * 0.35}" y="${R.y + R.h + 18}" text-anchor="middle">${n.toLocaleString('en')}</text>`);
  });
  out.push(`<text x="${R.x + R.w / 2}" y="${R.y + R.h + 40}" text-anchor="middle">debunked claims in the bundle</text>`);
  out.push('</svg>');
  return out.join('\n');
}
