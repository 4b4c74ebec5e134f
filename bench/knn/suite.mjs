// The `knn` bench suite (Node only, the Chromium site is not used): our kNN classifier's predict against
// scikit-learn's KNeighborsClassifier(algorithm='auto') on the same seeded rows, at matching parallelism: ours on
// one thread vs n_jobs=1 (OpenMP/BLAS threads 1), ours on KNN_BENCH_THREADS threads (default: every core) vs
// n_jobs=-1 (no thread limit), all four alternating, medians and their ratios, with the load average before and
// after each case; and how soon a stop ends our prediction (predictInBlocks on the threads, stopped 1 s in).
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'vite';
import { formatMs, makeRatio } from '../lib/ratios.mjs';

const here = import.meta.dirname;
const PYTHON = '/usr/bin/python3';
const TRAIN_ROWS = 160_000;
const QUERIES = Number(process.env.KNN_BENCH_QUERIES ?? 40_000);
const REPEATS = Number(process.env.KNN_BENCH_REPEATS ?? 3);
const COLS = (process.env.KNN_BENCH_COLS ?? '8,50').split(',').map(Number);
const K = 5;
const SEED = 7;
const STOP_AFTER_MS = 1000;
const THREADS = Number(process.env.KNN_BENCH_THREADS ?? os.cpus().length);

export const TARGETS = { oursOverSklearnMax: 2, stopMsMax: 100 };

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

