// `node bench/trees/run.mjs [--rows N] [--only gbdt|forest]`: bundles entry.ts with Vite's SSR build, makes
// seeded 200,000 × 20 classification data (also written to bench/data/ as CSV), then fits our gradient boosting
// and random forest and, on the same CSV and split, scikit-learn's estimators; prints times, accuracies, ratios.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'vite';

const here = import.meta.dirname;
const args = process.argv.slice(2);
const option = (name, fallback) => (args.includes(name) ? args[args.indexOf(name) + 1] : fallback);
const ROWS = Number(option('--rows', 200_000));
const COLS = 20;
const SEED = 11;
const TRAIN_ROWS = Math.round(ROWS * 0.8);
const only = option('--only', 'all');

/** Each comparison: our params and sklearn's, equal by meaning. Early stopping off so both run all rounds. */
const PLAN = {
  gbdt: { kind: 'gradient_boosting', ours: { maxIter: 100, earlyStopping: 'off' }, sklearn: { max_iter: 100, early_stopping: false } },
  gbdtEarlyStopping: { kind: 'gradient_boosting', ours: { maxIter: 200, earlyStopping: 'on' }, sklearn: { max_iter: 200, early_stopping: true } },
  forest: { kind: 'random_forest', ours: { nEstimators: 100 }, sklearn: { n_estimators: 100 } },
};

async function main() {
  const outDir = resolve(here, '../out/trees');
  await build({
    configFile: false, logLevel: 'warn',
    build: { ssr: resolve(here, 'entry.ts'), outDir, emptyOutDir: true, target: 'node20', minify: false },
  });
  const bench = await import(pathToFileURL(resolve(outDir, 'entry.js')).href);
  const { X, y } = bench.generateData(ROWS, COLS, SEED);
  const csv = resolve(here, `../data/trees-${ROWS}x${COLS}-seed${SEED}.csv`);
  if (!existsSync(csv)) {
    mkdirSync(resolve(csv, '..'), { recursive: true });
    writeFileSync(csv, bench.formatCsv(X, y, COLS));
  }
  const chosen = Object.fromEntries(Object.entries(PLAN).filter(([name]) => only === 'all' || name.startsWith(only)));
  const ours = {};
  for (const [name, spec] of Object.entries(chosen)) ours[name] = await bench.timeFamily(spec.kind, X, y, COLS, TRAIN_ROWS, spec.ours);
  const sklearnPlan = Object.fromEntries(Object.entries(chosen).map(([name, spec]) => [name, { kind: spec.kind, sklearn: spec.sklearn }]));
  // sklearn twice: its default OpenMP threads (all cores) and one thread, as our fit runs on one.
  // (RandomForestClassifier(n_jobs=1) is single-threaded either way, so it runs once.)
  const runSklearn = (threads, plan) => JSON.parse(execFileSync('/usr/bin/python3', [resolve(here, 'sklearn_side.py'), csv, String(TRAIN_ROWS), JSON.stringify(plan)],
    { encoding: 'utf8', env: threads ? { ...process.env, OMP_NUM_THREADS: String(threads) } : process.env }));
  const allThreads = runSklearn(0, sklearnPlan);
  const boosting = Object.fromEntries(Object.entries(sklearnPlan).filter(([, spec]) => spec.kind === 'gradient_boosting'));
  const theirs = { allThreads, oneThread: { ...allThreads, ...(Object.keys(boosting).length > 0 ? runSklearn(1, boosting) : {}) } };
  console.log(`data: ${csv} (${ROWS} rows × ${COLS}, train ${TRAIN_ROWS}, test ${ROWS - TRAIN_ROWS}); node ${process.version}; ${os.cpus().length} cores, load ${os.loadavg()[0].toFixed(1)}`);
  console.log('case               ours ms  sk ms (all)  ratio  sk ms (1 thr)  ratio  ours acc  sk acc  ours rounds  sk rounds');
  for (const name of Object.keys(chosen)) {
    const a = ours[name], b = theirs.allThreads[name], c = theirs.oneThread[name];
    console.log([name.padEnd(18), a.fitMs.toFixed(0).padStart(7), b.fitMs.toFixed(0).padStart(11), (a.fitMs / b.fitMs).toFixed(2).padStart(5),
      c.fitMs.toFixed(0).padStart(13), (a.fitMs / c.fitMs).toFixed(2).padStart(5), a.accuracy.toFixed(4).padStart(8), b.accuracy.toFixed(4).padStart(6),
      String(a.info.rounds ?? a.info.trees ?? '').padStart(11), String(b.iterations || '').padStart(9)].join('  '));
  }
  writeFileSync(resolve(here, '../out/trees-results.json'), JSON.stringify({ date: new Date().toISOString(), rows: ROWS, cols: COLS, loadAverage: os.loadavg(), ours, sklearn: theirs }, (k, v) => (k === 'info' ? undefined : v), 2) + '\n');
}

await main();
