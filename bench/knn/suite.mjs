// The `knn` bench suite (Node only, the Chromium site is not used): our kNN classifier's predict against
// scikit-learn's KNeighborsClassifier(algorithm='auto', n_jobs=1) on the same seeded rows, alternating ours and
// sklearn's runs, medians and their ratio, with the load average before and after each case; and how soon a
// stop ends our prediction (predictInBlocks, stopped by a timer 1 s in).
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'vite';

const here = import.meta.dirname;
const PYTHON = '/usr/bin/python3';
const TRAIN_ROWS = 160_000;
const QUERIES = Number(process.env.KNN_BENCH_QUERIES ?? 40_000);
const REPEATS = Number(process.env.KNN_BENCH_REPEATS ?? 3);
const COLS = (process.env.KNN_BENCH_COLS ?? '8,50').split(',').map(Number);
const K = 5;
const SEED = 7;
const STOP_AFTER_MS = 1000;

export const TARGETS = { oursOverSklearnMax: 3, stopMsMax: 100 };

/** Does this suite need the bench site (Chromium)? */
export const usesSite = false;

async function loadEntry() {
  const outDir = resolve(here, '../out/knn');
  await build({ configFile: false, logLevel: 'warn', build: { ssr: resolve(here, 'entry.ts'), outDir, emptyOutDir: true, target: 'node20', minify: false } });
  return import(pathToFileURL(resolve(outDir, 'entry.js')).href);
}

/** Why sklearn cannot run here, or null when it can. */
function findSklearnProblem() {
  if (!existsSync(PYTHON)) return `${PYTHON} is missing`;
  try {
    execFileSync(PYTHON, ['-c', 'import sklearn, numpy'], { stdio: 'pipe' });
    return null;
  } catch (error) {
    return `scikit-learn or numpy is missing for ${PYTHON}: ${String(error.stderr ?? error.message).trim().split('\n').at(-1)}`;
  }
}

/** One sklearn predict in a fresh process; one thread (OMP and BLAS) as our predict runs on one. */
function runSklearn(file, rows, cols) {
  const env = { ...process.env, OMP_NUM_THREADS: '1', OPENBLAS_NUM_THREADS: '1', MKL_NUM_THREADS: '1' };
  const args = [resolve(here, 'sklearn_side.py'), file, String(rows), String(cols), String(TRAIN_ROWS), String(K)];
  return JSON.parse(execFileSync(PYTHON, args, { encoding: 'utf8', env, maxBuffer: 64 * 2 ** 20 }));
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor((values.length - 1) / 2)];

/** Writes rows × cols features then the labels as little-endian float64 (sklearn_side.py reads it). */
function writeData(file, X, y) {
  if (existsSync(file)) return;
  mkdirSync(resolve(file, '..'), { recursive: true });
  const bytes = new Float64Array(X.length + y.length);
  bytes.set(X);
  bytes.set(y, X.length);
  writeFileSync(file, new Uint8Array(bytes.buffer));
}