/** One sklearn predict in a fresh process: n_jobs=1 with OMP and BLAS on one thread, or n_jobs=-1 with no limit. */
function runSklearn(file, rows, cols, nJobs) {
  const env = { ...process.env };
  if (nJobs === 1) Object.assign(env, { OMP_NUM_THREADS: '1', OPENBLAS_NUM_THREADS: '1', MKL_NUM_THREADS: '1' });
  else for (const name of ['OMP_NUM_THREADS', 'OPENBLAS_NUM_THREADS', 'MKL_NUM_THREADS']) delete env[name];
  const args = [resolve(here, 'sklearn_side.py'), file, String(rows), String(cols), String(TRAIN_ROWS), String(K), String(nJobs)];
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

const countDiffering = (a, b) => Array.from(a, (p, i) => (String(p) === String(b[i]) ? 0 : 1)).reduce((x, y) => x + y, 0);

/** Alternates ours on 1 thread, sklearn n_jobs=1, ours on THREADS threads, sklearn n_jobs=-1, REPEATS times. */
async function runCase(bench, cols, sklearnProblem) {
  const rows = TRAIN_ROWS + QUERIES;
  const { X, y } = bench.generateData(rows, cols, SEED);
  const file = resolve(here, `../data/knn-${rows}x${cols}-seed${SEED}.f64`);
  writeData(file, X, y);
  const loadBefore = os.loadavg()[0];
  const runs = { ours1: [], oursN: [], sklearn1: [], sklearnN: [] };
  const threadStartMs = THREADS > 1 ? await bench.startQueryThreads(THREADS) : null;
  if (threadStartMs !== null) console.log(`  ${cols} features: ${THREADS - 1} helper thread(s) loaded in ${threadStartMs.toFixed(0)} ms (not timed)`);
  const log = (name, run) => console.log(`  ${cols} features: ${name} ${run.predictMs.toFixed(0)} ms (${run.search}, fit ${run.fitMs.toFixed(0)} ms)`);
  for (let r = 0; r < REPEATS; r++) {
    runs.ours1.push(await bench.timePredict(X, y, cols, TRAIN_ROWS, K, 1));
    log('ours, 1 thread', runs.ours1.at(-1));
    if (!sklearnProblem) log('sklearn n_jobs=1', (runs.sklearn1.push(runSklearn(file, rows, cols, 1)), runs.sklearn1.at(-1)));
    if (THREADS > 1) log(`ours, ${THREADS} threads`, (runs.oursN.push(await bench.timePredict(X, y, cols, TRAIN_ROWS, K, THREADS)), runs.oursN.at(-1)));
    if (!sklearnProblem && THREADS > 1) log('sklearn n_jobs=-1', (runs.sklearnN.push(runSklearn(file, rows, cols, -1)), runs.sklearnN.at(-1)));
  }
  const stopMs = await bench.timeStop(X, y, cols, TRAIN_ROWS, K, STOP_AFTER_MS, REPEATS, THREADS);
  console.log(`  ${cols} features: stop on ${THREADS} threads → AbortError ${stopMs.map((ms) => ms.toFixed(0)).join(', ')} ms after it was due`);
  bench.stopQueryThreads();
  const summarize = (list) => (list.length === 0 ? null : { predictMs: list.map((r) => r.predictMs), fitMs: list.map((r) => r.fitMs), search: list[0].search, medianMs: median(list.map((r) => r.predictMs)), ...(list[0].version ? { version: list[0].version } : {}) });
  const ours1 = runs.ours1[0].predictions;
  return {
    cols, trainRows: TRAIN_ROWS, queries: QUERIES, k: K, threads: THREADS, threadStartMs, loadBefore, loadAfter: os.loadavg()[0],
    ours: summarize(runs.ours1), oursThreads: summarize(runs.oursN),
    sklearn: sklearnProblem ? { skipped: sklearnProblem } : summarize(runs.sklearn1), sklearnAllCores: summarize(runs.sklearnN),
    mismatches: sklearnProblem ? null : countDiffering(ours1, runs.sklearn1[0].predictions),
    threadMismatches: runs.oursN.length === 0 ? null : runs.oursN.map((run) => countDiffering(ours1, run.predictions)).reduce((a, b) => a + b, 0),
    stopMs,
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

/** The printed table: per case, medians of ours and sklearn's predict at 1 and N threads, ratios, search, speed-up. */
export function describe(result) {
  const header = `${'case'.padEnd(26)} ${'ours 1 th'.padStart(10)} ${'sk n_jobs=1'.padStart(12)} ${'ratio'.padStart(8)} ${'ours N th'.padStart(10)} ${'sk n_jobs=-1'.padStart(13)} ${'ratio'.padStart(8)} ${'1→N'.padStart(6)}  search (ours / sklearn)   differing (sk, N th)  stop ms (max)  load`;
  const ratioText = (ours, theirs) => (ours && theirs ? `${(ours / theirs).toFixed(2)}${ours / theirs <= result.targets.oursOverSklearnMax ? ' ok' : ' MISSED'}` : 'n/a');
  const lines = result.cases.map((c) => {
    const sk1 = c.sklearn?.medianMs;
    const skN = c.sklearnAllCores?.medianMs;
    const oursN = c.oursThreads?.medianMs;
    const speedUp = oursN ? (c.ours.medianMs / oursN).toFixed(2) : 'n/a';
    return `${`${c.trainRows} × ${c.cols}, ${c.queries} q`.padEnd(26)} ${c.ours.medianMs.toFixed(0).padStart(10)} ${(sk1 ? sk1.toFixed(0) : 'n/a').padStart(12)} ${ratioText(c.ours.medianMs, sk1).padStart(8)} ${(oursN ? oursN.toFixed(0) : 'n/a').padStart(10)} ${(skN ? skN.toFixed(0) : 'n/a').padStart(13)} ${ratioText(oursN, skN).padStart(8)} ${speedUp.padStart(6)}  ${`${c.ours.search} / ${c.sklearn?.search ?? '-'}`.padEnd(24)} ${`${c.mismatches ?? 'n/a'}, ${c.threadMismatches ?? 'n/a'}`.padStart(20)}  ${stopVerdict(c.stopMs, result.targets.stopMsMax).padStart(13)}  ${c.loadBefore.toFixed(1)}→${c.loadAfter.toFixed(1)}`;
  });
  const skipped = result.cases.find((c) => c.sklearn?.skipped);
  const notes = [`medians of ${result.repeats} alternating runs, k = 5, N = ${result.cases[0]?.threads} threads; sklearn n_jobs=1 with OMP/BLAS threads = 1, n_jobs=-1 unlimited; differing: labels vs sklearn, and N-thread labels vs 1-thread; stop: ms from a stop due 1 s into predictInBlocks on N threads to its AbortError; ${result.uptime}`,
    ...(skipped ? [`scikit-learn MISSING — sklearn side skipped: ${skipped.sklearn.skipped}`] : [])];
  return [header, ...lines, ...notes].join('\n');
}

/** One ratio per case and parallelism (bench/README.md, "Ratios"): our predict time ÷ sklearn's. */
export function ratios(result) {
  return result.cases.flatMap((c) => [
    [c.ours, c.sklearn, '1 thread vs n_jobs=1'],
    [c.oursThreads, c.sklearnAllCores, `${c.threads} threads vs n_jobs=-1`],
  ].filter(([ours]) => ours).map(([ours, theirs, at]) => makeRatio({
    what: `kNN predict ${c.trainRows / 1000}k × ${c.cols} features, ${c.queries / 1000}k queries, ${at} (${ours.search})`,
    ours: formatMs(ours.medianMs), reference: theirs?.medianMs ? formatMs(theirs.medianMs) : '—',
    ratio: theirs?.medianMs ? ours.medianMs / theirs.medianMs : null, target: '≤ 2',
  })));
}
