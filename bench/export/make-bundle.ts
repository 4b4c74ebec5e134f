// Trains gradient boosting on the seeded training table (the training suite's) with automatic preparation and
// writes its bundle to a folder, as the Export cell does. Run by suite.mjs with tsx: `tsx make-bundle.ts <csv> <dir>`.
import { mkdirSync, openAsBlob, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { unzipSync } from 'fflate';
import { packageRun } from '../../src/core/export/package-run';
import { importFile } from '../../src/core/ingest/import-file';
import { DEFAULT_IMPORT_OPTIONS } from '../../src/core/notebook/types';
import { trainCandidate } from '../../src/core/train/train-candidate';
import { STUDIO_VERSION } from '../../src/core/version';
import { buildExportRuntime } from '../../src/export-runtime/build-runtime';

const [csv, dir] = process.argv.slice(2);
const { table } = await importFile(await openAsBlob(csv), 'train.csv', DEFAULT_IMPORT_OPTIONS);
const all = Uint32Array.from({ length: table.rowCount }, (_, i) => i);
const parts = { train: all.filter((r) => r % 5 !== 0), validation: all.filter((r) => r % 5 === 0), folds: [] };
const run = await trainCandidate(table, parts, {
  id: 'bench', family: 'gradient_boosting', params: {}, seed: 1, steps: [], crossValidate: false,
  problem: { target: 'churned', task: 'binary', primaryMetric: 'roc-auc', secondaryMetrics: [], positiveClass: 'yes' },
});
const packaged = packageRun(run, 'churn', await buildExportRuntime(), STUDIO_VERSION, Date.now());
for (const [path, bytes] of Object.entries(unzipSync(packaged.zip))) {
  mkdirSync(dirname(join(dir, path)), { recursive: true });
  writeFileSync(join(dir, path), bytes);
}
console.log(JSON.stringify({ trees: run.info.iterations ?? null, features: run.featureNames.length, notes: packaged.notes }));
