// ONNX forms of the steps that reshape the table rather than map numbers: drop, cast, derive, and the row steps as
// transformTable runs them when scoring — filter removes rows (Compress on every column), dedupe and resample do nothing.

import { ExportError } from '../../../errors';
import type { ColumnKind } from '../../../table/types';
import type { CastStep, DedupeStep, DeriveStep, DropStep, FilterStep, ResampleStep, ResolvedStep } from '../../../transform/step-types';
import type { CastState } from '../../../transform/steps/cast';
import type { OnnxGraphBuilder } from '../graph-builder';
import { compileExpression } from './export-expression';
import { constantDouble, constantString, emit, emitWhere } from './onnx-ops';
import { createUnsupportedError, replaceOnnxColumns, requireOnnxColumn, type OnnxColumn, type OnnxColumns, type StepExporter } from './step-exporter';

/** Drop: the named columns leave the table. */
export const exportDrop: StepExporter<ResolvedStep<DropStep>, null> = (_builder, step, _state, columns) => {
  // A column the pipeline only drops is not a graph input (the contract leaves it out): nothing to remove.
  return replaceOnnxColumns(columns, new Map(step.columns.filter((name) => columns.has(name)).map((name) => [name, []])));
};

/** Dedupe and resample touch training rows only: at scoring they add nothing. */
export const exportNothing: StepExporter<ResolvedStep<DedupeStep> | ResampleStep, null> = (_builder, _step, _state, columns) => columns;

/** Cast: the conversions convertColumn makes that ONNX can reproduce; number ↔ text formatting and text parsing cannot. */
export const exportCast: StepExporter<ResolvedStep<CastStep>, CastState | null> = (builder, step, state, columns) => {
  const replacements = new Map<string, [string, OnnxColumn][]>();
  const learnt = new Map(state?.levels ?? []);
  for (const name of step.columns) {
    const column = requireOnnxColumn(step, columns, name);
    const levels = learnt.get(name) ?? null;
    if (column.kind === step.to && levels === null) continue;
    // A cast to categories codes by the levels learnt on the training rows (pipelines fitted before: by the batch, unknown here).
    const cast = column.kind === step.to ? column : castColumn(builder, step, name, column, step.to);
    replacements.set(name, [[name, levels !== null ? { ...cast, levels } : cast]]);
  }
  return replaceOnnxColumns(columns, replacements);
};

function castColumn(builder: OnnxGraphBuilder, step: ResolvedStep<CastStep>, name: string, column: OnnxColumn, to: ColumnKind): OnnxColumn {
  const from = column.kind;
  const nan = () => constantDouble(builder, NaN, 'nan');
  const isText = (kind: ColumnKind) => kind === 'categorical' || kind === 'text';
  // Levels null here: exportCast sets the ones learnt on the training rows where the fitted step has them.
  const withKind = (tensor: string): OnnxColumn => (to === 'categorical' ? { tensor, kind: to, levels: null } : { tensor, kind: to });
  if ((from === 'numeric' && to === 'datetime') || (from === 'datetime' && to === 'numeric')) return { tensor: column.tensor, kind: to };
  if (isText(from) && isText(to)) return withKind(column.tensor);
  if (from === 'numeric' && to === 'boolean') {
    // String(x) is '1' or '0' only for 1 and ±0; every other number fails to read as a boolean → missing.
    const zero = emitWhere(builder, emit(builder, 'Equal', [column.tensor, constantDouble(builder, 0)], 'is_0'), constantDouble(builder, 0), nan(), 'zero');
    return { tensor: emitWhere(builder, emit(builder, 'Equal', [column.tensor, constantDouble(builder, 1)], 'is_1'), constantDouble(builder, 1), zero, `${name}_bool`), kind: 'boolean' };
  }
  if ((from === 'boolean' && (to === 'numeric' || to === 'datetime')) || (from === 'datetime' && to === 'boolean')) {
    // 'true'/'false' are not numbers or dates, and ISO dates are not booleans: every value becomes missing.
    return { tensor: emitWhere(builder, emit(builder, 'IsNaN', [column.tensor], 'is_nan'), nan(), nan(), `${name}_missing`), kind: to };
  }
  if (from === 'boolean' && isText(to)) {
    const word = emitWhere(builder, emit(builder, 'Equal', [column.tensor, constantDouble(builder, 1)], 'is_true'), constantString(builder, 'true'), constantString(builder, 'false'), 'word');
    return withKind(emitWhere(builder, emit(builder, 'IsNaN', [column.tensor], 'is_nan'), constantString(builder, ''), word, `${name}_text`));
  }
  const why = isText(to)
    ? `it writes ${from} values as text the way JavaScript formats them, which ONNX's Cast does not reproduce; encode '${name}' with bin or keep it ${from}.`
    : `it parses text of '${name}' as ${to} (JavaScript's number/date/boolean spellings, trimming), which ONNX cannot reproduce; convert the column in the Data cell before the pipeline.`;
  throw createUnsupportedError(step, why);
}

/** Derive: the compiled expression, appended under its name. */
export const exportDerive: StepExporter<DeriveStep, null> = (builder, step, _state, columns) => {
  if (columns.has(step.name)) throw new ExportError(`Step '${step.id}' (derive) would create column '${step.name}', which already exists (the studio rejects this too).`);
  const value = compileExpression({ builder, columns, source: step.expression, stepLabel: `Step '${step.id}' (derive)` });
  return replaceOnnxColumns(columns, new Map(), [[step.name, { tensor: value.tensor, kind: value.kind }]]);
};

/** Filter: rows where the expression is true (missing counts as false) are kept in every column — the graph's row count shrinks. */
export const exportFilter: StepExporter<FilterStep, null> = (builder, step, _state, columns) => {
  const value = compileExpression({ builder, columns, source: step.expression, stepLabel: `Step '${step.id}' (filter)` });
  if (value.kind !== 'boolean') throw createUnsupportedError(step, `the filter expression gives ${value.kind} values; it must give true/false (the studio rejects this too).`);
  const keepColumn = emit(builder, 'Equal', [value.tensor, constantDouble(builder, 1)], 'keep');
  const keep = emit(builder, 'Reshape', [keepColumn, builder.constant('flat', { type: 'int64', dims: [1], values: [-1n] })], 'keep_rows');
  const out = new Map<string, OnnxColumn>();
  for (const [name, column] of columns) out.set(name, { ...column, tensor: emit(builder, 'Compress', [column.tensor, keep], `${name}_kept`, { axis: { i: 0 } }) });
  return out satisfies OnnxColumns;
};
