// The `profile` bench suite (Node side): makes the seeded 1,000,000 × 20 mixed CSV, imports it in the app's
// compute worker, profiles the table in a compute worker (with a target), and compares the two times.
import { resolve } from 'node:path';
import { generateMixedCsv } from './generate-mixed-csv.mjs';
import { makeRatio } from '../lib/ratios.mjs';
import { findPeak, sampleRendererMemory } from '../lib/sample-process-memory.mjs';

const ROWS = Number(process.env.PROFILE_BENCH_ROWS ?? 1_000_000);
const DATA_FILE = resolve(import.meta.dirname, `../data/profile-mixed-${ROWS}x20-seed7.csv`);
const TARGET = 'label';

export const TARGETS = { profileOverImportMax: 0.8, longestTaskMsMax: 100 };

/** Runs the suite in the bench site; returns the raw numbers plus the ratio. */
export async function run(site) {
  const fileBytes = await generateMixedCsv(DATA_FILE, { rows: ROWS, seed: 7 });
  console.log(`input: ${DATA_FILE} (${(fileBytes / 1e6).toFixed(1)} MB)`);
  const page = await site.browser.newPage();
  page.on('console', (msg) => console.log(`  [page] ${msg.text()}`));
  try {
    await page.goto(`${site.baseUrl}/profile/`);
    await page.setInputFiles('#file', DATA_FILE);
    const sampler = sampleRendererMemory();
    const raw = await page.evaluate((target) => window.runProfileBench(target), TARGET).finally(() => sampler.stop());
    const { available, samples } = sampler.stop(); // idempotent: the samples until the page returned
    // Renderer = the page and every worker (import, profile, their nested range/part workers).
    const memory = available ? {
      import: findPeak(samples, raw.import.startEpochMs, raw.import.endEpochMs),
      profile: findPeak(samples, raw.profile.startEpochMs, raw.profile.endEpochMs),
      both: findPeak(samples, raw.import.startEpochMs, raw.profile.endEpochMs),
    } : null;
    return {
      file: { path: DATA_FILE, bytes: raw.fileBytes }, targets: TARGETS, target: TARGET, ...raw, memory,
      ratio: raw.profile.durationMs / raw.import.durationMs,
      longestTaskMs: Math.max(raw.import.longestTaskMs, raw.profile.longestTaskMs),
      longTaskCount: raw.import.longTaskCount + raw.profile.longTaskCount,
      openLongestTaskMs: raw.open.longestTaskMs,
    };
  } finally {
    await page.close();
  }
}

const fmt = (value, digits = 1) => (value === null || value === undefined ? 'n/a' : value.toFixed(digits));
const verdict = (ok) => (ok ? 'ok' : 'MISSED');
const mib = (bytes) => (bytes === null || bytes === undefined ? 'n/a' : `${(bytes / 2 ** 20).toFixed(0)} MiB`);

/** The printed table: one line per number, with its target and whether it was met. */
export function describe(result) {
  const { targets } = result;
  const rows = [
    [`table`, `${result.rows} × ${result.columns}`, '', ''],
    ['importFile in worker', `${fmt(result.import.durationMs / 1000, 2)} s`, '', ''],
    [`profileTable in worker (target "${result.target}")`, `${fmt(result.profile.durationMs / 1000, 2)} s`, '', ''],
    ['  (inside the worker, profile.durationMs)', `${fmt(result.profile.coreDurationMs / 1000, 2)} s`, '', ''],
    ['  (before it, not in the ratio: openDataset)', `${fmt(result.open.durationMs / 1000, 2)} s`, '', ''],
    ['profile / import', fmt(result.ratio, 2), `≤ ${targets.profileOverImportMax}`, verdict(result.ratio <= targets.profileOverImportMax)],
    ['longest main-thread task (import + profile)', `${fmt(result.longestTaskMs, 0)} ms`, `≤ ${targets.longestTaskMsMax} ms`, verdict(result.longestTaskMs <= targets.longestTaskMsMax)],
    ['  (tasks over 50 ms: import / profile)', `${result.import.longTaskCount} / ${result.profile.longTaskCount}`, '0', ''],
    ['  (longest heartbeat gap: import / profile)', `${fmt(result.import.maxHeartbeatGapMs, 0)} / ${fmt(result.profile.maxHeartbeatGapMs, 0)} ms`, '', ''],
    ['table typed arrays', mib(result.typedArrayBytes), '', ''],
    ['renderer peak RSS: import / profile', `${mib(result.memory?.import.peakBytes)} / ${mib(result.memory?.profile.peakBytes)}`, 'stated', ''],
    ['  rise during: import / profile', `${mib(result.memory?.import.riseBytes)} / ${mib(result.memory?.profile.riseBytes)}`, '', ''],
    ['  page JS heap peak: import / profile', `${mib(result.import.peakPageHeapBytes)} / ${mib(result.profile.peakPageHeapBytes)}`, '', ''],
  ];
  return rows.map(([label, value, target, ok]) => `${label.padEnd(46)} ${value.padStart(14)}  ${target.padEnd(10)} ${ok}`).join('\n');
}

/** The suite's ratios in the bench-wide shape (bench/README.md): times are ours ÷ reference. */
export function ratios(result) {
  const { targets } = result;
  const seconds = (ms) => `${fmt(ms / 1000, 2)} s`;
  const rise = result.memory?.both.riseBytes ?? null;
  return [
    { what: `profile of ${result.rows} × ${result.columns} vs the import of the same CSV (time, ours ÷ reference)`,
      ours: seconds(result.profile.durationMs), reference: seconds(result.import.durationMs), ratio: result.ratio,
      target: `≤ ${targets.profileOverImportMax}`, met: result.ratio <= targets.profileOverImportMax },
    { what: 'responsiveness during import + profile: tasks over 50 ms on the main thread (longest task beside it)',
      ours: `${result.longTaskCount} (longest ${fmt(result.longestTaskMs, 0)} ms)`, reference: '—', ratio: null,
      target: '0 over 50 ms', met: result.longTaskCount === 0 },
    { what: `memory: renderer RSS rise (page + all workers, above the idle page) during the ${result.rows}-row import and profile ÷ the table's typed arrays (stated)`,
      ours: `${mib(rise)} (peak ${mib(result.memory?.both.peakBytes)})`, reference: mib(result.typedArrayBytes),
      ratio: rise ? rise / result.typedArrayBytes : null,
      target: 'stated', met: null },
  ].map(makeRatio);
}
