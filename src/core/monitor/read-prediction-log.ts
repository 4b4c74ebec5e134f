// Reads the prediction log serve.mjs writes (docs/prediction-log.md) into one batch per model version and role, with
// true labels joined from feedback lines by request id and row position. Lines cut short or not records of the log
// are skipped with a warning naming the file and line; a log written for another input schema is a DataError.

import { DataError } from '../errors';
import { computeSha256Hex } from '../export/bundle/sha256';

export type LogRole = 'main' | 'canary' | 'shadow';
export type LoggedLabel = string | number | boolean | null;

export interface PredictionLogBatch {
  version: string;
  role: LogRole;
  /** The logged input rows (only the columns the service's --log-fields kept). */
  rows: Record<string, unknown>[];
  /** One per row: class label, number or cluster id; null when the row was not scored. */
  predictions: (string | number | null)[];
  /** Classifiers: one probability per class (in `classes` order) per row. */
  probabilities?: (number | null)[][];
  classes?: string[];
  /** One per row: the true label from feedback (null where none came); null when no row of the batch has one. */
  labels: LoggedLabel[] | null;
  /** One per row: the request it came in, and when it was answered (ISO 8601). */
  requestIds: string[];
  times: string[];
}

export interface PredictionLogRead {
  batches: PredictionLogBatch[];
  /** The input schema's hash the lines carry (null when there was no prediction line). */
  schemaHash: string | null;
  warnings: string[];
}

/**
 * The hash of an input contract as the log records it: SHA-256 (first 16 hex digits) of its columns sorted by name,
 * each [name, kind, sorted levels] — the same for two bundles that take the same input, whatever their level order.
 */
export function computeLogSchemaHash(contract: { columns: readonly { name: string; kind: string; levels?: readonly string[] }[] }): string {
  const columns = [...contract.columns].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
    .map((c) => [c.name, c.kind, ...(c.levels ? [[...c.levels].sort()] : [])]);
  return computeSha256Hex(new TextEncoder().encode(JSON.stringify(columns))).slice(0, 16);
}

interface PredictionLine {
  type: 'prediction';
  time: string;
  requestId: string;
  modelVersion: string;
  role: LogRole;
  rows: Record<string, unknown>[];
  predictions: (string | number | null)[];
  probabilities?: (number | null)[][];
  classes?: string[];
  schemaHash: string;
}

interface FeedbackLine {
  type: 'feedback';
  requestId: string;
  labels: LoggedLabel[];
}

type Located<T> = T & { file: string; line: number };

/** `files` in name order (the service names them by start time and number); `expected` refuses another schema's log. */
export function readPredictionLog(files: readonly { name: string; text: string }[], expected: { schemaHash?: string; columns?: readonly string[] } = {}): PredictionLogRead {
  const warnings: string[] = [];
  const predictions: Located<PredictionLine>[] = [];
  const feedback = new Map<string, LoggedLabel[]>();
  for (const file of [...files].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
    for (const record of readLines(file, warnings)) {
      if (record.type === 'feedback') feedback.set(record.requestId, record.labels);
      else predictions.push(record);
    }
  }
  const schemaHash = checkSchema(predictions, expected);
  const batches = new Map<string, PredictionLogBatch>();
  for (const line of predictions) {
    const key = `${line.modelVersion}\u0000${line.role}`;
    const batch = batches.get(key) ?? { version: line.modelVersion, role: line.role, rows: [], predictions: [], ...(line.probabilities ? { probabilities: [], classes: line.classes ?? [] } : {}), labels: [], requestIds: [], times: [] };
    batches.set(key, batch);
    const labels = feedback.get(line.requestId);
    if (labels && labels.length !== line.rows.length) warnings.push(`Feedback for request ${line.requestId} has ${labels.length} label(s) but the request had ${line.rows.length} row(s): labels were joined by position.`);
    line.rows.forEach((row, i) => {
      batch.rows.push(row);
      batch.predictions.push(line.predictions[i]);
      batch.probabilities?.push(line.probabilities?.[i] ?? (batch.classes ?? []).map(() => null));
      batch.labels?.push(labels?.[i] ?? null);
      batch.requestIds.push(line.requestId);
      batch.times.push(line.time);
    });
  }
  for (const batch of batches.values()) if (batch.labels?.every((label) => label === null)) batch.labels = null;
  return { batches: [...batches.values()], schemaHash, warnings };
}

/** The file's records, skipping (with one warning per file) lines that are not complete JSON or not log records. */
function readLines(file: { name: string; text: string }, warnings: string[]): Located<PredictionLine | FeedbackLine>[] {
  const records: Located<PredictionLine | FeedbackLine>[] = [];
  const broken: number[] = [];
  const foreign: number[] = [];
  file.text.split('\n').forEach((text, i) => {
    if (text.trim() === '') return;
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch {
      broken.push(i + 1);
      return;
    }
    if (isPredictionLine(value) || isFeedbackLine(value)) records.push({ ...value, file: file.name, line: i + 1 });
    else foreign.push(i + 1);
  });
  if (broken.length > 0) warnings.push(`${file.name} ${describeLines(broken)} not complete JSON: skipped (the service may have stopped mid-write).`);
  if (foreign.length > 0) warnings.push(`${file.name} ${describeLines(foreign)} not a prediction or feedback record: skipped.`);
  return records;
}

function describeLines(lines: number[]): string {
  if (lines.length === 1) return `line ${lines[0]} is`;
  const shown = lines.slice(0, 5).join(', ');
  return `lines ${shown}${lines.length > 5 ? ` and ${lines.length - 5} more` : ''} are`;
}

function isPredictionLine(value: unknown): value is PredictionLine {
  const v = value as Partial<PredictionLine> | null;
  return typeof v === 'object' && v !== null && v.type === 'prediction' && typeof v.requestId === 'string' && typeof v.modelVersion === 'string'
    && (v.role === 'main' || v.role === 'canary' || v.role === 'shadow') && Array.isArray(v.rows) && Array.isArray(v.predictions)
    && v.rows.length === v.predictions.length && typeof v.schemaHash === 'string' && (v.probabilities === undefined || Array.isArray(v.probabilities));
}

function isFeedbackLine(value: unknown): value is FeedbackLine {
  const v = value as { type?: unknown; requestId?: unknown; labels?: unknown } | null;
  return typeof v === 'object' && v !== null && v.type === 'feedback' && typeof v.requestId === 'string' && Array.isArray(v.labels);
}

/** The one schema hash every prediction line carries; a DataError naming the first line written for another schema. */
function checkSchema(lines: readonly Located<PredictionLine>[], expected: { schemaHash?: string; columns?: readonly string[] }): string | null {
  const reference = expected.schemaHash ?? lines[0]?.schemaHash ?? null;
  const known = expected.columns ? new Set(expected.columns) : null;
  for (const line of lines) {
    if (line.schemaHash !== reference) {
      const against = expected.schemaHash ? "the version being monitored's" : `${lines[0].file} line ${lines[0].line}'s`;
      throw new DataError(`${line.file} line ${line.line} was written for another input schema (${line.schemaHash}, model version ${line.modelVersion}) than ${against} (${reference}): read one model's logs at a time, or monitor the version that wrote it.`);
    }
    const extra = known === null ? undefined : line.rows.flatMap((row) => Object.keys(row)).find((column) => !known.has(column));
    if (extra !== undefined) throw new DataError(`${line.file} line ${line.line} logs a column "${extra}" that the version being monitored does not read: this log is from another model's schema (${line.schemaHash}).`);
  }
  return reference;
}
