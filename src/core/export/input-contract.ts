// A run's input contract: the raw columns its pipeline reads, as they were in the training rows — kind, category
// levels in the code order the model was trained with (and how often each occurred in training), observed range,
// missing count, and for numbers and dates a seeded sample of training values (the drift reference). Scoring new
// data checks a file against it and re-codes its categories onto these levels; the exported bundle ships it as
// schema.json; monitoring reads it as the reference.

import type { FittedPipeline } from '../transform/fitted-types';
import type { Column, RowIndices, Table } from '../table/types';
import { BOOLEAN_MISSING } from '../table/types';
import { ExportError } from '../errors';
import { parseExpression, type ExpressionNode } from '../expression/parse';
import { createRandom } from '../random/prng';
import { sampleRows } from '../random/sample-rows';

export const INPUT_CONTRACT_FORMAT_VERSION = 1;

/** The most training values a numeric or date column keeps as its drift reference. */
export const REFERENCE_SAMPLE_SIZE = 1_000;
/** The seed of every reference sample: the same training rows give the same sample in every run. */
export const REFERENCE_SAMPLE_SEED = 20_251_215;

/**
 * The drift reference of a numeric or date column: up to REFERENCE_SAMPLE_SIZE present training values drawn
 * without replacement by a seeded sample (sampleRows), ascending, NaN never included (epoch ms for dates). A
 * random sample rather than quantiles, so that the two-sample KS p-value computed against it is a valid test (its n
 * is the sample's size) and Wasserstein is the distance to an honest draw of the training distribution.
 */
export interface NumericReference {
  readonly sample: readonly number[];
}

interface ColumnBase {
  readonly name: string;
  /** Training rows where the value was missing. */
  readonly missing: number;
}

export type ContractColumn =
  | (ColumnBase & {
      readonly kind: 'numeric' | 'datetime';
      readonly min: number | null;
      readonly max: number | null;
      /** Absent in contracts recorded before drift monitoring (such a version cannot be monitored on this column). */
      readonly reference?: NumericReference;
    })
  | (ColumnBase & {
      readonly kind: 'categorical';
      /** Every level in code order (code i = levels[i]): the model's category codes index this list. */
      readonly levels: readonly string[];
      /** Training rows per level (0: the level exists in the dataset but never occurred in a training row). */
      readonly counts: readonly number[];
    })
  | (ColumnBase & { readonly kind: 'boolean'; readonly trueCount: number; readonly falseCount: number })
  | (ColumnBase & { readonly kind: 'text' });

export interface InputContract {
  readonly formatVersion: 1;
  /** The columns the pipeline reads, in its order (every one must be present to score). */
  readonly columns: readonly ContractColumn[];
  /** The target the run predicts (null for clustering); never an input. */
  readonly target: { readonly name: string; readonly classes: readonly string[] | null } | null;
  readonly trainRowCount: number;
}

/**
 * The contract of a run whose pipeline is `pipeline` and whose model reads `featureNames`, measured on `trainRows`
 * of `table` (the table it was trained from). Only the columns a step or the model reads are in it: a column the
 * pipeline only drops, or one the model cannot use (free text), need not be in a file to score.
 */
export function deriveInputContract(table: Table, trainRows: RowIndices, pipeline: FittedPipeline, featureNames: readonly string[], target: { name: string; classes: readonly string[] | null } | null): InputContract {
  const byName = new Map(table.columns.map((column) => [column.name, column]));
  const read = listReadColumns(pipeline, featureNames);
  const columns = pipeline.inputColumns
    .filter((input) => input.name !== target?.name && read.has(input.name))
    .map((input) => {
      const column = byName.get(input.name);
      if (!column) throw new ExportError(`The run reads a column "${input.name}" that the table does not have; retrain the run on this dataset.`);
      if (column.kind !== input.kind) throw new ExportError(`The run read "${input.name}" as ${input.kind}, but the table has it as ${column.kind}; set its type back in the Data cell or retrain.`);
      return describeContractColumn(column, trainRows);
    });
  return { formatVersion: INPUT_CONTRACT_FORMAT_VERSION, columns, target: target ? { name: target.name, classes: target.classes } : null, trainRowCount: trainRows.length };
}

/** The raw columns some step reads (a drop only removes, dedupe and resample touch training rows) or the model reads as they are. */
function listReadColumns(pipeline: FittedPipeline, featureNames: readonly string[]): Set<string> {
  const read = new Set<string>();
  const derived = new Set<string>();
  const readRaw = (name: string) => void (derived.has(name) || read.add(name));
  for (const { spec } of pipeline.steps) {
    if (spec.kind === 'derive' || spec.kind === 'filter') listExpressionColumns(spec.expression).forEach(readRaw);
    else if ('columns' in spec && spec.kind !== 'drop') spec.columns.forEach(readRaw);
    if (spec.kind === 'derive') derived.add(spec.name);
  }
  featureNames.forEach(readRaw);
  return read;
}

/** Every column an expression names. */
function listExpressionColumns(source: string): string[] {
  const names: string[] = [];
  const visit = (node: ExpressionNode): void => {
    if (node.type === 'column') names.push(node.name);
    else if (node.type === 'unary') visit(node.operand);
    else if (node.type === 'binary') { visit(node.left); visit(node.right); }
    else if (node.type === 'call') node.args.forEach(visit);
  };
  visit(parseExpression(source));
  return names;
}

function describeContractColumn(column: Column, rows: RowIndices): ContractColumn {
  switch (column.kind) {
    case 'numeric':
    case 'datetime': {
      let min = Infinity, max = -Infinity;
      const present: number[] = [];
      for (const row of rows) {
        const value = column.values[row];
        if (Number.isNaN(value)) continue;
        present.push(value);
        if (value < min) min = value;
        if (value > max) max = value;
      }
      const picked = sampleRows(present.length, REFERENCE_SAMPLE_SIZE, createRandom(REFERENCE_SAMPLE_SEED));
      const sample = Array.from(picked, (at) => present[at]).sort((a, b) => a - b);
      return {
        name: column.name, kind: column.kind, missing: rows.length - present.length,
        min: min === Infinity ? null : min, max: max === -Infinity ? null : max, reference: { sample },
      };
    }
    case 'categorical': {
      const counts = new Array<number>(column.levels.length).fill(0);
      let missing = 0;
      for (const row of rows) {
        const code = column.codes[row];
        if (code < 0) missing++;
        else counts[code]++;
      }
      return { name: column.name, kind: 'categorical', missing, levels: [...column.levels], counts };
    }
    case 'boolean': {
      let trueCount = 0, falseCount = 0, missing = 0;
      for (const row of rows) {
        const value = column.values[row];
        if (value === BOOLEAN_MISSING) missing++;
        else if (value === 1) trueCount++;
        else falseCount++;
      }
      return { name: column.name, kind: 'boolean', missing, trueCount, falseCount };
    }
    case 'text': {
      let missing = 0;
      for (const row of rows) if (column.missing[row] === 1) missing++;
      return { name: column.name, kind: 'text', missing };
    }
  }
}
