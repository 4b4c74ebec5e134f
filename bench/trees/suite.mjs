// The `trees` bench suite (Node only): on seeded 200,000 × 20 binary data (first 80 % to train), our gradient
// boosting against scikit-learn's HistGradientBoostingClassifier and XGBoost `hist`, each with all cores and one
// thread, and our random forest (fitForestPart on 1 and on N worker threads, merged) against sklearn's
// RandomForestClassifier n_jobs=1 and -1; runs alternate ours / reference; medians, accuracies, load.
// `TREES_BENCH_ROWS`, `TREES_BENCH_ONLY` (gbdt | forest), `TREES_BENCH_REPEATS` (default 3; the forest, ~minutes a
// round here, uses `TREES_BENCH_FOREST_REPEATS`, default 1) change a run; `node bench/trees/run.mjs` runs it alone.
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'vite';
import { fitReference, findPythonProblem } from './reference.mjs';
import { fitForestOnWorkers, startForestWorkers } from './forest-threads.mjs';
import { describeTrees, listTreesRatios } from './trees-ratios.mjs';

export const usesSite = false;
const here = import.meta.dirname;
const COLS = 20;
const SEED = 11;
const TREES = 100;
/** Equal by meaning on every side: 100 rounds, 31 leaves, learning rate 0.1, 255 bins, no early stopping, no L2. */
const GBDT = {
  ours: { maxIter: 100, earlyStopping: 'off' },
  hist_gb: { max_iter: 100, early_stopping: false },
  xgboost: { tree_method: 'hist', n_estimators: 100, learning_rate: 0.1, max_depth: 0, grow_policy: 'lossguide', max_leaves: 31, max_bin: 256, reg_lambda: 0, min_child_weight: 1e-3 },
};

/** The run's size and repeats from TREES_BENCH_* (defaults: 200,000 rows, both models, 3 rounds, 1 forest round, every core). */
export function readTreesOptions(env = process.env) {
  return { rows: Number(env.TREES_BENCH_ROWS ?? 200_000), only: env.TREES_BENCH_ONLY ?? 'all', repeats: Number(env.TREES_BENCH_REPEATS ?? 3),
    forestRepeats: Number(env.TREES_BENCH_FOREST_REPEATS ?? 1), threads: Number(env.TREES_BENCH_THREADS ?? os.cpus().length) };
}

function checkOptions(options) {
  if (!['all', 'gbdt', 'forest'].includes(options.only)) throw new Error(`trees bench: only "${options.only}" is not a case; use gbdt, forest or all.`);
  for (const name of ['rows', 'repeats', 'forestRepeats', 'threads']) {
    if (!Number.isInteger(options[name]) || options[name] < 1) throw new Error(`trees bench: ${name} ${options[name]} is not a whole number ≥ 1; fix the flag or TREES_BENCH_* variable.`);
  }
}

/** Bundles `file` (Vite SSR) into bench/out/`folder` and imports it; `url`: the bundle's file URL (for workers). */
async function loadBundle(file, folder) {
  const outDir = resolve(here, '../out', folder);
  await build({ configFile: false, logLevel: 'warn', build: { ssr: resolve(here, file), outDir, emptyOutDir: true, target: 'node20', minify: false } });
  const url = pathToFileURL(resolve(outDir, file.replace(/\.ts$/, '.js'))).href;
  return { ...(await import(url)), url };
}

function writeData(file, X, y) {
  if (existsSync(file)) return;
  mkdirSync(resolve(file, '..'), { recursive: true });
  const all = new Float64Array(X.length + y.length);
  all.set(X);
  all.set(y, X.length);
  writeFileSync(file, new Uint8Array(all.buffer));
}

const load = () => Math.round(os.loadavg()[0] * 100) / 100;
const log = (text) => console.log(`  ${text} (load ${load()})`);

/**
 * GBDT-THREADS: gradient boosting with its histograms on N threads (helper "gbdt-threads",
 * src/cli/node-histogram-threads.ts), bundled apart: null with the reason when that way to fit is missing or
 * does not build (the suite then fits ours on one thread with entry.ts and reports N threads "not measured").
 */
async function loadThreadsBundle(threads) {
  if (threads < 2) return { bundle: null, reason: `${threads} core: nothing to spread over` };
  try {
    return { bundle: await loadBundle('gbdt-threads-entry.ts', 'trees-threads') };
  } catch (error) {
    return { bundle: null, reason: `no Node way to fit on N threads builds (${String(error.message).split('\n')[0]})` };
  }
}

