// Exports a fitted pipeline as ONNX nodes: the raw input tensors go in, every step adds its nodes as its apply does
// in transformTable's 'transform' mode, and the pipeline's output columns come out — one exporter per step kind.

import { ExportError } from '../../errors';
import type { FittedPipeline } from '../../transform/fitted-types';
import type { ResolvedStep, StepKind, StepOf } from '../../transform/step-types';
import type { InputContract } from '../input-contract';
import type { OnnxGraphBuilder } from './graph-builder';
import { exportImpute } from './steps/export-impute';
import { exportOneHot, exportOrdinal, exportTargetEncode } from './steps/export-encoders';
import { exportDateParts } from './steps/export-date-parts';
import { exportBin, exportCapOutliers, exportLog1p, exportScale, exportYeoJohnson } from './steps/export-numeric-steps';
import { exportCast, exportDerive, exportDrop, exportFilter, exportNothing } from './steps/export-table-steps';
import { emitGatherDoubles, emitLabelCodes } from './steps/onnx-ops';
import type { OnnxColumn, StepExporter } from './steps/step-exporter';

export type { OnnxColumn } from './steps/step-exporter';

const EXPORTERS: { [K in StepKind]: StepExporter<ResolvedStep<StepOf<K>>, never> } = {
  drop: exportDrop,
  cast: exportCast,
  impute: exportImpute,
  scale: exportScale,
  log1p: exportLog1p,
  yeo_johnson: exportYeoJohnson,
  one_hot: exportOneHot,
  ordinal: exportOrdinal,
  target_encode: exportTargetEncode,
  bin: exportBin,
  date_parts: exportDateParts,
  derive: exportDerive,
  filter: exportFilter,
  dedupe: exportNothing,
  resample: exportNothing,
  cap_outliers: exportCapOutliers,
};

/**
 * Adds `pipeline`'s nodes to `builder`. `inputs`: raw column name → its graph input tensor (typed as the contract's
 * kind: double or string). Returns the pipeline's output columns in table order (raw columns the steps leave alone
 * included). A step without a faithful ONNX form throws an ExportError naming it; a filter step shrinks the rows.
 */
export function exportPipeline(builder: OnnxGraphBuilder, pipeline: FittedPipeline, inputs: ReadonlyMap<string, string>, contract: InputContract): Map<string, OnnxColumn> {
  let columns: ReadonlyMap<string, OnnxColumn> = new Map(
    contract.columns.map((column) => {
      const tensor = inputs.get(column.name);
      if (tensor === undefined) throw new ExportError(`The ONNX graph has no input for column '${column.name}' of the run's input contract; add one per contract column.`);
      return [column.name, column.kind === 'categorical' ? { tensor, kind: column.kind, levels: column.levels } : { tensor, kind: column.kind }];
    }),
  );
  for (const { spec, state } of pipeline.steps) {
    const exporter = EXPORTERS[spec.kind] as StepExporter<ResolvedStep, unknown>;
    columns = exporter(builder, spec, state, columns);
  }
  return new Map(columns);
}

/**
 * The [N, 1] double the model sees for `column`, as buildFeatureMatrix builds it: numeric → value, boolean → 0/1/NaN,
 * categorical → code = index into its levels (the column's own levels when the pipeline knows them, else `levels`),
 * NaN when missing or unseen. Datetime and text are never features (ExportError), nor a categorical whose levels
 * the studio takes from the rows being transformed.
 */
export function toFeatureTensor(builder: OnnxGraphBuilder, column: OnnxColumn, levels: readonly string[] | null): string {
  if (column.kind === 'numeric' || column.kind === 'boolean') return column.tensor;
  if (column.kind !== 'categorical') throw new ExportError(`A ${column.kind} column cannot be a model feature (the studio skips it too); tensor '${column.tensor}'.`);
  const codeOrder = column.levels === undefined ? levels : column.levels;
  if (!codeOrder) {
    throw new ExportError(`Categorical feature '${column.tensor}' was made by a cast whose category codes depend on the rows being scored; encode it (one-hot, ordinal) after the cast and retrain before exporting.`);
  }
  const codes = emitLabelCodes(builder, column.tensor, codeOrder, codeOrder.map((_, i) => i), -1, `Categorical feature '${column.tensor}'`);
  return emitGatherDoubles(builder, codes, [...codeOrder.map((_, i) => i), NaN], `${column.tensor}_code`);
}
