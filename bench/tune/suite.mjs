// The `tune` bench suite: trials per minute of one search with one training worker against the full pool, in
// headless Chromium on the built app. A seeded 50,000 × 10 table (the training bench's generator), Problem
// (churned) and Split, then a Tune cell: random search of gradient boosting (the proposals do not depend on which
// trial finishes first, so both runs train the same configurations) of 100 rounds and 31 leaves without early
// stopping (trials of about one cost, so the last one does not leave a worker idle), validation objective,
// TUNE_BENCH_TRIALS trials.
// One worker = navigator.hardwareConcurrency reported as 1 (the pool sizes itself from it); the pool = the
// machine's. Each side runs TUNE_BENCH_REPEATS times, alternating, in fresh contexts. Target: pool ÷ one ≥ 1.6
// on 2 cores.
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { resolve } from 'node:path';
import { serveApp } from '../lib/serve-app.mjs';
import { formatTrainingCsv } from '../lib/generate-training-csv.mjs';
import { addProblemAndSplit, createNotebook, importCsv } from '../training/drive-studio.mjs';

const ROWS = Number(process.env.TUNE_BENCH_ROWS ?? 50_000);
const TRIALS = Number(process.env.TUNE_BENCH_TRIALS ?? 12);
const REPEATS = Number(process.env.TUNE_BENCH_REPEATS ?? 2);
const SEED = 11;
const DATA_FILE = resolve(import.meta.dirname, `../data/training-${ROWS}x10-seed${SEED}.csv`);

export const TARGETS = { poolOverOneMin: 1.6 };

export async function run(site) {
  mkdirSync(resolve(DATA_FILE, '..'), { recursive: true });
  writeFileSync(DATA_FILE, formatTrainingCsv({ rows: ROWS, seed: SEED }));
  const app = await serveApp();
  try {
    const one = [];
    const pool = [];
    for (let r = 0; r < REPEATS; r++) {
      one.push(await runSearch(site, app, 1));
      pool.push(await runSearch(site, app, null));
    }
    return { rows: ROWS, trials: TRIALS, repeats: REPEATS, cpus: os.cpus().length, targets: TARGETS, one, pool };
  } finally {
    await app.close();
  }
}

/** One search in a fresh context (its own database) with `workers` reported cores (null: the machine's); trials per minute. */
async function runSearch(site, app, workers) {
  const context = await site.browser.newContext();
  if (workers !== null) await context.addInitScript((n) => Object.defineProperty(navigator, 'hardwareConcurrency', { get: () => n }), workers);
  const page = await context.newPage();
  page.on('pageerror', (error) => console.log(`  [page error] ${error.message}`));
  try {
    const data = await createNotebook(page, app.baseUrl);
    await importCsv(data, DATA_FILE);
    await addProblemAndSplit(page, 'churned');
    const cells = page.getByTestId('cell');
    const before = await cells.count();
    await page.getByRole('button', { name: '+ Add cell' }).last().click();
    await page.getByRole('button', { name: /^Tune\b/ }).click();
    const tune = cells.nth(before);
    await tune.getByTestId('tune-strategy').selectOption('random');
    // Every trial runs its rounds (no early stop): trials long enough that the pool's overhead is not what is measured.
    await tune.getByRole('combobox', { name: 'earlyStopping value' }).selectOption('off');
    // Rounds and leaves fixed, so trials cost about the same: the comparison measures parallelism, not one long last trial.
    for (const [name, value] of [['maxIter', '100'], ['maxLeafNodes', '31']]) {
      await tune.getByRole('combobox', { name: `How to search ${name}` }).selectOption('fixed');
      const box = tune.getByRole('textbox', { name: `${name} value` });
      await box.fill(value);
      await box.press('Tab');
    }
    await tune.getByTestId('tune-objective').selectOption('validation');
    await tune.getByTestId('tune-trials').fill(String(TRIALS));
    await tune.getByTestId('tune-trials').press('Tab');
    // The page sets plotly up when it idles (once per page, in slices): wait for it, so it does not share the cores with the search.
    await page.waitForFunction(() => 'Plotly' in window, null, { timeout: 120_000 });
    const poolSize = await page.evaluate(() => Math.max(1, Math.min(4, Math.floor(navigator.hardwareConcurrency ?? 1))));
    const started = Date.now();
    await tune.getByTestId('tune-run').click();
    await tune.getByTestId('tune-summary').waitFor({ timeout: 30 * 60_000 });
    const wallMs = Date.now() - started;
    const rows = await tune.getByTestId('tune-trial-row').count();
    return { workers: poolSize, wallMs, trials: rows, trialsPerMinute: rows / (wallMs / 60_000) };
  } finally {
    await context.close();
  }
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

export function describe(result) {
  const line = (name, runs) => `${name.padEnd(12)} workers ${runs[0].workers}  trials/min ${runs.map((r) => r.trialsPerMinute.toFixed(1)).join(', ')} (median ${median(runs.map((r) => r.trialsPerMinute)).toFixed(1)}), wall ${runs.map((r) => `${(r.wallMs / 1000).toFixed(1)} s`).join(', ')}`;
  const ratio = median(result.pool.map((r) => r.trialsPerMinute)) / median(result.one.map((r) => r.trialsPerMinute));
  const ok = ratio >= result.targets.poolOverOneMin;
  return [
    `-- random search of gradient boosting, ${result.trials} trials, table ${result.rows} × 10, ${result.cpus} CPUs, ${result.repeats} runs each (alternating)`,
    line('one worker', result.one),
    line('full pool', result.pool),
    `pool ÷ one worker: ${ratio.toFixed(2)}× (target ≥ ${result.targets.poolOverOneMin}×) ${ok ? 'ok' : 'MISSED'}`,
  ].join('\n');
}
