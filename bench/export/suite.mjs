// The `export` bench suite (Node only): batch scoring of one exported model — gradient boosting trained with
// automatic preparation on 20,000 rows of the seeded training table — over 500,000 rows of the same generator
// (another seed): score.mjs end to end (CSV in, CSV out, streamed) against ONNX Runtime on the bundle's model.onnx
// (one thread; CSV split and tensors built outside the timed inference). Runs alternate, medians and their ratio.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, statSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { formatTrainingCsv } from '../lib/generate-training-csv.mjs';
import { formatRate, makeRatio } from '../lib/ratios.mjs';

const here = import.meta.dirname;
const out = resolve(here, '../out/export');
const TRAIN_ROWS = 20_000;
const SCORE_ROWS = Number(process.env.EXPORT_BENCH_ROWS ?? 500_000);
const REPEATS = Number(process.env.EXPORT_BENCH_REPEATS ?? 3);
const BATCH = 10_000;

export const usesSite = false;

function writeOnce(path, make) {
  if (!existsSync(path)) writeFileSync(path, make());
  return path;
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

export async function run() {
  mkdirSync(out, { recursive: true });
  const trainCsv = writeOnce(resolve(out, `train-${TRAIN_ROWS}.csv`), () => formatTrainingCsv({ rows: TRAIN_ROWS, seed: 3 }));
  const scoreCsv = writeOnce(resolve(out, `score-${SCORE_ROWS}.csv`), () => formatTrainingCsv({ rows: SCORE_ROWS, seed: 4 }));
  const bundle = resolve(out, 'bundle');
  const made = JSON.parse(execFileSync(process.execPath, [resolve(here, '../../node_modules/tsx/dist/cli.mjs'), resolve(here, 'make-bundle.ts'), trainCsv, bundle], { encoding: 'utf8' }).trim().split('\n').at(-1));
  const score = [], ort = [];
  for (let i = 0; i < REPEATS; i++) {
    const started = performance.now();
    execFileSync(process.execPath, ['score.mjs', scoreCsv, resolve(out, 'scored.csv')], { cwd: bundle, stdio: 'pipe' });
    score.push(performance.now() - started);
    ort.push(JSON.parse(execFileSync(process.execPath, [resolve(here, 'ort-side.mjs'), bundle, scoreCsv, String(BATCH)], { encoding: 'utf8' })));
  }
  const scoreMs = median(score);
  const ortRunMs = median(ort.map((r) => r.runMs));
  const ortParseMs = median(ort.map((r) => r.parseMs));
  return {
    rows: SCORE_ROWS, fileMB: statSync(scoreCsv).size / 1e6, model: made, repeats: REPEATS,
    scoreMjs: { ms: score, medianMs: scoreMs, rowsPerSecond: SCORE_ROWS / (scoreMs / 1000) },
    onnxRuntime: { runMs: ort.map((r) => r.runMs), medianRunMs: ortRunMs, medianParseMs: ortParseMs, rowsPerSecond: SCORE_ROWS / (ortRunMs / 1000) },
    ratio: ortRunMs / scoreMs,
    ratioWithParse: (ortRunMs + ortParseMs) / scoreMs,
  };
}

export function describe(result) {
  const fmt = (n) => Math.round(n).toLocaleString('en-US');
  return [
    `model: gradient boosting, ${result.model.features} features; ${fmt(result.rows)} rows to score (${result.fileMB.toFixed(1)} MB CSV), ${result.repeats} runs each`,
    `score.mjs (CSV in → CSV out, whole process)      ${fmt(result.scoreMjs.rowsPerSecond).padStart(10)} rows/s  (median ${fmt(result.scoreMjs.medianMs)} ms)`,
    `ONNX Runtime (inference only, 1 thread, 10k batch) ${fmt(result.onnxRuntime.rowsPerSecond).padStart(10)} rows/s  (median ${fmt(result.onnxRuntime.medianRunMs)} ms; CSV split + tensors ${fmt(result.onnxRuntime.medianParseMs)} ms more)`,
    `score.mjs / ONNX Runtime rows/s                  ${result.ratio.toFixed(2).padStart(10)}  (against ONNX Runtime with its CSV split: ${result.ratioWithParse.toFixed(2)})`,
  ].join('\n');
}

/** Ratio rows (bench/README.md, "Ratios"): score.mjs rows/s ÷ ONNX Runtime (Node) rows/s (issue 18: ≥ 1). */
export function ratios(result) {
  return [makeRatio({
    what: `batch scoring ${Math.round(result.rows / 1000)}k rows: rows/s, score.mjs end to end vs ONNX Runtime Node inference only (1 thread); ${result.ratioWithParse.toFixed(2)} against ORT with its CSV split`,
    ours: formatRate(result.scoreMjs.rowsPerSecond, 'rows/s'), reference: formatRate(result.onnxRuntime.rowsPerSecond, 'rows/s'), ratio: result.ratio, target: '≥ 1',
  })];
}
