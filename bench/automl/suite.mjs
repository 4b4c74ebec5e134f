// The `automl` bench suite (Node only): the automatic mode with a time budget (AUTOML_BENCH_SECONDS, default 60)
// against "Try all" with defaults, on each bundled sample's example notebook and on a generated churn table
// (5,000 rows of the training bench's generator): each one's best run by validation, scored on the locked test
// part, and the wall time. AUTOML_BENCH_ENSEMBLE=1 lets the automatic mode blend its best trials. In Node the port trains one trial at a time (the browser runs one per training worker).
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { formatTrainingCsv } from '../lib/generate-training-csv.mjs';

export const usesSite = false;

const here = import.meta.dirname;
const ROOT = resolve(here, '../..');
const SECONDS = Number(process.env.AUTOML_BENCH_SECONDS ?? 60);
const EXAMPLES = (process.env.AUTOML_BENCH_EXAMPLES ?? 'penguins,breast-cancer,cars,seattle-weather').split(',').filter(Boolean);

export async function run() {
  const out = resolve(here, '../out/automl');
  mkdirSync(out, { recursive: true });
  const churn = resolve(out, 'churn-5000.csv');
  writeFileSync(churn, formatTrainingCsv({ rows: 5_000, seed: 21 }));
  const sources = [...EXAMPLES.map((name) => resolve(ROOT, `examples/${name}.notebook.json`)), `generated:${churn}`];
  const rows = [];
  for (const source of sources) {
    const stdout = execFileSync(process.execPath, [resolve(ROOT, 'node_modules/tsx/dist/cli.mjs'), resolve(here, 'compare-automl.ts'), source, String(SECONDS)], { encoding: 'utf8', maxBuffer: 64 * 2 ** 20 });
    rows.push(JSON.parse(stdout.trim().split('\n').at(-1)));
    console.log(`  ${rows.at(-1).dataset} done`);
  }
  return { seconds: SECONDS, ensemble: process.env.AUTOML_BENCH_ENSEMBLE === '1', rows };
}

const fmt = (v) => (v === null ? '—' : v.toFixed(4));

export function describe(result) {
  const lines = [`-- automatic mode (${result.seconds} s budget${result.ensemble ? ', ensemble on' : ''}) vs Try all (defaults): the best of each (auto: by CV on the training rows; Try all: by validation), scored on the test part`];
  lines.push(`${'dataset'.padEnd(18)} ${'metric'.padEnd(9)} ${'Try all: test'.padStart(14)} ${'time'.padStart(7)}  ${'auto: test'.padStart(11)} ${'time'.padStart(7)}  auto's best (trials)`);
  for (const r of result.rows) {
    const better = r.auto.test !== null && r.tryAll.test !== null && (r.direction === 'higher' ? r.auto.test >= r.tryAll.test : r.auto.test <= r.tryAll.test);
    lines.push(`${r.dataset.padEnd(18)} ${r.metric.padEnd(9)} ${fmt(r.tryAll.test).padStart(14)} ${`${r.tryAll.wallS} s`.padStart(7)}  ${fmt(r.auto.test).padStart(11)} ${`${r.auto.wallS} s`.padStart(7)}  ${r.auto.best} (${r.auto.trials} trials) ${better ? '' : '← worse'}`);
  }
  return lines.join('\n');
}
