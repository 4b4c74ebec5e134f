// The `reopen` bench suite (Node side): builds the app (vite build → bench/out/app), and in headless Chromium
// imports a seeded 1,000,000 × 10 mixed table into a new notebook, adds Problem and Split (run), waits for the
// save, then reloads the notebook — twice — recording every main-thread long task from the load's time origin
// until the Data cell's summary and the Split cell's restored summary show. Target: no task over 50 ms.
// REOPEN_BENCH_TRACE=1 adds a Chromium trace of each reload: each long task's wall and CPU time.
import { mkdirSync, writeFileSync, existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { serveApp } from '../lib/serve-app.mjs';
import { formatTrainingCsv } from '../lib/generate-training-csv.mjs';
import { launchBenchBrowser } from '../lib/site.mjs';
import { addProblemAndSplit, createNotebook, importCsv } from '../training/drive-studio.mjs';
import { traceMainThread } from '../training/trace-main-thread.mjs';
import { installMainThreadWatch, readPageClock, summarizePhase } from '../training/watch-main-thread.mjs';

const ROWS = Number(process.env.REOPEN_BENCH_ROWS ?? 1_000_000);
const SEED = 11;
const RELOADS = 2;
const APP_DIR = resolve(import.meta.dirname, '../out/app');
const DATA_FILE = resolve(import.meta.dirname, `../data/training-${ROWS}x10-seed${SEED}.csv`);
const LONG_MS = 30 * 60_000;

export const usesSite = false;
export const TARGETS = { reopenLongestTaskMsMax: 50 };

export async function run() {
  mkdirSync(resolve(DATA_FILE, '..'), { recursive: true });
  if (!existsSync(DATA_FILE)) writeFileSync(DATA_FILE, formatTrainingCsv({ rows: ROWS, seed: SEED }));
  const browser = await launchBenchBrowser();
  const app = await serveApp();
  try {
    const context = await browser.newContext();
    await context.addInitScript(installMainThreadWatch);
    const page = await context.newPage();
    page.on('pageerror', (error) => console.log(`  [page error] ${error.message}`));
    const data = await createNotebook(page, app.baseUrl);
    const importFrom = await readPageClock(page);
    await importCsv(data, DATA_FILE);
    const imported = await summarizePhase(page, importFrom, await readPageClock(page));
    await addProblemAndSplit(page, 'churned');
    await page.waitForTimeout(1000);
    await page.getByTestId('save-status').filter({ hasText: 'Saved' }).waitFor();
    const reloads = [];
    for (let i = 0; i < RELOADS; i++) {
      const stopTrace = process.env.REOPEN_BENCH_TRACE === '1' ? await traceMainThread(browser, page, resolve(APP_DIR, '../reopen-trace.json')) : null;
      await page.reload();
      const cells = page.getByTestId('cell');
      await cells.first().getByTestId('dataset-summary').waitFor({ timeout: LONG_MS });
      await page.locator('[data-testid="cell"][data-kind="split"]').getByTestId('split-summary').waitFor({ timeout: LONG_MS });
      const phase = await summarizePhase(page, 0, await readPageClock(page));
      if (stopTrace) phase.trace = await stopTrace();
      reloads.push(phase);
    }
    await context.close();
    return { rows: ROWS, columns: 10, seed: SEED, targets: TARGETS, imported, reloads };
  } finally {
    await app.close();
    await browser.close();
  }
}

const fmt = (ms) => `${Math.round(ms)} ms`;

export function describe(result) {
  const lines = [`-- reopen a notebook on ${result.rows.toLocaleString('en-US')} × ${result.columns} rows (seed ${result.seed}): Data → Problem → Split`];
  lines.push(`${'phase'.padEnd(10)} ${'wall'.padStart(10)} ${'longest task'.padStart(13)} ${'> 50 ms'.padStart(8)} ${'> 200 ms'.padStart(9)} ${'longest rAF gap'.padStart(16)}`);
  const phases = [['import', result.imported], ...result.reloads.map((p, i) => [`reopen ${i + 1}`, p])];
  for (const [name, p] of phases) lines.push(`${name.padEnd(10)} ${fmt(p.durationMs).padStart(10)} ${fmt(p.longestTaskMs).padStart(13)} ${String(p.tasksOver50).padStart(8)} ${String(p.tasksOver200).padStart(9)} ${fmt(p.longestGapMs).padStart(16)}`);
  for (const [name, p] of phases.slice(1)) {
    lines.push(`${name} tasks [start, ms]: ${p.tasks.map(([s, d]) => `[${s}, ${d}]`).join(' ') || 'none'}`);
    if (p.trace) lines.push(`${name} traced (REOPEN_BENCH_TRACE=1), tasks over 50 ms as wall/CPU ms [inside]: ${p.trace.tasks.map((t) => `${t.wallMs}/${t.cpuMs} [${t.inside.join('; ')}]`).join(', ') || 'none'}`);
  }
  const longest = Math.max(...result.reloads.map((p) => p.longestTaskMs));
  lines.push(`longest task while reopening: ${fmt(longest)} (target ≤ ${result.targets.reopenLongestTaskMsMax} ms) ${longest <= result.targets.reopenLongestTaskMsMax ? 'ok' : 'MISSED'}`);
  return lines.join('\n');
}
