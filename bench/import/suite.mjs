// The `import` bench suite (Node side): makes the ~100 MB seeded CSV, hands it to the bench page as a File,
// runs papaparse, the studio importer and DuckDB-WASM's read_csv 3× alternating while sampling the renderer's
// memory, and summarises against the targets in bench/README.md.
import { resolve } from 'node:path';
import { generateCsv } from '../lib/generate-csv.mjs';
import { makeRatio } from '../lib/ratios.mjs';
import { findPeak, sampleRendererMemory } from '../lib/sample-process-memory.mjs';

// IMPORT_BENCH_MB (default 100) and IMPORT_BENCH_REPS (default 3) make a smaller run for a quick check.
const SIZE_MB = Number(process.env.IMPORT_BENCH_MB ?? 100);
const DATA_FILE = resolve(import.meta.dirname, `../data/import-${SIZE_MB}mb-seed42.csv`);
const REPS = Number(process.env.IMPORT_BENCH_REPS ?? 3);

export const TARGETS = { speedRatioMin: 1.5, duckdbRatioMin: 1, longestTaskMsMax: 100, storedRatioMax: 1.5, storedPerTypedMax: 1.2 };

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/**
 * Median throughput (MB/s, 1 MB = 10^6 bytes), the worst main-thread stall, and memory over the reps of one method:
 * the renderer's peak resident bytes during a rep above the lowest sample from 1 s before it (page + all workers), the largest
 * over the reps, and the page's peak JS heap (`performance.memory`, main thread only).
 */
export function summarizeMethod(reps, fileBytes, samples = []) {
  if (reps.length === 0) return null;
  const peaks = reps.map((r) => findPeak(samples, r.startEpochMs, r.endEpochMs));
  const rises = peaks.map((p) => p.riseBytes).filter((bytes) => bytes !== null);
  const pageHeaps = reps.map((r) => r.peakPageHeapBytes).filter((bytes) => bytes !== null && bytes !== undefined);
  return {
    mbPerSecond: fileBytes / 1e6 / (median(reps.map((r) => r.durationMs)) / 1000),
    rows: reps[0].rows,
    longestTaskMs: Math.max(...reps.map((r) => r.longestTaskMs)),
    longTaskCount: reps.reduce((sum, r) => sum + (r.longTaskCount ?? 0), 0),
    maxHeartbeatGapMs: Math.max(...reps.map((r) => r.maxHeartbeatGapMs)),
    peakRendererRssBytes: peaks.some((p) => p.peakBytes !== null) ? Math.max(...peaks.map((p) => p.peakBytes ?? 0)) : null,
    peakRendererRiseBytes: rises.length > 0 ? Math.max(...rises) : null,
    peakPageHeapBytes: pageHeaps.length > 0 ? Math.max(...pageHeaps) : null,
  };
}

/** Runs the suite in the bench site; returns the raw reps plus the summary. */
export async function run(site) {
  const fileBytes = await generateCsv(DATA_FILE, { targetBytes: SIZE_MB * 1e6, seed: 42 });
  console.log(`input: ${DATA_FILE} (${(fileBytes / 1e6).toFixed(1)} MB)`);
  const page = await site.browser.newPage();
  page.on('console', (msg) => console.log(`  [page] ${msg.text()}`));
  try {
    await page.goto(`${site.baseUrl}/import/`);
    await page.setInputFiles('#file', DATA_FILE);
    const sampler = sampleRendererMemory();
    const raw = await page.evaluate((reps) => window.runImportBench(reps), REPS).finally(() => sampler.stop());
    const memory = sampler.stop(); // stop() is idempotent: the samples taken until the page returned
    const summarize = (method) => summarizeMethod(raw.reps.filter((r) => r.method === method), raw.fileBytes, memory.samples);
    const [papaparse, importer, duckdb] = ['papaparse', 'importer', 'duckdb'].map(summarize);
    const storage = raw.storage?.available ? {
      ...raw.storage,
      metaRatio: raw.storage.metaStoredBytes / raw.storage.tableBytes,
      diskRatio: raw.storage.usageDeltaBytes / raw.storage.tableBytes,
      diskBytesPerCell: raw.storage.usageDeltaBytes / raw.storage.cellCount,
      typedBytesPerCell: raw.storage.typedArrayBytes / raw.storage.cellCount,
    } : raw.storage;
    return {
      file: { path: DATA_FILE, bytes: raw.fileBytes }, targets: TARGETS, importerAvailable: raw.importer,
      papaparse, importer, speedRatio: importer && papaparse ? importer.mbPerSecond / papaparse.mbPerSecond : null,
      duckdbAvailable: raw.duckdb, duckdb, duckdbRatio: importer && duckdb ? importer.mbPerSecond / duckdb.mbPerSecond : null,
      memorySampled: memory.available, storage, reps: raw.reps,
    };
  } finally {
    await page.close();
  }
}

const fmt = (value, digits = 1) => (value === null || value === undefined ? 'n/a' : value.toFixed(digits));
const verdict = (ok) => (ok === null ? '' : ok ? 'ok' : 'MISSED');

const mib = (bytes) => (bytes === null || bytes === undefined ? 'n/a' : `${(bytes / 2 ** 20).toFixed(0)} MiB`);

