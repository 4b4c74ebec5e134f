// The `profile` bench suite (Node side): makes the seeded 1,000,000 × 20 mixed CSV, imports it in the app's
// compute worker, profiles the table in a compute worker (with a target), and compares the two times.
import { resolve } from 'node:path';
import { generateMixedCsv } from './generate-mixed-csv.mjs';

const ROWS = Number(process.env.PROFILE_BENCH_ROWS ?? 1_000_000);
const DATA_FILE = resolve(import.meta.dirname, `../data/profile-mixed-${ROWS}x20-seed7.csv`);
const TARGET = 'label';

export const TARGETS = { profileOverImportMax: 1, longestTaskMsMax: 100 };

/** Runs the suite in the bench site; returns the raw numbers plus the ratio. */
export async function run(site) {
  const fileBytes = await generateMixedCsv(DATA_FILE, { rows: ROWS, seed: 7 });
  console.log(`input: ${DATA_FILE} (${(fileBytes / 1e6).toFixed(1)} MB)`);
  const page = await site.browser.newPage();
  page.on('console', (msg) => console.log(`  [page] ${msg.text()}`));
  try {
    await page.goto(`${site.baseUrl}/profile/`);
    await page.setInputFiles('#file', DATA_FILE);
    const raw = await page.evaluate((target) => window.runProfileBench(target), TARGET);
    return {
      file: { path: DATA_FILE, bytes: raw.fileBytes }, targets: TARGETS, target: TARGET, ...raw,
      ratio: raw.profile.durationMs / raw.import.durationMs,
      longestTaskMs: Math.max(raw.import.longestTaskMs, raw.profile.longestTaskMs),
    };
  } finally {
    await page.close();
  }
}

const fmt = (value, digits = 1) => (value === null || value === undefined ? 'n/a' : value.toFixed(digits));
const verdict = (ok) => (ok ? 'ok' : 'MISSED');

/** The printed table: one line per number, with its target and whether it was met. */
export function describe(result) {
  const { targets } = result;
  const rows = [
    [`table`, `${result.rows} × ${result.columns}`, '', ''],
    ['importFile in worker', `${fmt(result.import.durationMs / 1000, 2)} s`, '', ''],
    [`profileTable in worker (target "${result.target}")`, `${fmt(result.profile.durationMs / 1000, 2)} s`, '', ''],
    ['  (inside the worker, profile.durationMs)', `${fmt(result.profile.coreDurationMs / 1000, 2)} s`, '', ''],
    ['profile / import', fmt(result.ratio, 2), `≤ ${targets.profileOverImportMax}`, verdict(result.ratio <= targets.profileOverImportMax)],
    ['longest main-thread task (import + profile)', `${fmt(result.longestTaskMs, 0)} ms`, `≤ ${targets.longestTaskMsMax} ms`, verdict(result.longestTaskMs <= targets.longestTaskMsMax)],
    ['  (longest heartbeat gap: import / profile)', `${fmt(result.import.maxHeartbeatGapMs, 0)} / ${fmt(result.profile.maxHeartbeatGapMs, 0)} ms`, '', ''],
  ];
  return rows.map(([label, value, target, ok]) => `${label.padEnd(46)} ${value.padStart(14)}  ${target.padEnd(10)} ${ok}`).join('\n');
}
