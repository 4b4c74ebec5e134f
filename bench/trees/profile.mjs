// `node [--cpu-prof --cpu-prof-dir DIR] bench/trees/profile.mjs [--rows N] [--rounds R] [--repeat K] [--early-stopping] [--no-build]`:
// fits only our gradient boosting on the trees benchmark's data (same generator, seed and split as run.mjs) and
// prints fit times; with --cpu-prof, `node bench/trees/summarize-profile.mjs DIR/*.cpuprofile` gives the split.
import os from 'node:os';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'vite';

const here = import.meta.dirname;
const args = process.argv.slice(2);
const option = (name, fallback) => (args.includes(name) ? args[args.indexOf(name) + 1] : fallback);
const ROWS = Number(option('--rows', 200_000));
const ROUNDS = Number(option('--rounds', 100));
const REPEAT = Number(option('--repeat', 1));
const COLS = 20;
const outDir = resolve(here, '../out/trees-profile');

if (!args.includes('--no-build')) {
  await build({
    configFile: false, logLevel: 'warn',
    build: { ssr: resolve(here, 'entry.ts'), outDir, emptyOutDir: true, target: 'node20', minify: false },
  });
}
const bench = await import(pathToFileURL(resolve(outDir, 'entry.js')).href);
const { X, y } = bench.generateData(ROWS, COLS, 11);
const trainRows = Math.round(ROWS * 0.8);
for (let r = 0; r < REPEAT; r++) {
  const result = await bench.timeFamily('gradient_boosting', X, y, COLS, trainRows, { maxIter: ROUNDS, earlyStopping: args.includes('--early-stopping') ? 'on' : 'off' });
  console.log(`fit ${result.fitMs.toFixed(0)} ms, accuracy ${result.accuracy.toFixed(4)}, load ${os.loadavg()[0].toFixed(1)}`);
}
