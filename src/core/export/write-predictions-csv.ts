// Predictions as CSV: the input columns as the importer reads them back (write-csv.ts), then the prediction
// columns — `prediction` (the class label, or the value), one `proba_<class>` per class, or `cluster`.

import { createCsvWriter, type CsvWriter } from '../csv/write-csv';
import type { Table } from '../table/types';
import type { ScoredTable } from './predict-table';

const NEEDS_QUOTES = /[",\n\r]|^\s|\s$/;

/** The whole CSV text: a header line, then one line per input row (empty cells where a row was not scored). */
export function writePredictionsCsv(input: Table, scored: ScoredTable): string {
  const writer = createPredictionsCsvWriter(input, scored);
  return writer.header + writer.rows(0, input.rowCount);
}

/** A writer of `input` with `scored`'s columns appended, row slice by row slice (score.mjs writes chunk by chunk). */
export function createPredictionsCsvWriter(input: Table, scored: ScoredTable): CsvWriter {
  const base = createCsvWriter(input);
  const taken = new Set(input.columns.map((column) => column.name));
  const outputs = listOutputColumns(scored).map(({ name, cell }) => ({ name: claimName(name, taken), cell }));
  const header = joinLine(base.header, outputs.map((o) => quote(o.name)).join(','));
  return {
    header,
    rows(from, to) {
      const text = base.rows(from, to);
      if (text === '') return '';
      const lines = text.slice(0, -1).split('\n');
      // A quoted input cell may hold a line break: lines and rows then differ, so rows are cut by row count instead.
      const rowLines = lines.length === Math.min(to, input.rowCount) - from ? lines : splitRows(text);
      return `${rowLines.map((line, i) => `${line},${outputs.map((o) => o.cell(from + i)).join(',')}`).join('\n')}\n`;
    },
  };
}

function listOutputColumns(scored: ScoredTable): { name: string; cell: (row: number) => string }[] {
  const { prediction, probabilities, classes, label, clusters } = scored;
  if (clusters) return [{ name: 'cluster', cell: (row) => (clusters[row] < 0 ? '' : String(clusters[row])) }];
  if (classes !== null && label !== null) {
    const count = classes.length;
    const probaColumns = probabilities === null ? [] : classes.map((c, k) => ({ name: `proba_${c}`, cell: (row: number) => writeNumber(probabilities[row * count + k]) }));
    return [{ name: 'prediction', cell: (row: number) => (label[row] === null ? '' : quote(label[row] as string)) }, ...probaColumns];
  }
  return [{ name: 'prediction', cell: (row) => (prediction === null ? '' : writeNumber(prediction[row])) }];
}

function writeNumber(value: number): string {
  return Number.isNaN(value) ? '' : String(value);
}

/** `name`, or `name_2`, `name_3`… when the input already has a column by that name. */
function claimName(name: string, taken: Set<string>): string {
  let chosen = name;
  for (let i = 2; taken.has(chosen); i++) chosen = `${name}_${i}`;
  taken.add(chosen);
  return chosen;
}

function joinLine(line: string, extra: string): string {
  return `${line.slice(0, -1)},${extra}\n`;
}

/** CSV text cut into its rows (line breaks inside quotes kept). */
function splitRows(text: string): string[] {
  const rows: string[] = [];
  let start = 0, quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '"') quoted = !quoted;
    else if (c === '\n' && !quoted) {
      rows.push(text.slice(start, i));
      start = i + 1;
    }
  }
  return rows;
}

function quote(field: string): string {
  return NEEDS_QUOTES.test(field) ? `"${field.replaceAll('"', '""')}"` : field;
}
