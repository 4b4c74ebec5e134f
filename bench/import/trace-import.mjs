// Where an import's time goes in Chromium: runs the importer once (after one warm-up run) under a trace with V8's
// sampling profiler and prints, per thread (page, import worker, range workers), its busy time, GC and the
// functions with the most self time. Builds unminified into bench/out/site-import, as run-alone.mjs does.
// Marks named imp:* (performance.mark, e.g. added to importCsvInRanges while measuring) are printed as a timeline.
// Usage: node bench/import/trace-import.mjs [--top N] [--method importer|papaparse] [--marks-only]
import { resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { build, preview } from 'vite';
import { findChromium } from '../lib/site.mjs';

const args = process.argv.slice(2);
const option = (name, fallback) => (args.includes(name) ? args[args.indexOf(name) + 1] : fallback);
const TOP = Number(option('--top', 12));
const METHOD = option('--method', 'importer');
const MARKS_ONLY = args.includes('--marks-only'); // user-timing marks alone: phase times without the profiler's cost
const CONFIG_FILE = resolve(import.meta.dirname, '../vite.config.ts');
const DATA_FILE = resolve(import.meta.dirname, '../data/import-100mb-seed42.csv');
const CATEGORIES = ['blink.user_timing', 'disabled-by-default-v8.cpu_profiler', 'v8', 'v8.execute', 'devtools.timeline', 'disabled-by-default-devtools.timeline'];

/** Self time (ms) per "function url:line" per thread, from the trace's ProfileChunk events. */
function summarizeProfiles(events) {
  const names = new Map(events.filter((e) => e.name === 'thread_name').map((e) => [`${e.pid}:${e.tid}`, e.args.name]));
  const profiles = new Map(); // id → { thread, nodes: Map, self: Map }
  for (const e of events) {
    if (e.name !== 'Profile' && e.name !== 'ProfileChunk') continue;
    const key = `${e.pid}:${e.id}`;
    if (!profiles.has(key)) profiles.set(key, { thread: names.get(`${e.pid}:${e.tid}`) ?? `${e.pid}:${e.tid}`, nodes: new Map(), self: new Map(), total: 0, clock: 0, busy: [] });
    const p = profiles.get(key);
    const data = e.args?.data;
    if (e.name === 'Profile') p.clock = data?.startTime ?? e.ts;
    for (const node of data?.cpuProfile?.nodes ?? []) p.nodes.set(node.id, node.callFrame);
    const samples = data?.cpuProfile?.samples ?? [];
    const deltas = data?.timeDeltas ?? [];
    for (let i = 0; i < samples.length; i++) {
      const frame = p.nodes.get(samples[i]);
      p.clock += deltas[i] ?? 0;
      const ms = (deltas[i + 1] ?? deltas[i] ?? 0) / 1000;
      if (frame && frame.functionName !== '(idle)' && frame.functionName !== '(program)') p.busy.push(p.clock / 1000);
      const label = frame ? `${frame.functionName || '(anonymous)'} ${String(frame.url ?? '').split('/').pop()}:${frame.lineNumber ?? ''}` : '?';
      p.self.set(label, (p.self.get(label) ?? 0) + ms);
      if (frame?.functionName !== '(idle)' && frame?.functionName !== '(program)') p.total += ms;
    }
  }
  return [...profiles.values()].filter((p) => p.total > 20).sort((a, b) => b.total - a.total);
}

const inline = { configFile: CONFIG_FILE, logLevel: 'warn', build: { outDir: resolve(import.meta.dirname, '../out/site-import'), emptyOutDir: true, minify: false } };
await build(inline);
const server = await preview({ ...inline, preview: { port: 0, host: '127.0.0.1' } });
const browser = await chromium.launch({ executablePath: findChromium(), args: ['--no-sandbox', '--js-flags=--expose-gc'] });
try {
  const page = await browser.newPage();
  await page.goto(`http://127.0.0.1:${server.httpServer.address().port}/import/`);
  await page.setInputFiles('#file', DATA_FILE);
  await page.evaluate((m) => window.runImportBench(1, [m]), METHOD); // warm-up: caches, file in memory
  await browser.startTracing(page, { categories: MARKS_ONLY ? ['blink.user_timing'] : CATEGORIES });
  const raw = await page.evaluate((m) => window.runImportBench(1, [m]), METHOD);
  const trace = JSON.parse((await browser.stopTracing()).toString());
  console.log(`${METHOD}: ${raw.reps.map((r) => `${r.durationMs.toFixed(0)} ms`).join(', ')} (traced, so slower than untraced)`);
  const events = trace.traceEvents ?? trace;
  const marks = events.filter((e) => e.cat?.includes('blink.user_timing') && e.name.startsWith('imp:'));
  if (marks.length > 0) console.log(`marks (ms after imp:start): ${marks.map((e) => `${e.name.slice(4)} ${((e.ts - marks[0].ts) / 1000).toFixed(0)}`).join(', ')}`);
  const profiles = summarizeProfiles(events);
  const origin = Math.min(...profiles.filter((p) => p.thread !== 'CrRendererMain').map((p) => p.busy[0] ?? Infinity));
  for (const p of profiles) {
    const top = [...p.self.entries()].filter(([label]) => !label.startsWith('(idle)')).sort((a, b) => b[1] - a[1]).slice(0, TOP);
    const span = p.busy.length > 0 ? `, first/last busy sample at ${(p.busy[0] - origin).toFixed(0)}/${(p.busy[p.busy.length - 1] - origin).toFixed(0)} ms` : '';
    console.log(`\n${p.thread}: ${p.total.toFixed(0)} ms busy${span}`);
    for (const [label, ms] of top) console.log(`  ${ms.toFixed(0).padStart(6)} ms  ${label}`);
  }
} finally {
  await browser.close();
  await server.close();
}
