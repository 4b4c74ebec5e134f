// The `neural` bench suite (Node side): trains the MLP 10→64→64→2 on 20,000 seeded rows (batch 256, 20 epochs)
// in a worker per backend, with tfjs' model.fit and with the studio's lean loop, and sklearn's MLPClassifier on
// the same rows via /usr/bin/python3; accuracy on 5,000 held-out rows.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { generateNeuralData } from './generate-data.mjs';
import { formatMs, makeRatio } from '../lib/ratios.mjs';

const TRAIN_ROWS = 20_000;
const TEST_ROWS = 5_000;
const COLS = 10;
const EPOCHS = Number(process.env.NEURAL_BENCH_EPOCHS ?? 20);
const BATCH = 256;
const CAP_MS = Number(process.env.NEURAL_BENCH_CAP_MS ?? 60_000);
const DATA_FILE = resolve(import.meta.dirname, `../data/neural-${TRAIN_ROWS + TEST_ROWS}x${COLS}-seed5.json`);
const BACKENDS = (process.env.NEURAL_BENCH_BACKENDS ?? 'wasm,webgl,webgpu,cpu').split(',');

export const TARGETS = { oursOverSklearnMax: 1 };

function runSklearn() {
  const python = '/usr/bin/python3';
  if (!existsSync(python)) return { skipped: 'no /usr/bin/python3' };
  try {
    return JSON.parse(execFileSync(python, [resolve(import.meta.dirname, 'sklearn_mlp.py'), DATA_FILE], { encoding: 'utf8' }).trim().split('\n').at(-1));
  } catch (error) {
    return { skipped: `sklearn failed or is missing: ${String(error.message).split('\n')[0]}` };
  }
}

/** Runs the suite in the bench site; returns every run plus sklearn's. */
export async function run(site) {
  const data = generateNeuralData({ rows: TRAIN_ROWS + TEST_ROWS, cols: COLS, seed: 5 });
  mkdirSync(resolve(DATA_FILE, '..'), { recursive: true });
  writeFileSync(DATA_FILE, JSON.stringify({ ...data, cols: COLS, trainRows: TRAIN_ROWS, epochs: EPOCHS }));
  // sklearn before and after the page's runs (the machine's load drifts): the faster of the two is the reference.
  const sklearnBefore = runSklearn();
  console.log(`sklearn: ${JSON.stringify(sklearnBefore)}`);
  // On the CPU backends the lean loop runs the kernel engine; 'lean-tfjs' is the same loop on tfjs ops (the path before it).
  const onCpu = (backend) => backend === 'wasm' || backend === 'cpu';
  const runs = [{ backend: 'auto', loop: 'lean' }, ...BACKENDS.flatMap((backend) => [{ backend, loop: 'fit' }, { backend, loop: 'lean' }, ...(onCpu(backend) ? [{ backend, loop: 'lean-tfjs' }] : [])])];
  const page = await site.browser.newPage();
  page.on('console', (msg) => console.log(`  [page] ${msg.text()}`));
  try {
    await page.goto(`${site.baseUrl}/neural/`);
    const results = await page.evaluate((input) => window.runNeuralBench(input), { ...data, trainRows: TRAIN_ROWS, cols: COLS, epochs: EPOCHS, batchSize: BATCH, capMs: CAP_MS, runs });
    const sklearnAfter = runSklearn();
    console.log(`sklearn: ${JSON.stringify(sklearnAfter)}`);
    const sklearn = sklearnBefore.skipped || sklearnAfter.skipped ? sklearnBefore : { ...[sklearnBefore, sklearnAfter].sort((a, b) => a.seconds - b.seconds)[0], runsSeconds: [sklearnBefore.seconds, sklearnAfter.seconds] };
    return { shape: `${COLS}→64→64→2`, trainRows: TRAIN_ROWS, testRows: TEST_ROWS, epochs: EPOCHS, batchSize: BATCH, capMs: CAP_MS, targets: TARGETS, sklearn, runs: results };
  } finally {
    await page.close();
  }
}

const fmt = (value, digits = 2) => (value === null || value === undefined ? 'n/a' : value.toFixed(digits));

/** The printed table: one line per (backend, loop), seconds, ms/step, accuracy and the ratio to sklearn. */
export function describe(result) {
  const sk = result.sklearn.seconds;
  const header = `${'backend'.padEnd(16)} ${'loop'.padEnd(9)} ${'seconds'.padStart(9)} ${'ms/step'.padStart(8)} ${'accuracy'.padStart(9)} ${'÷ sklearn'.padStart(10)}  note`;
  const lines = result.runs.map((r) => {
    const ratio = sk && r.seconds ? r.seconds / sk : undefined;
    const verdict = r.loop === 'lean' && ratio !== undefined ? (ratio <= result.targets.oursOverSklearnMax ? ' ok' : ' MISSED') : '';
    return `${r.backend.padEnd(16)} ${r.loop.padEnd(9)} ${fmt(r.seconds).padStart(9)} ${fmt(r.msPerStep).padStart(8)} ${fmt(r.accuracy, 4).padStart(9)} ${(ratio ? fmt(ratio) + verdict : '').padStart(10)}  ${r.status === 'done' ? '' : r.status + ': '}${r.note ?? ''}`;
  });
  const skLine = result.sklearn.skipped
    ? `sklearn: skipped (${result.sklearn.skipped})`
    : `${'sklearn MLPClassifier'.padEnd(26)} ${fmt(sk).padStart(9)} ${''.padStart(8)} ${fmt(result.sklearn.accuracy, 4).padStart(9)}  (sklearn ${result.sklearn.sklearn}, ${result.sklearn.epochs} epochs${result.sklearn.runsSeconds ? `; faster of runs before and after: ${result.sklearn.runsSeconds.map((v) => fmt(v)).join(' s, ')} s` : ''})`;
  return [`MLP ${result.shape}, ${result.trainRows} rows, batch ${result.batchSize}, ${result.epochs} epochs; accuracy on ${result.testRows} held-out rows; target lean ÷ sklearn ≤ ${result.targets.oursOverSklearnMax}`, header, ...lines, skLine].join('\n');
}

/** Ratio rows (bench/README.md, "Ratios"): the lean loop on the automatic backend ÷ sklearn's fit time (issue 18: ≤ 1). */
export function ratios(result) {
  const auto = result.runs.find((r) => r.backend.startsWith('auto') && r.loop === 'lean');
  const sk = result.sklearn.seconds;
  const what = `neural network ${result.shape}, ${result.trainRows} rows, ${result.epochs} epochs: time, lean loop (${auto?.backend ?? 'auto'} backend) vs sklearn MLPClassifier`;
  const ours = auto?.seconds ? `${formatMs(auto.seconds * 1000)}, acc ${auto.accuracy?.toFixed(4)}` : `not measured${auto?.status ? `: ${auto.status}` : ''}`;
  const reference = sk ? `${formatMs(sk * 1000)}, acc ${result.sklearn.accuracy?.toFixed(4)}` : `not measured: ${result.sklearn.skipped ?? 'no time'}`;
  return [makeRatio({ what, ours, reference, ratio: auto?.seconds && sk ? auto.seconds / sk : null, target: '≤ 1' })];
}
