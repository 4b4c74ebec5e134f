// The `training` bench suite (Node side): builds the app itself (vite build → bench/out/app), and in headless
// Chromium imports a seeded 50,000 × 10 mixed table, adds Problem and Split, presses "Try all" and reloads
// the notebook, recording every main-thread long task per phase. Target: none over 200 ms during Try all.
import { writeFileSync, mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { serveApp } from '../lib/serve-app.mjs';
import { formatTrainingCsv } from '../lib/generate-training-csv.mjs';
import { addPrepare, addProblemAndSplit, addTrainCell, createNotebook, importCsv, reloadNotebook, tryAll } from './drive-studio.mjs';
import { traceMainThread } from './trace-main-thread.mjs';
import { installMainThreadWatch, readPageClock, summarizePhase } from './watch-main-thread.mjs';

const ROWS = Number(process.env.TRAINING_BENCH_ROWS ?? 50_000);
const SEED = 11;
const APP_DIR = resolve(import.meta.dirname, '../out/app');
const DATA_FILE = resolve(import.meta.dirname, `../data/training-${ROWS}x10-seed${SEED}.csv`);

export const TARGETS = { trainingLongestTaskMsMax: 200 };

/** Times `act` on the page's clock and summarizes the main thread over it. */
async function measure(page, act) {
  const fromMs = await readPageClock(page);
  const value = await act();
  return { value, phase: await summarizePhase(page, fromMs, await readPageClock(page)) };
}

/** Runs the suite: the notebook as specified, then (unless TRAINING_BENCH_PREPARE=0) with a Prepare cell. */
export async function run(site) {
  mkdirSync(resolve(DATA_FILE, '..'), { recursive: true });
  writeFileSync(DATA_FILE, formatTrainingCsv({ rows: ROWS, seed: SEED }));
  const app = await serveApp();
  try {
    const scenarios = { plain: await runScenario(site, app, false) };
    if (process.env.TRAINING_BENCH_PREPARE !== '0') scenarios.prepared = await runScenario(site, app, true);
    return { rows: ROWS, columns: 10, seed: SEED, targets: TARGETS, scenarios };
  } finally {
    await app.close();
  }
}

/** One pass in a fresh browser context (its own database): per-phase long tasks and the candidates' outcome. */
async function runScenario(site, app, withPrepare) {
  const context = await site.browser.newContext();
  await context.addInitScript(installMainThreadWatch);
  const page = await context.newPage();
  page.on('pageerror', (error) => console.log(`  [page error] ${error.message}`));
  try {
    const data = await createNotebook(page, app.baseUrl);
    const imported = await measure(page, () => importCsv(data, DATA_FILE));
    const split = await measure(page, () => addProblemAndSplit(page, 'churned'));
    if (withPrepare) await addPrepare(page);
    const train = await addTrainCell(page);
    const trace = () => (process.env.TRAINING_BENCH_TRACE === '1' ? traceMainThread(site.browser, page, resolve(APP_DIR, '../training-trace.json')) : null);
    const stopTrainingTrace = await trace();
    const training = await measure(page, () => tryAll(train));
    if (stopTrainingTrace) training.phase.trace = await stopTrainingTrace();
    const candidates = training.value;
    const stored = candidates.filter((c) => c.status === 'done' || c.status === 'stopped').length;
    await page.waitForTimeout(1000); // autosave and the last run's storage
    await page.getByTestId('save-status').filter({ hasText: 'Saved' }).waitFor();
    // A reload starts a new page clock: the phase runs from its time origin.
    const stopReloadTrace = await trace();
    const reloadRows = await reloadNotebook(page, stored);
    const reload = await summarizePhase(page, 0, await readPageClock(page));
    if (stopReloadTrace) reload.trace = await stopReloadTrace();
    return { candidates, reloadRows, phases: { import: imported.phase, split: split.phase, training: training.phase, reload } };
  } finally {
    await context.close();
  }
}

const fmt = (ms) => `${Math.round(ms)} ms`;

const TITLES = { plain: 'Data → Problem → Split → Try all', prepared: 'Data → Problem → Split → Prepare (impute, one-hot) → Try all' };

/** The printed tables: per scenario and phase, wall time, longest task, counts over 50 and 200 ms, longest heartbeat gap. */
export function describe(result) {
  return Object.entries(result.scenarios)
    .map(([name, scenario]) => [`-- ${TITLES[name]}, table ${result.rows} × ${result.columns} (seed ${result.seed})`, describeScenario(scenario, result.targets)].join('\n'))
    .join('\n\n');
}

function describeScenario(result, targets) {
  const lines = [`"Try all": ${describeCandidates(result.candidates)}; leaderboard after reload: ${result.reloadRows} rows`];
  lines.push(`${'phase'.padEnd(10)} ${'wall'.padStart(10)} ${'longest task'.padStart(13)} ${'> 50 ms'.padStart(8)} ${'> 200 ms'.padStart(9)} ${'longest rAF gap'.padStart(16)}`);
  for (const [name, p] of Object.entries(result.phases)) {
    lines.push(`${name.padEnd(10)} ${fmt(p.durationMs).padStart(10)} ${fmt(p.longestTaskMs).padStart(13)} ${String(p.tasksOver50).padStart(8)} ${String(p.tasksOver200).padStart(9)} ${fmt(p.longestGapMs).padStart(16)}`);
  }
  for (const name of ['training', 'reload']) {
    const { trace } = result.phases[name];
    if (trace) lines.push(`traced ${name} (TRAINING_BENCH_TRACE=1), tasks over 50 ms as wall/CPU ms: ${trace.tasks.slice(0, 8).map((t) => `${t.wallMs}/${t.cpuMs}`).join(', ') || 'none'}; most CPU in one: ${fmt(trace.longestCpuMs)}`);
  }
  const longest = result.phases.training.longestTaskMs;
  const ok = longest <= targets.trainingLongestTaskMsMax;
  lines.push(`longest task during Try all: ${fmt(longest)} (target ≤ ${targets.trainingLongestTaskMsMax} ms) ${ok ? 'ok' : 'MISSED'}`);
  for (const c of result.candidates.filter((c) => c.error)) lines.push(`  ${c.family}: ${c.status} — ${c.error.slice(0, 140)}`);
  return lines.join('\n');
}

function describeCandidates(candidates) {
  const count = (status) => candidates.filter((c) => c.status === status).length;
  return `${candidates.length} candidates, ${count('done')} trained, ${count('stopped')} stopped, ${count('error')} failed`;
}