/** Gradient boosting, `repeats` rounds of: ours (1 thread), sklearn all cores and 1, ours on N threads, XGBoost all cores and 1. */
async function runBoosting(bench, data, options, problems) {
  const { bundle, reason } = await loadThreadsBundle(options.threads);
  const fitOurs = (threads) => (bundle ? bundle.timeBoostingOnThreads(threads, data.X, data.y, COLS, data.trainRows, GBDT.ours)
    : bench.timeFamily('gradient_boosting', data.X, data.y, COLS, data.trainRows, GBDT.ours));
  const sides = { ours: [], histGbAll: [], histGbOne: [], oursThreads: [], xgboostAll: [], xgboostOne: [] };
  const plan = [['ours', 1], ['histGbAll', 'hist_gb', 'all', problems.sklearn], ['histGbOne', 'hist_gb', 1, problems.sklearn],
    ['oursThreads', options.threads], ['xgboostAll', 'xgboost', 'all', problems.xgboost], ['xgboostOne', 'xgboost', 1, problems.xgboost]];
  for (let r = 0; r < options.repeats; r++) {
    for (const [side, model, threads, problem] of plan) {
      if (side === 'oursThreads' && !bundle) continue;
      if (side.startsWith('ours')) {
        const fit = await fitOurs(model);
        sides[side].push({ ms: fit.fitMs, accuracy: fit.accuracy });
      } else if (!problem) {
        sides[side].push(toRun(fitReference(data, model, GBDT[model], threads)));
      } else continue;
      log(`gbdt run ${r + 1}: ${side} ${sides[side].at(-1).ms.toFixed(0)} ms, accuracy ${sides[side].at(-1).accuracy.toFixed(4)}`);
    }
  }
  const { oursThreads, ...rest } = sides;
  return { ...rest, threads: bundle ? { measured: true, threads: options.threads, one: sides.ours, all: oursThreads } : { measured: false, reason } };
}

/** Random forest: ours on 1 worker, sklearn n_jobs=1, ours on N workers, sklearn n_jobs=-1, `forestRepeats` times. */
async function runForest(bench, data, options, problems) {
  const params = { nEstimators: TREES };
  const job = bench.makeForestJob(data.X, data.y, COLS, data.trainRows, params);
  const pool = await startForestWorkers(options.threads, { entryUrl: bench.url, X: data.X, y: data.y, cols: COLS, trainRows: data.trainRows, params });
  const sides = { oursOne: [], sklearnOne: [], oursAll: [], sklearnAll: [] };
  try {
    for (let r = 0; r < options.forestRepeats; r++) {
      for (const [side, threads] of [['oursOne', 1], ['sklearnOne', 1], ['oursAll', options.threads], ['sklearnAll', 'all']]) {
        if (side.startsWith('ours')) sides[side].push(await fitForestOnWorkers(pool, threads, TREES, bench, job));
        else if (!problems.sklearn) sides[side].push(toRun(fitReference(data, 'random_forest', { n_estimators: TREES }, threads)));
        else continue;
        const last = sides[side].at(-1);
        const split = last.partsMs === undefined ? '' : ` (parts ${last.partMs.join(' / ')} ms, merge + scoring ${last.mergeMs.toFixed(0)} ms)`;
        log(`forest run ${r + 1}: ${side} ${last.ms.toFixed(0)} ms${split}, accuracy ${last.accuracy?.toFixed(4)}`);
      }
    }
  } finally {
    await pool.close();
  }
  return sides;
}

const toRun = (theirs) => ({ ms: theirs.fitMs, accuracy: theirs.accuracy, version: theirs.version });

/** Runs the suite; `site` is ignored. `options` default from the environment (readTreesOptions). */
export async function run(_site, options = readTreesOptions()) {
  checkOptions(options);
  const bench = await loadBundle('entry.ts', 'trees');
  const rows = options.rows;
  const trainRows = Math.round(rows * 0.8);
  const { X, y } = bench.generateData(rows, COLS, SEED);
  const file = resolve(here, `../data/trees-${rows}x${COLS}-seed${SEED}.f64`);
  writeData(file, X, y);
  const data = { X, y, file, rows, cols: COLS, trainRows };
  const problems = { sklearn: findPythonProblem('sklearn'), xgboost: findPythonProblem('xgboost') };
  for (const [name, problem] of Object.entries(problems)) if (problem) console.log(`  ${name} side skipped: ${problem}`);
  const loadBefore = load();
  const gbdt = options.only === 'forest' ? null : await runBoosting(bench, data, options, problems);
  const forest = options.only === 'gbdt' ? null : await runForest(bench, data, options, problems);
  return { rows, cols: COLS, trainRows, trees: TREES, threads: options.threads, repeats: options.repeats, forestRepeats: options.forestRepeats,
    params: GBDT, problems, loadBefore, loadAfter: load(), uptime: os.loadavg().map((v) => v.toFixed(2)).join(' '), gbdt, forest };
}

export const describe = describeTrees;
export const ratios = listTreesRatios;
