// score.mjs: CSV in, CSV out — `node score.mjs input.csv [output.csv | -]`. Reads and scores the file in chunks of
// rows (constant memory on a file of any size), writes each chunk's predictions as it goes, reports progress on
// stderr, and exits 1 with a message when the file does not fit the bundle's schema.

import { createReadStream, createWriteStream, statSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Writable } from 'node:stream';
import { cellsToTable, createCsvRowStream, createPredictionsCsvWriter, describeContractReport, InvalidRowsError, loadBundle, type ContractReport } from './predict';

const CHUNK_ROWS = Number(process.env.SCORE_CHUNK_ROWS ?? 20_000);

async function write(out: Writable, text: string): Promise<void> {
  if (!out.write(text)) await new Promise<void>((resolve) => out.once('drain', resolve));
}

/** Adds a chunk's report into the file's (unseen distinct counts are the largest of any chunk: a lower bound). */
function mergeReport(total: ContractReport | null, next: ContractReport): ContractReport {
  if (total === null) return structuredClone(next);
  const sum = <T extends { column: string }>(into: T[], from: T[], add: (a: T, b: T) => void) => {
    for (const item of from) {
      const found = into.find((x) => x.column === item.column);
      if (found) add(found, item);
      else into.push({ ...item });
    }
  };
  sum(total.typeChanges, next.typeChanges, (a, b) => ((a.failures += b.failures), (a.converted &&= b.converted)));
  sum(total.unseenCategories, next.unseenCategories, (a, b) => {
    a.rows += b.rows;
    a.values = [...new Set([...a.values, ...b.values])].slice(0, 10);
    a.distinct = Math.max(a.distinct, b.distinct, a.values.length);
  });
  sum(total.outOfRange, next.outOfRange, (a, b) => ((a.below += b.below), (a.above += b.above)));
  sum(total.newMissing, next.newMissing, (a, b) => (a.rows += b.rows));
  total.rowCount += next.rowCount;
  return total;
}

async function main(): Promise<number> {
  const [input, output = '-'] = process.argv.slice(2);
  if (!input) {
    process.stderr.write('Usage: node score.mjs input.csv [output.csv | -]\n');
    return 2;
  }
  const predictor = await loadBundle(process.env.BUNDLE_DIR ?? dirname(fileURLToPath(import.meta.url)));
  const totalBytes = statSync(input).size;
  const out: Writable = output === '-' ? process.stdout : createWriteStream(output);
  let pending: string[][] = [];
  let header: readonly string[] = [];
  let rowsDone = 0;
  let wroteHeader = false;
  let report: ContractReport | null = null;
  const flush = async () => {
    if (pending.length === 0) return;
    const table = cellsToTable(header, pending);
    pending = [];
    const scored = await predictor.predictTable(table);
    report = mergeReport(report, scored.report);
    const writer = createPredictionsCsvWriter(table, scored);
    if (!wroteHeader) await write(out, writer.header);
    wroteHeader = true;
    await write(out, writer.rows(0, table.rowCount));
    rowsDone += table.rowCount;
  };
  const stream = createCsvRowStream((rows, h) => {
    header = h;
    for (const row of rows) pending.push(row);
  });
  let bytesRead = 0;
  for await (const piece of createReadStream(input, { encoding: 'utf8', highWaterMark: 1 << 20 })) {
    bytesRead += Buffer.byteLength(piece as string);
    stream.feed(piece as string);
    while (pending.length >= CHUNK_ROWS) {
      const rest = pending.slice(CHUNK_ROWS);
      pending = pending.slice(0, CHUNK_ROWS);
      await flush();
      pending = rest;
    }
    process.stderr.write(`\rscored ${rowsDone} rows, ${Math.round((100 * bytesRead) / Math.max(totalBytes, 1))} % read`);
  }
  header = stream.finish();
  await flush();
  if (!wroteHeader) throw new InvalidRowsError(`"${input}" has a header but no rows to score.`);
  process.stderr.write(`\rscored ${rowsDone} rows, 100 % read\n`);
  for (const message of describeContractReport(report as unknown as ContractReport)) process.stderr.write(`${message.severity}: ${message.message}\n`);
  if (out !== process.stdout) await new Promise<void>((resolve, reject) => out.end((error?: Error | null) => (error ? reject(error) : resolve())));
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`\nscore.mjs: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  },
);
