// CPU time of one range worker's read of the bench's 100 MB CSV (range 0 of 2, packed as the worker sends it), next
// to bare papaparse over the same text in the same thread: the numbers the importer/papaparse ratio rests on.
// `npx rolldown bench/import/measure-range.ts -o /tmp/mr-import.mjs -p node && node /tmp/mr-import.mjs [csv] [rounds] [range] [--importer-only]`
import { openAsBlob } from 'node:fs';
import Papa from 'papaparse';
import { readCsvRange } from '../../src/core/ingest/import-csv-ranges';
import { packPartTexts } from '../../src/core/ingest/pack-part-texts';
import { planCsvCuts } from '../../src/core/ingest/plan-csv-ranges';
import { openRangeText } from '../../src/core/ingest/range-text';
import { CHUNK_BYTES, readSlice } from '../../src/core/ingest/read-text';
import { DEFAULT_IMPORT_OPTIONS } from '../../src/core/notebook/types';

const args = process.argv.slice(2).filter((a) => !a.startsWith('--'));
const path = args[0] ?? 'bench/data/import-100mb-seed42.csv';
const rounds = Number(args[1] ?? 3);
const k = Number(args[2] ?? 0);
/** --importer-only: skip the papaparse reference (for a --cpu-prof of the importer alone). */
const withPapa = !process.argv.includes('--importer-only');
const file = await openAsBlob(path);
const cuts = await planCsvCuts(file, new Uint8Array(await readSlice(file, 0, CHUNK_BYTES)), 2);
if (cuts === null) throw new Error('no cuts');
const range = { start: cuts.starts[k], end: k + 1 < cuts.starts.length ? cuts.starts[k + 1] : file.size };
const request = { fileName: 'bench.csv', delimiter: ',', missingTokens: DEFAULT_IMPORT_OPTIONS.missingTokens, headerEnd: cuts.headerEnd, ...range };

/** Process CPU time in ms (user + system, all threads: GC helpers included). */
const cpuMs = () => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
};

let [importer, papa] = [Infinity, Infinity];
for (let round = 0; round < rounds; round++) {
  let s = cpuMs();
  const read = await readCsvRange(file, request, () => undefined);
  packPartTexts(read.part);
  importer = Math.min(importer, cpuMs() - s);
  if (!withPapa) continue;
  s = cpuMs();
  // Bare papaparse as the reference worker runs it: rows of strings, nothing kept.
  let rows = 0;
  const parser = new Papa.Parser({ delimiter: ',', newline: '\n' });
  let carry = '';
  for await (const text of openRangeText(file, cuts.headerEnd, range).source.chunks(() => undefined)) {
    const whole = carry + text;
    const result = parser.parse(whole, 0, true) as { data: string[][]; meta: { cursor: number } };
    rows += result.data.length;
    carry = whole.slice(result.meta.cursor);
  }
  papa = Math.min(papa, cpuMs() - s);
  if (rows === 0) throw new Error('no rows');
}
const reference = withPapa ? `, bare papaparse ${papa.toFixed(0)} ms CPU` : '';
console.log(`range ${k} (${((range.end - range.start) / 1e6).toFixed(1)} MB): importer ${importer.toFixed(0)} ms CPU${reference} (fastest of ${rounds})`);
