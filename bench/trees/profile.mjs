// `node [--cpu-prof --cpu-prof-dir DIR] bench/trees/profile.mjs [--rows N] [--rounds R] [--repeat K] [--threads 1,2] [--early-stopping] [--no-build]`:
// fits only our gradient boosting on the trees benchmark's data (same generator, seed and split as run.mjs) and
// prints fit times; with --cpu-prof, `node bench/trees/summarize-profile.mjs DIR/*.cpuprofile` gives the split.
// --threads takes one count or a list: each repeat fits once per count, alternating, so load hits all alike.
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
const THREADS = String(option('--threads', '1')).split(',').map(Number);
const COLS = 20;
const outDir = resolve(here, '../out/trees-profile');

if (!args.includes('--no-build')) {
  await build({
    configFile: false, logLevel: 'warn',
    build: {
      ssr: true, outDir, emptyOutDir: true, target: 'node20', minify: false, copyPublicDir: false,
      // One build, two entries: the thread pool and the fit share one copy of core (setHistogramThreads).
      rollupOptions: { input: { entry: resolve(here, 'entry.ts'), threads: resolve(here, '../../src/cli/node-histogram-threads.ts') } },
    },
  });
}
const bench = await import(pathToFileURL(resolve(outDir, 'entry.js')).href);
const { useNodeHistogramThreads } = await import(pathToFileURL(resolve(outDir, 'threads.js')).href);
const { X, y } = bench.generateData(ROWS, COLS, 11);
const trainRows = Math.round(ROWS * 0.8);
// One pool per count for the whole run: its helpers start during its first fit (~tens of ms), then idle.
for (let r = 0; r < REPEAT; r++) {
  for (const threads of THREADS) {
    useNodeHistogramThreads(threads);
    // CPU time of every thread of the process (fit + scoring): with helpers, more CPU for less wall time.
    const cpu = process.cpuUsage();
    const result = await bench.timeFamily('gradient_boosting', X, y, COLS, trainRows, { maxIter: ROUNDS, earlyStopping: args.includes('--early-stopping') ? 'on' : 'off' });
    const { user, system } = process.cpuUsage(cpu);
    console.log(`threads ${threads}: fit ${result.fitMs.toFixed(0)} ms (cpu ${((user + system) / 1000).toFixed(0)} ms), accuracy ${result.accuracy.toFixed(4)}, load ${os.loadavg()[0].toFixed(1)}`);
  }
}
