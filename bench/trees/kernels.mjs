// `node bench/trees/kernels.mjs [--rows 160000] [--cols 20] [--share 0.25]`: times the tree-growing loops one
// by one, WebAssembly against JavaScript, alternating in one process so that machine load hits both alike:
// sorting one feature's values (ns per value), logistic gradients (ns per row), root and child histograms (ns per row·feature), histogram subtraction
// (ns per bin), leaf values added to raw scores and row partition (ns per row).
import os from 'node:os';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'vite';

const here = import.meta.dirname;
const args = process.argv.slice(2);
const option = (name, fallback) => (args.includes(name) ? args[args.indexOf(name) + 1] : fallback);
const N = Number(option('--rows', 160_000));
const COLS = Number(option('--cols', 20));
const SHARE = Number(option('--share', 0.25));
const outDir = resolve(here, '../out/trees-kernels');
const gbdt = resolve(here, '../../src/core/models/trees/gbdt');
await build({
  configFile: false, logLevel: 'warn',
  build: {
    ssr: true, outDir, emptyOutDir: true, target: 'node20', minify: false,
    rollupOptions: { input: { 'grow-heap': resolve(gbdt, 'grow-heap.ts'), 'sort-values': resolve(gbdt, 'sort-values.ts') } },
  },
});
const { createGrowHeap } = await import(pathToFileURL(resolve(outDir, 'grow-heap.js')).href);
const { createSorter } = await import(pathToFileURL(resolve(outDir, 'sort-values.js')).href);

let seed = 7;
const random = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
const SPREAD = Number(option('--spread', 255));
const binned = Uint8Array.from({ length: N * COLS }, () => Math.floor(random() * SPREAD));
const heaps = { wasm: createGrowHeap(binned, N, COLS, 'wasm'), js: createGrowHeap(binned, N, COLS, 'js') };
// A child: a sorted random SHARE of the rows at the front of the partition.
const childRows = Uint32Array.from({ length: N }, (_, i) => i).filter(() => random() < SHARE);
for (const heap of Object.values(heaps)) {
  for (let i = 0; i < 2 * N; i++) heap.gradHess[i] = random() - 0.5;
  heap.rows.set(childRows);
}
const hist = Object.fromEntries(Object.entries(heaps).map(([kind, heap]) => [kind, heap.acquireHistogram()]));
const other = Object.fromEntries(Object.entries(heaps).map(([kind, heap]) => [kind, heap.acquireHistogram()]));
const goesLeft = Uint8Array.from({ length: 256 }, (_, b) => (b < 128 ? 1 : 0));
const rawScores = Float64Array.from({ length: N }, () => (random() - 0.5) * 8);
const targets = Float64Array.from({ length: N }, () => (random() < 0.5 ? 1 : 0));
/** The JavaScript form of the logistic gradients (boosting-loss.ts, then copied interleaved as loadGradients). */
function computeLogisticGradients(gradHess) {
  for (let i = 0; i < N; i++) {
    const p = 1 / (1 + Math.exp(-rawScores[i]));
    gradHess[2 * i] = p - targets[i];
    gradHess[2 * i + 1] = p * (1 - p);
  }
}
const sorters = { wasm: createSorter(N, 'wasm'), js: createSorter(N, 'js') };
const unsorted = Float64Array.from({ length: N }, () => Math.round((random() - 0.5) * 4e4) / 1e4);
const cases = {
  sort: { units: N, run: (heap) => sorters[heap.kind](unsorted.slice()) },
  gradients: { units: N, run: (heap) => heap.loadLogisticGradients(rawScores, targets) || computeLogisticGradients(heap.gradHess) },
  root: { units: N * COLS, run: (heap) => heap.buildRoot(hist[heap.kind]) },
  child: { units: childRows.length * COLS, run: (heap) => heap.buildChild(hist[heap.kind], 0, childRows.length) },
  // Per bin of one histogram (the subtraction trick), repeated 100 times.
  subtract: { units: 100 * COLS * 256, run: (heap) => { for (let r = 0; r < 100; r++) heap.subtract(hist[heap.kind], other[heap.kind]); } },
  // The child's rows as one leaf whose value is added to the raw scores.
  addLeaf: { units: childRows.length, run: (heap) => heap.addLeafValues(rawScores, [{ start: 0, end: childRows.length, value: 1e-9 }]) },
  // Partition the child by feature 3 and undo it (restore the sorted rows) so every repeat sees the same input.
  partition: { units: childRows.length, run: (heap) => { heap.partition(3, goesLeft, 0, childRows.length); heap.rows.set(childRows); } },
};
const best = {};
for (let repeat = 0; repeat < 7; repeat++) {
  for (const [name, spec] of Object.entries(cases)) {
    for (const [kind, heap] of Object.entries(heaps)) {
      const started = performance.now();
      spec.run(heap);
      const ns = ((performance.now() - started) * 1e6) / spec.units;
      best[`${name} ${kind}`] = Math.min(best[`${name} ${kind}`] ?? Infinity, ns);
    }
  }
}
console.log(`${N} rows × ${COLS}, child share ${SHARE}; node ${process.version}; load ${os.loadavg()[0].toFixed(1)} (best of 7, ns per unit)`);
for (const [name, ns] of Object.entries(best)) console.log(`${name.padEnd(16)} ${ns.toFixed(2)}`);
