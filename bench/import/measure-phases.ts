// Per-phase CPU times of a range import on the bench's 100 MB CSV, one thread (Node): the serial steps of the
// import worker and each range's read, as importCsvInRanges runs them with 2 ranges.
// `npx rolldown bench/import/measure-phases.ts -o /tmp/mp-import.mjs -p node && node /tmp/mp-import.mjs [csv] [ranges]`
import { openAsBlob } from 'node:fs';
import { finishCsv } from '../../src/core/ingest/import-csv';
import { importCsvInRanges, inThisThread, readCsvRange } from '../../src/core/ingest/import-csv-ranges';
import { mergeCsvParts } from '../../src/core/ingest/merge-csv-parts';
import { packPartTexts, attachPackedTexts } from '../../src/core/ingest/pack-part-texts';
import { DEFAULT_IMPORT_OPTIONS } from '../../src/core/notebook/types';
import type { CsvPart } from '../../src/core/ingest/import-csv';

const path = process.argv[2] ?? 'bench/data/import-100mb-seed42.csv';
const count = Number(process.argv[3] ?? 2);
const blob = await openAsBlob(path);
const times: string[] = [];
let k = 0;
let queue: Promise<unknown> = Promise.resolve();
const started = performance.now();
const result = await importCsvInRanges(blob, 'bench.csv', DEFAULT_IMPORT_OPTIONS, count, { ...inThisThread, read(file, request, onBytes) {
  // One range after the other, as if each had its own core, so each range's time is its own.
  const next = queue.then(async () => {
    const s = performance.now();
    const read = await readCsvRange(file, request, onBytes);
    const part = attachPackedTexts(packPartTexts(read.part));
    times.push(`range ${k++} read${' '.repeat(17)} ${(performance.now() - s).toFixed(0).padStart(6)} ms`);
    return { ...read, part };
  });
  queue = next;
  return next;
} });
times.push(`whole import (serial)        ${(performance.now() - started).toFixed(0).padStart(6)} ms`);
if (result === null) throw new Error('declined');
const again: CsvPart[] = [];
await importCsvInRanges(blob, 'bench.csv', DEFAULT_IMPORT_OPTIONS, count, { ...inThisThread, async read(file, request, onBytes) {
  const read = await readCsvRange(file, request, onBytes);
  const part = attachPackedTexts(packPartTexts(read.part));
  again.push(part);
  return { ...read, part };
} });
// Fastest of 5, as the machine is shared: merge and typing are pure, so each round starts from the same parts.
const lineOffsets = again.map(() => 0);
let [mergeMs, finishMs] = [Infinity, Infinity];
// CPU time (process.cpuUsage), which a loaded machine skews less than wall time.
const cpuMs = () => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
};
for (let round = 0; round < 5; round++) {
  let s = cpuMs();
  const merged = mergeCsvParts(again, lineOffsets);
  mergeMs = Math.min(mergeMs, cpuMs() - s);
  s = cpuMs();
  if (merged !== null) finishCsv(merged);
  finishMs = Math.min(finishMs, cpuMs() - s);
}
times.push(`merge (CPU, fastest of 5)    ${mergeMs.toFixed(0).padStart(6)} ms`, `finishCsv (CPU, fastest of 5)${finishMs.toFixed(0).padStart(6)} ms`);
console.log(times.join('\n'));
console.log(`rows ${result.table.rowCount}, hash ${result.contentHash.slice(0, 16)}…`);
