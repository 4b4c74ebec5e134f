// Streamed training bench (issue #18, "Larger than memory"): times the streamed linear and logistic fits over rows
// generated into a binary file read back a chunk at a time (a stand-in for the IndexedDB chunks), and reports peak
// RSS; at a smaller size it alternates them with the in-memory family fit on the same rows (the reference).
// Run: node bench/large/stream-train.mjs [--rows 5000000] [--reference-rows 500000] [--chunk-rows 65536] [--cache-mib 256]
// (re-runs itself under tsx to import the TypeScript core; the full-size part in a process of its own, --full-only,
// so its peak RSS is the streamed fits' own).

import { spawnSync } from 'node:child_process';
import { closeSync, openSync, readSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const here = import.meta.dirname;
const root = resolve(here, '../..');
const rerun = (extra, env) => spawnSync(process.execPath, ['--import', 'tsx', import.meta.filename, ...process.argv.slice(2), ...extra], { stdio: 'inherit', env, cwd: root }).status ?? 1;

if (process.env.STREAM_TRAIN_CHILD !== '1') process.exit(rerun([], { ...process.env, STREAM_TRAIN_CHILD: '1' }));

const argument = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
};
const rows = argument('rows', 5_000_000);
const referenceRows = argument('reference-rows', 500_000);
const chunkRows = argument('chunk-rows', 65_536);
const cacheMiB = argument('cache-mib', 256);
const fullOnly = process.argv.includes('--full-only');
const features = 8;

const load = (path) => import(pathToFileURL(resolve(root, path)).href);
const { createSyntheticTable } = await load('src/core/train/stream/fixtures/synthetic-table.ts');
const { concatTables } = await load('src/core/train/stream/concat-tables.ts');
const { fitLinearStreamed } = await load('src/core/train/stream/fit-linear-streamed.ts');
const { fitLogisticStreamed } = await load('src/core/train/stream/fit-logistic-streamed.ts');
const { prepareStreamed } = await load('src/core/train/stream/prepare-streamed.ts');
const { createChunkCache } = await load('src/core/train/stream/scan-chunks.ts');
const { linearRegressionFamily } = await load('src/core/models/classic/linear-regression.ts');
const { logisticRegressionFamily } = await load('src/core/models/classic/logistic-regression.ts');
const { buildFeatureMatrix } = await load('src/core/models/feature-matrix.ts');
const { transformTable } = await load('src/core/transform/pipeline.ts');
const { takeRows } = await load('src/core/transform/take-rows.ts');
const { readTrainingTarget } = await load('src/core/train/read-target.ts');
const { resolveNeeds } = await load('src/core/train/fit-prepared.ts');

const split = { validationShare: 0.2, testShare: 0, seed: 1 };
const mib = (bytes) => Math.round(bytes / 1048576);
const peakMib = () => mib(process.resourceUsage().maxRSS * 1024);

/**
 * Writes `totalRows` generated rows to a binary file, chunk by chunk (chunk i from seed 1000 + i), each chunk's columns
 * back to back as Float64 values or Int32 codes; returns a ChunkSource reading chunk i back with one read.
 */
function createFileSource(totalRows, path) {
  const chunkCount = Math.ceil(totalRows / chunkRows);
  const fd = openSync(path, 'w+');
  let columns = null;
  for (let index = 0, offset = 0; index < chunkCount; index++) {
    const table = createSyntheticTable({ rows: Math.min(chunkRows, totalRows - index * chunkRows), features, classes: 2, seed: 1000 + index });
    columns ??= table.columns.map((c) => ({ name: c.name, kind: c.kind, levels: c.levels }));
    for (const column of table.columns) {
      const array = column.kind === 'categorical' ? column.codes : column.values;
      writeSync(fd, new Uint8Array(array.buffer, array.byteOffset, array.byteLength), 0, array.byteLength, offset);
      offset += array.byteLength;
    }
  }
  const rowBytes = columns.reduce((s, c) => s + (c.kind === 'categorical' ? 4 : 8), 0);
  return {
    rowCount: totalRows, chunkCount, chunkRows, fileBytes: totalRows * rowBytes,
    close: () => { closeSync(fd); rmSync(path, { force: true }); },
    readChunk: async (index) => {
      const count = Math.min(chunkRows, totalRows - index * chunkRows);
      const bytes = new Uint8Array(count * rowBytes);
      readSync(fd, bytes, 0, bytes.byteLength, index * chunkRows * rowBytes);
      let at = 0;
      const out = columns.map((c) => {
        const size = c.kind === 'categorical' ? 4 : 8;
        const buffer = bytes.buffer.slice(at, at + count * size);
        at += count * size;
        return c.kind === 'categorical' ? { kind: c.kind, name: c.name, levels: c.levels, codes: new Int32Array(buffer) } : { kind: c.kind, name: c.name, values: new Float64Array(buffer) };
      });
      return { rowCount: count, columns: out };
    },
  };
}

