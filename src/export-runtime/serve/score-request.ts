// POST /predict's body: JSON { "rows": [...] } or text/csv read once into a PredictInput, then scored by one version
// (or two: a shadow scores the same input). Refusals are 4xx HttpErrors naming the row and column, with a reason.

import type { IncomingMessage } from 'node:http';
import { cellsToTable, createCsvRowStream, InvalidRowsError, toPrediction, type Prediction, type Predictor } from '../predict';
import { HttpError, parseJsonBody, readBody, readContentType } from './read-request';

export type PredictInput =
  | { kind: 'json'; rows: Record<string, unknown>[] }
  | { kind: 'csv'; header: readonly string[]; cells: string[][] };

/** The request's rows, not yet checked against any schema. */
export async function readPredictInput(request: IncomingMessage, maxBodyBytes: number): Promise<PredictInput> {
  const type = readContentType(request);
  if (type !== 'application/json' && type !== 'text/csv') throw new HttpError(415, `Send application/json ({"rows": [...]}) or text/csv, not "${type || 'no content type'}".`, {}, 'content_type');
  const text = await readBody(request, maxBodyBytes);
  if (type === 'text/csv') {
    const cells: string[][] = [];
    const stream = createCsvRowStream((rows) => {
      for (const row of rows) cells.push(row);
    });
    try {
      stream.feed(text);
      return { kind: 'csv', header: stream.finish(), cells };
    } catch (error) {
      throw new HttpError(400, (error as Error).message, {}, 'bad_shape');
    }
  }
  const parsed = parseJsonBody(text);
  const rows = (parsed as { rows?: unknown } | null)?.rows;
  if (typeof parsed !== 'object' || parsed === null || !Array.isArray(rows)) throw new HttpError(400, 'Send a JSON object with "rows": an array of objects, one per row.', {}, 'bad_shape');
  return { kind: 'json', rows: rows as Record<string, unknown>[] };
}

export function countInputRows(input: PredictInput): number {
  return input.kind === 'json' ? input.rows.length : input.cells.length;
}

/** `predictor`'s answer for `input`; a 422 HttpError for missing columns, unreadable values or (unless allowed) unseen categories. */
export async function scorePredictInput(input: PredictInput, predictor: Predictor, allowUnseen: boolean): Promise<Prediction> {
  if (input.kind === 'json') {
    try {
      return await predictor.predict(input.rows, { allowUnseen });
    } catch (error) {
      if (!(error instanceof InvalidRowsError)) throw error;
      const reason = error.missingColumns.length > 0 ? 'missing_column' : error.unseenCategories.length > 0 ? 'unseen_category' : 'type';
      throw new HttpError(422, error.message, { problems: error.problems, missingColumns: error.missingColumns, unseenCategories: error.unseenCategories }, reason);
    }
  }
  const present = new Set(input.header);
  const missingColumns = predictor.schema.columns.map((c) => c.name).filter((name) => !present.has(name));
  if (missingColumns.length > 0) {
    throw new HttpError(422, `Missing column${missingColumns.length === 1 ? '' : 's'} ${missingColumns.map((n) => `"${n}"`).join(', ')} in the CSV header: the model reads ${missingColumns.length === 1 ? 'it' : 'them'} (see schema.json).`, { missingColumns }, 'missing_column');
  }
  const scored = await predictor.predictTable(cellsToTable(input.header, input.cells));
  const failed = scored.report.typeChanges.filter((change) => change.failures > 0);
  if (failed.length > 0) throw new HttpError(422, `Values that cannot be read: ${failed.map((f) => `column "${f.column}": ${f.failures} value(s) are not ${f.expected}`).join('; ')}.`, { typeErrors: failed }, 'type');
  const unseen = scored.report.unseenCategories;
  if (!allowUnseen && unseen.length > 0) {
    throw new HttpError(422, `Categories never seen in training: ${unseen.map((u) => `"${u.column}": ${u.values.map((v) => JSON.stringify(v)).join(', ')}`).join('; ')}. Send known categories, or start the server with ALLOW_UNSEEN=1.`, { unseenCategories: unseen }, 'unseen_category');
  }
  return toPrediction(scored);
}

/** The input rows as the log keeps them: only `fields` (the schema's columns, or the --log-fields allow-list). */
export function selectLoggedRows(input: PredictInput, fields: readonly string[]): Record<string, unknown>[] {
  if (input.kind === 'json') {
    return input.rows.map((row) => {
      const kept: Record<string, unknown> = {};
      for (const field of fields) if (Object.hasOwn(row, field)) kept[field] = row[field];
      return kept;
    });
  }
  const positions = fields.map((field) => [field, input.header.indexOf(field)] as const).filter(([, at]) => at >= 0);
  return input.cells.map((cells) => Object.fromEntries(positions.map(([field, at]) => [field, cells[at] === undefined || cells[at] === '' ? null : cells[at]])));
}
