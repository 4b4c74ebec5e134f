// The contract every step exporter implements: the columns as they are before the step (tensors, in table order)
// in, the columns after it out — the ONNX mirror of a step's `apply` in 'transform' mode.

import { ExportError } from '../../../errors';
import type { ColumnKind } from '../../../table/types';
import type { FittedStep } from '../../../transform/fitted-types';
import type { OnnxGraphBuilder } from '../graph-builder';

/**
 * One column as an ONNX tensor [N, 1]: numeric, datetime (epoch ms) and boolean (0/1) as double with NaN missing;
 * categorical and text as string with "" missing. `levels` (categorical only): the levels in code order the studio's
 * column would have at transform time; null when those depend on the rows being transformed (a cast to categorical).
 */
export interface OnnxColumn {
  tensor: string;
  kind: ColumnKind;
  levels?: readonly string[] | null;
}

/** Columns by name, in table order. */
export type OnnxColumns = ReadonlyMap<string, OnnxColumn>;

/** Exports one fitted step: returns the columns after it (the input map is never changed). */
export type StepExporter<S, State = null> = (builder: OnnxGraphBuilder, step: S, state: State, columns: OnnxColumns) => OnnxColumns;

/** The ONNX element type of a column kind. */
export function elementTypeOf(kind: ColumnKind): 'double' | 'string' {
  return kind === 'categorical' || kind === 'text' ? 'string' : 'double';
}

/** The named column, or an ExportError naming the step and column (a column the scoring inputs do not carry, e.g. the target). */
export function requireOnnxColumn(step: Pick<FittedStep['spec'], 'id' | 'kind'>, columns: OnnxColumns, name: string): OnnxColumn {
  const column = columns.get(name);
  if (!column) throw new ExportError(`Step '${step.id}' (${step.kind}) reads column '${name}', which is not among the exported inputs at this point (the target, or a column the run's input contract leaves out); remove that step or the column from it and retrain.`);
  return column;
}

/** The named column, which must be numeric (as requireNumeric demands at transform time). */
export function requireOnnxNumeric(step: Pick<FittedStep['spec'], 'id' | 'kind'>, columns: OnnxColumns, name: string): OnnxColumn {
  const column = requireOnnxColumn(step, columns, name);
  if (column.kind !== 'numeric') throw new ExportError(`Step '${step.id}' (${step.kind}) needs numeric column '${name}', but it is ${column.kind} here; the studio would refuse this pipeline too — fix the step and retrain.`);
  return column;
}

/** `columns` with each name in `replacements` swapped for its list (empty: dropped), then `appended` (replaceColumns's twin). */
export function replaceOnnxColumns(columns: OnnxColumns, replacements: ReadonlyMap<string, readonly [string, OnnxColumn][]>, appended: readonly [string, OnnxColumn][] = []): OnnxColumns {
  const out = new Map<string, OnnxColumn>();
  for (const [name, column] of columns) {
    const next = replacements.get(name);
    if (next) for (const [newName, newColumn] of next) out.set(newName, newColumn);
    else out.set(name, column);
  }
  for (const [name, column] of appended) out.set(name, column);
  return out;
}

/** An ExportError for a step (or one of its options) without a faithful ONNX form. */
export function createUnsupportedError(step: Pick<FittedStep['spec'], 'id' | 'kind'>, why: string): ExportError {
  return new ExportError(`Step '${step.id}' (${step.kind}) cannot be exported to ONNX: ${why}`);
}