/** The printed table: one line per number, with its target and whether it was met. */
export function describe(result) {
  const { papaparse, importer, duckdb, speedRatio, duckdbRatio, storage, targets } = result;
  const rows = [
    ['papaparse in worker (strings only)', `${fmt(papaparse?.mbPerSecond)} MB/s`, '', ''],
    ['studio importFile in worker', importer ? `${fmt(importer.mbPerSecond)} MB/s` : 'n/a', '', ''],
    ['DuckDB-WASM read_csv_auto → table', duckdb ? `${fmt(duckdb.mbPerSecond)} MB/s` : 'n/a', '', ''],
    ['  (DuckDB table: rows × columns)', duckdb ? `${duckdb.rows} × ${result.duckdbAvailable.columns}` : 'n/a', '', ''],
    ['importer / papaparse (MB/s)', fmt(speedRatio, 2), `≥ ${targets.speedRatioMin}`,
      verdict(speedRatio === null ? null : speedRatio >= targets.speedRatioMin)],
    ['importer / DuckDB-WASM (MB/s)', fmt(duckdbRatio, 2), `≥ ${targets.duckdbRatioMin}`,
      verdict(duckdbRatio === null ? null : duckdbRatio >= targets.duckdbRatioMin)],
    ['longest main-thread task during import', importer ? `${fmt(importer.longestTaskMs, 0)} ms` : 'n/a',
      `≤ ${targets.longestTaskMsMax} ms`, verdict(importer ? importer.longestTaskMs <= targets.longestTaskMsMax : null)],
    ['  (tasks over 50 ms, all importer reps)', importer ? String(importer.longTaskCount) : 'n/a', '0', ''],
    ['  (longest heartbeat gap)', importer ? `${fmt(importer.maxHeartbeatGapMs, 0)} ms` : 'n/a', '', ''],
    ['renderer peak RSS rise: importer', mib(importer?.peakRendererRiseBytes), 'stated', ''],
    ['  papaparse / DuckDB-WASM', `${mib(papaparse?.peakRendererRiseBytes)} / ${mib(duckdb?.peakRendererRiseBytes)}`, '', ''],
    ['  page JS heap peak (importer)', mib(importer?.peakPageHeapBytes), '', ''],
    ['  table typed arrays', storage?.available ? mib(storage.typedArrayBytes) : 'n/a', '', ''],
    ['stored on disk / table size', storage?.available ? fmt(storage.diskRatio, 2) : 'n/a', `≤ ${targets.storedPerTypedMax}`,
      verdict(storage?.available ? storage.diskRatio <= targets.storedPerTypedMax : null)],
    ['  (stored bytes per cell; typed)', storage?.available ? `${fmt(storage.diskBytesPerCell, 2)}; ${fmt(storage.typedBytesPerCell, 2)}` : 'n/a', '', ''],
    ['  (meta.storedBytes / table size)', storage?.available ? fmt(storage.metaRatio, 2) : 'n/a', '', ''],
    ['  (saveDataset time)', storage?.available ? `${fmt(storage.saveMs, 0)} ms` : 'n/a', '', ''],
  ];
  const lines = rows.map(([label, value, target, ok]) => `${label.padEnd(42)} ${value.padStart(12)}  ${target.padEnd(10)} ${ok}`);
  if (!result.importerAvailable.available) lines.push(`importer not measured: ${result.importerAvailable.reason}`);
  if (!result.duckdbAvailable?.available) lines.push(`DuckDB-WASM not measured: ${result.duckdbAvailable?.reason}`);
  return lines.join('\n');
}

/** The suite's ratios in the bench-wide shape (bench/README.md): throughput ratios are ours ÷ reference in MB/s. */
export function ratios(result) {
  const { papaparse, importer, duckdb, speedRatio, duckdbRatio, storage, targets } = result;
  const mbs = (summary) => (summary ? `${fmt(summary.mbPerSecond)} MB/s` : 'not measured');
  const atLeast = (ratio, min) => (ratio === null || ratio === undefined ? null : ratio >= min);
  return [
    { what: 'CSV import 100 MB: importFile vs papaparse in a worker (MB/s, ours ÷ reference)', ours: mbs(importer),
      reference: mbs(papaparse), ratio: speedRatio, target: `≥ ${targets.speedRatioMin}`, met: atLeast(speedRatio, targets.speedRatioMin) },
    { what: 'CSV import 100 MB: importFile vs DuckDB-WASM read_csv_auto into a table (MB/s, ours ÷ reference)', ours: mbs(importer),
      reference: duckdb ? mbs(duckdb) : `not measured: ${result.duckdbAvailable?.reason ?? 'unknown'}`, ratio: duckdbRatio,
      target: `≥ ${targets.duckdbRatioMin}`, met: atLeast(duckdbRatio, targets.duckdbRatioMin) },
    { what: 'responsiveness during import: tasks over 50 ms on the main thread (longest task beside it)',
      ours: importer ? `${importer.longTaskCount} (longest ${fmt(importer.longestTaskMs, 0)} ms)` : 'not measured', reference: '—',
      ratio: null, target: '0 over 50 ms', met: importer ? importer.longTaskCount === 0 : null },
    { what: 'memory: renderer peak RSS rise during the 100 MB import ÷ the table\'s typed arrays (stated)',
      ours: mib(importer?.peakRendererRiseBytes), reference: storage?.available ? mib(storage.typedArrayBytes) : 'n/a',
      ratio: importer?.peakRendererRiseBytes && storage?.typedArrayBytes ? importer.peakRendererRiseBytes / storage.typedArrayBytes : null,
      target: 'stated', met: null },
    { what: 'memory: bytes stored per cell ÷ typed-array bytes per cell (disk)',
      ours: storage?.available ? `${fmt(storage.diskBytesPerCell, 2)} B/cell` : 'not measured',
      reference: storage?.available ? `${fmt(storage.typedBytesPerCell, 2)} B/cell` : 'n/a',
      ratio: storage?.available ? storage.diskRatio : null, target: `≤ ${targets.storedPerTypedMax}`,
      met: storage?.available ? storage.diskRatio <= targets.storedPerTypedMax : null },
  ].map(makeRatio);
}
