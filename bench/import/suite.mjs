// The `import` bench suite (Node side): makes the ~100 MB seeded CSV, hands it to the bench page as a File,
// runs papaparse vs the studio importer 3× alternating, and summarises against the targets in bench/README.md.
import { resolve } from 'node:path';
import { generateCsv } from '../lib/generate-csv.mjs';

const DATA_FILE = resolve(import.meta.dirname, '../data/import-100mb-seed42.csv');
const REPS = 3;

export const TARGETS = { speedRatioMin: 0.8, longestTaskMsMax: 100, storedRatioMax: 1.5 };

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** Median throughput (MB/s, 1 MB = 10^6 bytes) and the worst main-thread stall over the reps of one method. */
export function summarizeMethod(reps, fileBytes) {
  if (reps.length === 0) return null;
  return {
    mbPerSecond: fileBytes / 1e6 / (median(reps.map((r) => r.durationMs)) / 1000),
    rows: reps[0].rows,
    longestTaskMs: Math.max(...reps.map((r) => r.longestTaskMs)),
    maxHeartbeatGapMs: Math.max(...reps.map((r) => r.maxHeartbeatGapMs)),
  };
}

/** Runs the suite in the bench site; returns the raw reps plus the summary. */
export async function run(site) {
  const fileBytes = await generateCsv(DATA_FILE, { targetBytes: 100e6, seed: 42 });
  console.log(`input: ${DATA_FILE} (${(fileBytes / 1e6).toFixed(1)} MB)`);
  const page = await site.browser.newPage();
  page.on('console', (msg) => console.log(`  [page] ${msg.text()}`));
  try {
    await page.goto(`${site.baseUrl}/import/`);
    await page.setInputFiles('#file', DATA_FILE);
    const raw = await page.evaluate((reps) => window.runImportBench(reps), REPS);
    const papaparse = summarizeMethod(raw.reps.filter((r) => r.method === 'papaparse'), raw.fileBytes);
    const importer = summarizeMethod(raw.reps.filter((r) => r.method === 'importer'), raw.fileBytes);
    const storage = raw.storage?.available ? {
      ...raw.storage,
      metaRatio: raw.storage.metaStoredBytes / raw.storage.tableBytes,
      diskRatio: raw.storage.usageDeltaBytes / raw.storage.tableBytes,
    } : raw.storage;
    return {
      file: { path: DATA_FILE, bytes: raw.fileBytes }, targets: TARGETS, importerAvailable: raw.importer,
      papaparse, importer, speedRatio: importer && papaparse ? importer.mbPerSecond / papaparse.mbPerSecond : null,
      storage, reps: raw.reps,
    };
  } finally {
    await page.close();
  }
}

const fmt = (value, digits = 1) => (value === null || value === undefined ? 'n/a' : value.toFixed(digits));
const verdict = (ok) => (ok === null ? '' : ok ? 'ok' : 'MISSED');

/** The printed table: one line per number, with its target and whether it was met. */
export function describe(result) {
  const { papaparse, importer, speedRatio, storage, targets } = result;
  const rows = [
    ['papaparse in worker (strings only)', `${fmt(papaparse?.mbPerSecond)} MB/s`, '', ''],
    ['studio importFile in worker', importer ? `${fmt(importer.mbPerSecond)} MB/s` : 'n/a', '', ''],
    ['importer / papaparse', fmt(speedRatio, 2), `≥ ${targets.speedRatioMin}`,
      verdict(speedRatio === null ? null : speedRatio >= targets.speedRatioMin)],
    ['longest main-thread task during import', importer ? `${fmt(importer.longestTaskMs, 0)} ms` : 'n/a',
      `≤ ${targets.longestTaskMsMax} ms`, verdict(importer ? importer.longestTaskMs <= targets.longestTaskMsMax : null)],
    ['  (longest heartbeat gap)', importer ? `${fmt(importer.maxHeartbeatGapMs, 0)} ms` : 'n/a', '', ''],
    ['stored on disk / table size', storage?.available ? fmt(storage.diskRatio, 2) : 'n/a', `≤ ${targets.storedRatioMax}`,
      verdict(storage?.available ? storage.diskRatio <= targets.storedRatioMax : null)],
    ['  (meta.storedBytes / table size)', storage?.available ? fmt(storage.metaRatio, 2) : 'n/a', '', ''],
    ['  (saveDataset time)', storage?.available ? `${fmt(storage.saveMs, 0)} ms` : 'n/a', '', ''],
  ];
  const lines = rows.map(([label, value, target, ok]) => `${label.padEnd(42)} ${value.padStart(12)}  ${target.padEnd(10)} ${ok}`);
  if (!result.importerAvailable.available) lines.push(`importer not measured: ${result.importerAvailable.reason}`);
  return lines.join('\n');
}
