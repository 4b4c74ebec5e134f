// `node [--cpu-prof --cpu-prof-dir DIR] bench/trees/forest-profile.mjs [--rows N] [--trees T] [--repeat K]
//   [--bundle DIR ...] [--sklearn] [--no-build]`: fits only our random forest on the trees benchmark's data (same
// generator, seed 11 and 80/20 split as run.mjs) and prints fit times (wall clock, and CPU time: ours fit + predict
// with GC threads, sklearn's fit only — CPU time moves less with other jobs on a shared machine) and accuracies.
// Defaults: 50,000 rows, 10 trees (full size: --rows 200000 --trees 100). Each `--bundle DIR` adds an
// already built entry.js (e.g. a copy of bench/out/trees-forest-profile/ made before a change) as another side;
// with --sklearn, RandomForestClassifier(n_jobs=1) is a side too. Sides alternate within each repeat, so load
// hits them alike; with --cpu-prof, `node bench/trees/summarize-profile.mjs DIR/*.cpuprofile` gives the split.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'vite';

const here = import.meta.dirname;
const args = process.argv.slice(2);
const option = (name, fallback) => (args.includes(name) ? args[args.indexOf(name) + 1] : fallback);
const ROWS = Number(option('--rows', 50_000));
const TREES = Number(option('--trees', 10));
const REPEAT = Number(option('--repeat', 1));
const COLS = 20;
const SEED = 11;
const trainRows = Math.round(ROWS * 0.8);
const outDir = resolve(here, '../out/trees-forest-profile');
const bundles = args.flatMap((arg, i) => (args[i - 1] === '--bundle' ? [resolve(arg)] : []));

if (!args.includes('--no-build')) {
  await build({
    configFile: false, logLevel: 'warn',
    build: { ssr: resolve(here, 'entry.ts'), outDir, emptyOutDir: true, target: 'node20', minify: false },
  });
}
const current = await import(pathToFileURL(resolve(outDir, 'entry.js')).href);
const sides = [{ name: 'ours', bench: current }];
for (const dir of bundles) sides.push({ name: dir.split('/').pop(), bench: await import(pathToFileURL(resolve(dir, 'entry.js')).href) });
const { X, y } = current.generateData(ROWS, COLS, SEED);
const csv = resolve(here, `../data/trees-${ROWS}x${COLS}-seed${SEED}.csv`);
if (args.includes('--sklearn') && !existsSync(csv)) {
  mkdirSync(resolve(csv, '..'), { recursive: true });
  writeFileSync(csv, current.formatCsv(X, y, COLS));
}
// As sklearn_side.py's forest case, plus the fit's CPU time (process_time), comparable with ours under load.
const SKLEARN = `
import json, sys, time
import numpy as np, pandas as pd
from sklearn.ensemble import RandomForestClassifier
df = pd.read_csv(sys.argv[1]); n = int(sys.argv[2])
X = df.drop(columns=["y"]).values; y = df["y"].values
model = RandomForestClassifier(n_estimators=int(sys.argv[3]), random_state=0, n_jobs=1)
wall, cpu = time.perf_counter(), time.process_time()
model.fit(X[:n], y[:n])
wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
print(json.dumps({"fitMs": wall * 1000, "cpuMs": cpu * 1000, "accuracy": float(np.mean(model.predict(X[n:]) == y[n:]))}))
`;
const runSklearn = () => JSON.parse(execFileSync('/usr/bin/python3', ['-c', SKLEARN, csv, String(trainRows), String(TREES)], { encoding: 'utf8' }));

console.log(`${ROWS} rows × ${COLS} (train ${trainRows}), ${TREES} trees; node ${process.version}; load ${os.loadavg().map((l) => l.toFixed(1)).join(' ')}`);
for (let r = 0; r < REPEAT; r++) {
  for (const side of sides) {
    const cpu = process.cpuUsage();
    const result = await side.bench.timeFamily('random_forest', X, y, COLS, trainRows, { nEstimators: TREES });
    const used = process.cpuUsage(cpu); // fit and predict: CPU time moves less with other jobs than wall-clock time
    const cpuMs = (used.user + used.system) / 1000;
    console.log(`${side.name.padEnd(24)} fit ${result.fitMs.toFixed(0).padStart(7)} ms (cpu ${cpuMs.toFixed(0)} ms), accuracy ${result.accuracy.toFixed(4)}, load ${os.loadavg()[0].toFixed(1)}`);
  }
  if (args.includes('--sklearn')) {
    const result = runSklearn();
    console.log(`${'sklearn n_jobs=1'.padEnd(24)} fit ${result.fitMs.toFixed(0).padStart(7)} ms (cpu ${result.cpuMs.toFixed(0)} ms), accuracy ${result.accuracy.toFixed(4)}, load ${os.loadavg()[0].toFixed(1)}`);
  }
}