const problems = {
  linear: { target: 'amount', task: 'regression', primaryMetric: 'rmse', secondaryMetrics: [] },
  logistic: { target: 'label', task: 'binary', primaryMetric: 'accuracy', secondaryMetrics: [] },
};
const families = { linear: ['linear_regression', linearRegressionFamily, fitLinearStreamed], logistic: ['logistic_regression', logisticRegressionFamily, fitLogisticStreamed] };

/** The pipeline (automatic preparation) fitted on the first chunk, standing in for the import's sample. */
async function prepare(kind, source) {
  const sample = await source.readChunk(0);
  return prepareStreamed(sample, [], problems[kind], resolveNeeds({ family: families[kind][0], params: {}, autoPrepare: true }), split);
}

async function timeStreamed(kind, source, cacheBytes = 0) {
  const prep = await prepare(kind, source);
  const started = performance.now();
  const fit = await families[kind][2](source, prep, {}, cacheBytes > 0 ? { cache: createChunkCache(cacheBytes) } : {});
  return { ms: performance.now() - started, passes: fit.passes, trainRows: fit.rows.train };
}

/** The in-memory family on the same training rows, prepared by the same fitted pipeline (preparation timed too). */
async function timeInMemory(kind, table, prep) {
  const trainRows = [];
  for (let r = 0; r < table.rowCount; r++) if (prep.partOf(r) === 'train') trainRows.push(r);
  const started = performance.now();
  const applied = transformTable(prep.fitted, takeRows(table, trainRows)).table;
  const X = buildFeatureMatrix(applied, [...prep.featureNames]).X;
  await families[kind][1].fit(X, readTrainingTarget(applied, problems[kind].target, problems[kind].task), {}, { seed: 0 });
  return { ms: performance.now() - started };
}

async function runReference() {
  console.log(`stream-train bench: ${rows.toLocaleString('en')} rows × ${features + 1} numbers + a 3-level category, chunks of ${chunkRows}; reference at ${referenceRows.toLocaleString('en')} rows`);
  const source = createFileSource(referenceRows, resolve(tmpdir(), `stream-train-ref-${process.pid}.bin`));
  const parts = [];
  for (let i = 0; i < source.chunkCount; i++) parts.push(await source.readChunk(i));
  const table = concatTables(parts);
  try {
    for (const kind of ['linear', 'logistic']) {
      const prep = await prepare(kind, source);
      const times = { streamed: [], inMemory: [] };
      for (let round = 0; round < 2; round++) {
        times.streamed.push((await timeStreamed(kind, source)).ms);
        times.inMemory.push((await timeInMemory(kind, table, prep)).ms);
      }
      const best = (values) => Math.min(...values);
      console.log(`${kind} @ ${referenceRows}: streamed (no cache) ${best(times.streamed).toFixed(0)} ms, in memory ${best(times.inMemory).toFixed(0)} ms, ratio ${(best(times.streamed) / best(times.inMemory)).toFixed(2)}× (best of 2, alternating)`);
    }
  } finally {
    source.close();
  }
  console.log(`peak RSS of the reference process (the whole ${referenceRows}-row table in memory): ${peakMib()} MiB`);
}

async function runFull() {
  const started = performance.now();
  const source = createFileSource(rows, resolve(tmpdir(), `stream-train-${process.pid}.bin`));
  console.log(`wrote ${rows} rows to a ${mib(source.fileBytes)} MiB file in ${((performance.now() - started) / 1000).toFixed(1)} s; peak RSS ${peakMib()} MiB`);
  try {
    for (const [kind, cacheBytes] of [['linear', 0], ['logistic', 0], ['logistic', cacheMiB * 1048576]]) {
      const result = await timeStreamed(kind, source, cacheBytes);
      const rate = (result.trainRows * result.passes) / (result.ms / 1000);
      console.log(`${kind} @ ${rows}${cacheBytes ? ` (cache ${cacheMiB} MiB)` : ' (no cache)'}: ${(result.ms / 1000).toFixed(1)} s, ${result.passes} passes over ${result.trainRows.toLocaleString('en')} training rows (${Math.round(rate).toLocaleString('en')} rows/s per pass); peak RSS so far ${peakMib()} MiB`);
    }
  } finally {
    source.close();
  }
}

if (fullOnly) await runFull();
else {
  await runReference();
  process.exit(rerun(['--full-only'], process.env));
}
