// A stored run's predictions on a table, as the Predict cell shows them: the input checked against the run's
// contract, a preview table (the first rows: predictions first, then the input's columns), the whole result as CSV
// text parts (the adapter makes a Blob of them) and a short summary of what was predicted.

import { ExportError } from '../errors';
import type { Column, Table } from '../table/types';
import { takeRows } from '../transform/take-rows';
import type { TrainedRun } from '../train/types';
import type { ContractReport } from './check-contract';
import { createPredictionsCsvWriter, predictTable, type ScoredTable } from './predict-table';

/** Rows of the preview table the cell shows (the CSV has every row). */
export const PREVIEW_ROWS = 1000;
const CSV_PART_ROWS = 20_000;

/** What was predicted, in a line or two: label counts (classes, clusters) or the spread of a number. */
export type PredictionSummary =
  | { readonly kind: 'labels'; readonly counts: readonly { readonly label: string; readonly rows: number }[]; readonly missing: number }
  | { readonly kind: 'numbers'; readonly mean: number | null; readonly min: number | null; readonly max: number | null; readonly missing: number };

export interface ScoredRows {
  readonly rowCount: number;
  readonly report: ContractReport;
  readonly preview: Table;
  /** The CSV file (input columns, then predictions and probabilities): the header, then parts of 20,000 rows. */
  readonly csvParts: string[];
  readonly summary: PredictionSummary;
}

/** `run` scores `table` (only `rows` of it when given); a run trained before contracts were recorded cannot. */
export async function scoreRowsForView(run: TrainedRun, table: Table, rows: Uint32Array | null, signal?: AbortSignal): Promise<ScoredRows> {
  const contract = run.inputContract;
  if (!contract) throw new ExportError(`The run "${run.label}" was trained before ML Studio recorded the columns a run reads; train it again to score new data with it.`);
  const input = rows ? takeRows(table, rows) : table;
  const scored = await predictTable(run, contract, input, signal);
  const preview = buildPreview(input, scored);
  return { rowCount: input.rowCount, report: scored.report, preview, csvParts: writeCsvParts(input, scored), summary: summarizePredictions(scored) };
}

/** The predictions CSV in parts of CSV_PART_ROWS rows (one string of a million rows would be hundreds of MB at once). */
function writeCsvParts(input: Table, scored: ScoredTable): string[] {
  const writer = createPredictionsCsvWriter(input, scored);
  const parts = [writer.header];
  for (let from = 0; from < input.rowCount; from += CSV_PART_ROWS) parts.push(writer.rows(from, Math.min(input.rowCount, from + CSV_PART_ROWS)));
  return parts;
}

/** The first PREVIEW_ROWS rows: the prediction columns, then every input column. */
function buildPreview(input: Table, scored: ScoredTable): Table {
  const count = Math.min(PREVIEW_ROWS, input.rowCount);
  const first = Uint32Array.from({ length: count }, (_, i) => i);
  const shown = takeRows(input, first);
  const taken = new Set(shown.columns.map((c) => c.name));
  const predicted = listPredictionColumns(scored, count).map((column) => renameClear(column, taken));
  return { rowCount: count, columns: [...predicted, ...shown.columns] };
}

function listPredictionColumns(scored: ScoredTable, count: number): Column[] {
  const columns: Column[] = [];
  if (scored.label && scored.classes) {
    const index = new Map(scored.classes.map((label, i) => [label, i]));
    const codes = Int32Array.from({ length: count }, (_, r) => index.get(scored.label?.[r] ?? '') ?? -1);
    columns.push({ kind: 'categorical', name: 'prediction', codes, levels: [...scored.classes] });
  }
  if (scored.prediction && !scored.label && !scored.clusters) columns.push({ kind: 'numeric', name: 'prediction', values: Float64Array.from(scored.prediction.subarray(0, count)) });
  if (scored.clusters) columns.push({ kind: 'numeric', name: 'cluster', values: Float64Array.from(scored.clusters.subarray(0, count)) });
  if (scored.probabilities && scored.classes) {
    const classCount = scored.classes.length;
    scored.classes.forEach((label, c) => {
      const values = Float64Array.from({ length: count }, (_, r) => scored.probabilities?.[r * classCount + c] ?? NaN);
      columns.push({ kind: 'numeric', name: `proba_${label}`, values });
    });
  }
  return columns;
}

/** `column` under a name no input column has (an input column called "prediction" keeps its name). */
function renameClear(column: Column, taken: Set<string>): Column {
  let name = column.name;
  while (taken.has(name)) name = `${name} ↦`;
  taken.add(name);
  return { ...column, name };
}

function summarizePredictions(scored: ScoredTable): PredictionSummary {
  if (scored.label) {
    const counts = new Map<string, number>();
    let missing = 0;
    for (const label of scored.label) {
      if (label === null) missing++;
      else counts.set(label, (counts.get(label) ?? 0) + 1);
    }
    return { kind: 'labels', counts: [...counts].map(([label, rows]) => ({ label, rows })).sort((a, b) => b.rows - a.rows), missing };
  }
  const values = scored.prediction ?? (scored.clusters ? Float64Array.from(scored.clusters) : new Float64Array(0));
  if (scored.clusters) {
    const counts = new Map<string, number>();
    for (const value of values) counts.set(String(value), (counts.get(String(value)) ?? 0) + 1);
    return { kind: 'labels', counts: [...counts].map(([label, rows]) => ({ label: `cluster ${label}`, rows })).sort((a, b) => b.rows - a.rows), missing: 0 };
  }
  let sum = 0, n = 0, min = Infinity, max = -Infinity;
  for (const value of values) {
    if (Number.isNaN(value)) continue;
    sum += value;
    n++;
    if (value < min) min = value;
    if (value > max) max = value;
  }
  return { kind: 'numbers', mean: n ? sum / n : null, min: n ? min : null, max: n ? max : null, missing: values.length - n };
}
