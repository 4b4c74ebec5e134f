// Imports the prediction log serve.mjs writes (docs/prediction-log.md) — one .jsonl file, or a zip of them — as one
// table: the logged input columns typed as any imported column is, then reserved columns (LOG_COLUMNS) saying for
// each row which version answered it in which role, the request, the time, the prediction, each class's probability
// and the feedback label. Lines the reader skipped become import warnings; a log mixing input schemas is a DataError.

import { zipSync } from 'fflate';
import { unzipWithinLimits, type ZipLimits } from '../budget/unzip-within-limits';
import { createAbortError, DataError } from '../errors';
import { readPredictionLog, type PredictionLogBatch } from '../monitor/read-prediction-log';
import { convertColumn } from '../table/apply-column-overrides';
import { createTextColumn } from '../table/text-column';
import type { Column, ColumnKind, Table } from '../table/types';
import { formatCount } from './describe-evidence';
import { inferTable, type RawColumn } from './infer-table';
import type { ColumnInference, ImportWarning } from './types';

/** The reserved columns of a log table; a logged input column never starts with "__" (a model's input could, rarely). */
export const LOG_COLUMNS = {
  version: '__model_version', role: '__role', requestId: '__request_id', time: '__time',
  prediction: '__prediction', label: '__label', schemaHash: '__schema_hash',
} as const;
/** `__probability_<class>`: the probability the row's version gave that class (classifiers only). */
export const LOG_PROBABILITY_PREFIX = '__probability_';

/** True for a reserved column's name (LOG_COLUMNS, or a class's probability). */
export function isLogColumnName(name: string): boolean {
  return Object.values(LOG_COLUMNS).includes(name as never) || name.startsWith(LOG_PROBABILITY_PREFIX);
}

const RESERVED_MEANINGS: Record<string, string> = {
  [LOG_COLUMNS.version]: 'the model version that answered the row',
  [LOG_COLUMNS.role]: 'the role it answered in (main, canary or shadow)',
  [LOG_COLUMNS.requestId]: 'the request the row came in',
  [LOG_COLUMNS.time]: 'when the version answered',
  [LOG_COLUMNS.prediction]: 'what the version predicted',
  [LOG_COLUMNS.label]: 'the true label sent as feedback (missing where none came)',
  [LOG_COLUMNS.schemaHash]: "the hash of the model's input schema the service logged",
};

const decoder = new TextDecoder();

