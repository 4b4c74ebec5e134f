// The startup suite (Node only): the JavaScript the first page loads before it can paint — the entry script and
// every module it preloads, as the built index.html names them — gzipped at level 9, against the 150 KB target; and
// the lazily loaded rest (pages, plotly, workers) beside it, so a change that moves code onto the first page shows.
// Builds the app into bench/out/startup first.

import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { makeRatio } from './lib/ratios.mjs';

export const usesSite = false;
const ROOT = resolve(fileURLToPath(new URL('..', import.meta.url)));
const OUT = join(ROOT, 'bench', 'out', 'startup');
const TARGET_KB = 150;

const gzipKb = (path) => gzipSync(readFileSync(path), { level: 9 }).length / 1024;

export async function run() {
  execFileSync(process.execPath, [join(ROOT, 'node_modules', 'vite', 'bin', 'vite.js'), 'build', '--emptyOutDir', '--outDir', OUT, '--logLevel', 'error'], { cwd: ROOT, stdio: 'inherit' });
  const html = readFileSync(join(OUT, 'index.html'), 'utf8');
  const firstPage = [...html.matchAll(/<script[^>]*\bsrc="([^"]+\.js)"|<link[^>]*rel="modulepreload"[^>]*href="([^"]+\.js)"/g)].map((m) => (m[1] ?? m[2]).replace(/^\//, ''));
  const first = firstPage.map((file) => ({ file, gzipKb: gzipKb(join(OUT, file)) }));
  const firstSet = new Set(firstPage);
  const rest = readdirSync(join(OUT, 'assets')).filter((name) => name.endsWith('.js') && !firstSet.has(`assets/${name}`)).map((name) => ({ file: `assets/${name}`, gzipKb: gzipKb(join(OUT, 'assets', name)) }));
  const sum = (files) => files.reduce((total, f) => total + f.gzipKb, 0);
  return { targetKb: TARGET_KB, firstPageKb: sum(first), firstPage: first, lazyKb: sum(rest), lazy: rest.sort((a, b) => b.gzipKb - a.gzipKb).slice(0, 8) };
}

export function describe(result) {
  const lines = [`first page: ${result.firstPageKb.toFixed(1)} KB of gzipped JavaScript (target ≤ ${result.targetKb} KB: ${result.firstPageKb <= result.targetKb ? 'met' : 'missed'})`];
  for (const f of result.firstPage) lines.push(`  ${f.file}  ${f.gzipKb.toFixed(1)} KB`);
  lines.push(`loaded later: ${result.lazyKb.toFixed(1)} KB gzipped in all; the largest:`);
  for (const f of result.lazy) lines.push(`  ${f.file}  ${f.gzipKb.toFixed(1)} KB`);
  return lines.join('\n');
}

/** Ratio rows (bench/README.md, "Ratios"): first-page gzipped KB ÷ the 150 KB target (≤ 1 meets it). */
export function ratios(result) {
  return [makeRatio({
    what: 'app cold start: gzipped JavaScript before first paint, KB ÷ the 150 KB target', ours: `${result.firstPageKb.toFixed(1)} KB`,
    reference: `${result.targetKb} KB (target)`, ratio: result.firstPageKb / result.targetKb, target: '≤ 1',
  })];
}