async function runCase(bench, cols, sklearnProblem) {
  const rows = TRAIN_ROWS + QUERIES;
  const { X, y } = bench.generateData(rows, cols, SEED);
  const file = resolve(here, `../data/knn-${rows}x${cols}-seed${SEED}.f64`);
  writeData(file, X, y);
  const loadBefore = os.loadavg()[0];
  const ours = [];
  const sklearn = [];
  for (let r = 0; r < REPEATS; r++) {
    const run = await bench.timePredict(X, y, cols, TRAIN_ROWS, K);
    ours.push(run);
    console.log(`  ${cols} features, run ${r + 1}: ours ${run.predictMs.toFixed(0)} ms (${run.search}, fit ${run.fitMs.toFixed(0)} ms)`);
    if (sklearnProblem) continue;
    const theirs = runSklearn(file, rows, cols);
    sklearn.push(theirs);
    console.log(`  ${cols} features, run ${r + 1}: sklearn ${theirs.predictMs.toFixed(0)} ms (${theirs.search}, fit ${theirs.fitMs.toFixed(0)} ms)`);
  }
  const stopMs = await bench.timeStop(X, y, cols, TRAIN_ROWS, K, STOP_AFTER_MS, REPEATS);
  console.log(`  ${cols} features: stop → AbortError ${stopMs.map((ms) => ms.toFixed(0)).join(', ')} ms after it was due`);
  const mismatches = sklearn.length === 0 ? null : Array.from(ours[0].predictions, (p, i) => (String(p) === sklearn[0].predictions[i] ? 0 : 1)).reduce((a, b) => a + b, 0);
  return {
    cols, trainRows: TRAIN_ROWS, queries: QUERIES, k: K, loadBefore, loadAfter: os.loadavg()[0],
    ours: { predictMs: ours.map((r) => r.predictMs), fitMs: ours.map((r) => r.fitMs), search: ours[0].search, medianMs: median(ours.map((r) => r.predictMs)) },
    sklearn: sklearn.length === 0 ? { skipped: sklearnProblem } : {
      predictMs: sklearn.map((r) => r.predictMs), fitMs: sklearn.map((r) => r.fitMs), search: sklearn[0].search, version: sklearn[0].version,
      medianMs: median(sklearn.map((r) => r.predictMs)),
    },
    mismatches, stopMs,
  };
}

/** Runs every case; `site` is ignored (the model runs in Node, the same V8 as Chromium's). */
export async function run() {
  const bench = await loadEntry();
  const sklearnProblem = findSklearnProblem();
  if (sklearnProblem) console.log(`  sklearn side skipped: ${sklearnProblem}`);
  const cases = [];
  for (const cols of COLS) cases.push(await runCase(bench, cols, sklearnProblem));
  return { repeats: REPEATS, targets: TARGETS, uptime: readUptime(), cases };
}

function readUptime() {
  try {
    return execFileSync('uptime', { encoding: 'utf8' }).trim();
  } catch {
    return `load ${os.loadavg().map((v) => v.toFixed(2)).join(' ')}`;
  }
}

function stopVerdict(stopMs, maxMs) {
  const worst = Math.max(...stopMs);
  return Number.isNaN(worst) ? 'finished first' : `${worst.toFixed(0)}${worst <= maxMs ? ' ok' : ' MISSED'}`;
}

/** The printed table: per case, medians of ours and sklearn's predict, their ratio and the search each used. */
export function describe(result) {
  const header = `${'case'.padEnd(26)} ${'ours ms'.padStart(9)} ${'sklearn ms'.padStart(11)} ${'ratio'.padStart(7)}  search (ours / sklearn)   differing labels  stop ms (max)  load`;
  const lines = result.cases.map((c) => {
    const sk = c.sklearn.medianMs;
    const ratio = sk ? c.ours.medianMs / sk : undefined;
    const verdict = ratio === undefined ? '' : ratio <= result.targets.oursOverSklearnMax ? ' ok' : ' MISSED';
    return `${`${c.trainRows} × ${c.cols}, ${c.queries} queries`.padEnd(26)} ${c.ours.medianMs.toFixed(0).padStart(9)} ${(sk ? sk.toFixed(0) : 'n/a').padStart(11)} ${(ratio ? ratio.toFixed(2) + verdict : 'n/a').padStart(7)}  ${`${c.ours.search} / ${c.sklearn.search ?? '-'}`.padEnd(24)} ${String(c.mismatches ?? 'n/a').padStart(16)}  ${stopVerdict(c.stopMs, result.targets.stopMsMax).padStart(13)}  ${c.loadBefore.toFixed(1)}→${c.loadAfter.toFixed(1)}`;
  });
  const skipped = result.cases.find((c) => c.sklearn.skipped);
  const notes = [`medians of ${result.repeats} alternating runs, k = 5; sklearn with OMP/BLAS threads = 1; stop: ms from a stop due 1 s into predictInBlocks to its AbortError; ${result.uptime}`,
    ...(skipped ? [`scikit-learn MISSING — sklearn side skipped: ${skipped.sklearn.skipped}`] : [])];
  return [header, ...lines, ...notes].join('\n');
}