/** True when `head` (a file's first bytes) starts with a prediction-log record, or is a zip whose first file is a .jsonl one. */
export function isPredictionLogHead(head: Uint8Array): boolean {
  if (head[0] === 0x50 && head[1] === 0x4b && head[2] === 0x03 && head[3] === 0x04) {
    // A zip's first local header: the name's length at byte 26 (little-endian), the name from byte 30.
    const nameLength = (head[26] ?? 0) | ((head[27] ?? 0) << 8);
    return /\.(jsonl|ndjson)$/i.test(decoder.decode(head.subarray(30, 30 + nameLength)));
  }
  const text = decoder.decode(head.subarray(0, 512)).replace(/^\uFEFF?\s*/, '');
  return /^\{\s*"type"\s*:\s*"(prediction|feedback)"/.test(text);
}

const MIB = 1024 * 1024;
/** A log zip: many rotated files, each at most the service's rotation size (64 MiB by default), 2 GiB in all. */
const LOG_ZIP_LIMITS: ZipLimits = { what: 'prediction log zip', retry: 'zip the log\'s .jsonl files again, or choose them together', maxEntries: 10_000, maxEntryBytes: 1024 * MIB, maxTotalBytes: 2048 * MIB };

/** The log's files: every .jsonl entry of a zip (folders and other files left out), or the one file itself. */
export function readLogFiles(bytes: Uint8Array, fileName: string): { name: string; text: string }[] {
  if (!(bytes[0] === 0x50 && bytes[1] === 0x4b)) return [{ name: fileName, text: decoder.decode(bytes) }];
  let entries: Record<string, Uint8Array>;
  try {
    // Capped before anything inflates (core/budget): a zip bomb or a "../" name is refused with a sentence.
    entries = unzipWithinLimits(bytes, LOG_ZIP_LIMITS, (message) => new DataError(message), (name) => /\.(jsonl|ndjson)$/i.test(name) && !name.startsWith('__MACOSX/'));
  } catch (error) {
    if (error instanceof DataError) throw error;
    throw new DataError(`"${fileName}" is not a readable zip (${error instanceof Error ? error.message : String(error)}); zip the log's .jsonl files again, or choose them together.`);
  }
  const files = Object.entries(entries).map(([name, entry]) => ({ name, text: decoder.decode(entry) }));
  if (files.length === 0) {
    throw new DataError(`"${fileName}" is a zip without a .jsonl file. ML Studio reads a zip only as a prediction log (the predictions-….jsonl files serve.mjs --log-predictions writes); save a spreadsheet as CSV instead.`);
  }
  return files;
}

/** Several chosen .jsonl files as one zip (stored, a fixed time: the same files give the same bytes and content hash). */
export function zipLogFiles(files: readonly { name: string; bytes: Uint8Array }[]): Uint8Array {
  const sorted = [...files].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  return zipSync(Object.fromEntries(sorted.map((file) => [file.name, file.bytes])), { level: 0, mtime: Date.UTC(2000, 0, 1) });
}

/**
 * The log in `bytes` (a .jsonl file or a zip of them) as a table; `tokens` are the missing-value tokens of the
 * logged inputs. A DataError when it holds no prediction line or lines written for two input schemas.
 */
export function importPredictionLog(bytes: Uint8Array, fileName: string, tokens: ReadonlySet<string>, signal?: AbortSignal): { table: Table; inference: ColumnInference[]; warnings: ImportWarning[] } {
  const files = readLogFiles(bytes, fileName);
  const read = readPredictionLog(files);
  const skipped: ImportWarning[] = read.warnings.map((message) => ({ code: 'prediction-log', message }));
  const rowCount = read.batches.reduce((sum, batch) => sum + batch.rows.length, 0);
  if (rowCount === 0) {
    const why = skipped.length > 0 ? ` ${skipped.map((w) => w.message).join(' ')}` : '';
    throw new DataError(`"${fileName}" holds no logged prediction row.${why} A prediction log is what serve.mjs --log-predictions writes: lines like {"type":"prediction", …}.`);
  }
  if (signal?.aborted) throw createAbortError();
  const raw = collectInputColumns(read.batches, rowCount);
  const clash = raw.find((column) => isLogColumnName(column.name));
  if (clash) throw new DataError(`"${fileName}" logs an input column named "${clash.name}", a name the studio keeps for the log's own columns (${LOG_COLUMNS.version}, ${LOG_COLUMNS.prediction}, …); rename that column in the model's data and export it again.`);
  const inputs = inferTable(raw, rowCount, tokens, null, signal);
  const reserved = buildReservedColumns(read.batches, rowCount, read.schemaHash ?? '');
  return {
    table: { rowCount, columns: [...inputs.table.columns, ...reserved.columns.map((c) => c.column)] },
    inference: [...inputs.inference, ...reserved.columns.map((c) => c.inference)],
    warnings: [...skipped, ...inputs.warnings, ...reserved.warnings],
  };
}

/** Each logged input column (first appearance order) with every row's value as text, as JSON records are read. */
function collectInputColumns(batches: readonly PredictionLogBatch[], rowCount: number): RawColumn[] {
  const columns = new Map<string, (string | null)[]>();
  let row = 0;
  for (const batch of batches) {
    for (const record of batch.rows) {
      for (const [name, value] of Object.entries(record)) {
        let values = columns.get(name);
        if (!values) columns.set(name, (values = new Array<string | null>(rowCount).fill(null)));
        values[row] = toCellText(value);
      }
      row++;
    }
  }
  return [...columns].map(([name, values]) => ({ name, originalName: name, values }));
}

interface ReservedColumn {
  column: Column;
  inference: ColumnInference;
}

/** The reserved columns, typed by what they hold (not inferred: a hash or a class label must not become a number). */
function buildReservedColumns(batches: readonly PredictionLogBatch[], rowCount: number, schemaHash: string): { columns: ReservedColumn[]; warnings: ImportWarning[] } {
  const each = <T>(read: (batch: PredictionLogBatch, i: number) => T) => batches.flatMap((batch) => batch.rows.map((_, i) => read(batch, i)));
  const classifier = batches.some((b) => b.classes !== undefined || b.predictions.some((p) => typeof p === 'string'));
  const outcome: ColumnKind = classifier ? 'categorical' : 'numeric';
  const label = build(LOG_COLUMNS.label, each((b, i) => toCellText(b.labels?.[i] ?? null)), outcome, rowCount);
  const classes = [...new Set(batches.flatMap((b) => b.classes ?? []))];
  const columns = [
    build(LOG_COLUMNS.version, each((b) => b.version), 'categorical', rowCount),
    build(LOG_COLUMNS.role, each((b) => b.role), 'categorical', rowCount),
    build(LOG_COLUMNS.requestId, each((b, i) => b.requestIds[i]), 'text', rowCount),
    build(LOG_COLUMNS.time, each((b, i) => b.times[i] ?? null), 'datetime', rowCount),
    build(LOG_COLUMNS.prediction, each((b, i) => toCellText(b.predictions[i])), outcome, rowCount),
    label,
    ...classes.map((name, c) => build(`${LOG_PROBABILITY_PREFIX}${name}`, each((b, i) => {
      const at = b.classes?.indexOf(name) ?? -1;
      return at < 0 ? null : toCellText(b.probabilities?.[i]?.[at] ?? null);
    }), 'numeric', rowCount, `the probability the version gave class "${classes[c]}"`)),
    build(LOG_COLUMNS.schemaHash, each(() => schemaHash), 'categorical', rowCount),
  ];
  const warnings: ImportWarning[] = label.failures > 0
    ? [{ code: 'prediction-log', message: `${formatCount(label.failures)} feedback label${label.failures === 1 ? ' is' : 's are'} not a number while the model predicts numbers, e.g. "${label.example}": ${label.failures === 1 ? 'it was' : 'they were'} read as missing.` }]
    : [];
  return { columns, warnings };
}

function build(name: string, texts: (string | null)[], kind: ColumnKind, rowCount: number, meaning = RESERVED_MEANINGS[name]): ReservedColumn & { failures: number; example: string } {
  const text = createTextColumn(name, texts);
  const { converted, failures } = kind === 'text' ? { converted: text, failures: { count: 0, example: '' } } : convertColumn(text, kind, rowCount);
  const present = texts.filter((t) => t !== null);
  const distinct = [...new Set(present)];
  const inference: ColumnInference = {
    name, originalName: name, kind, detail: 'prediction log',
    evidence: `Reserved column of the prediction log: ${meaning}.`,
    missing: rowCount - present.length + failures.count, distinct: distinct.length, examples: distinct.slice(0, 5),
  };
  return { column: converted, inference, failures: failures.count, example: failures.example };
}

function toCellText(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value);
}
