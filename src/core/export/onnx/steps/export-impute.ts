// ONNX form of the impute step: missing (NaN or "") → the fitted fill, plus the optional `<name>_missing` 0/1 column.
// A categorical fill that is not one of the column's levels is appended to them, as fillColumn does.

import { decodeNumber, type JsonNumber } from '../../../transform/json-number';
import type { ImputeState } from '../../../transform/steps/impute';
import type { ImputeStep, ResolvedStep } from '../../../transform/step-types';
import { castToDouble, constantDouble, constantString, emitIsMissing, emitWhere } from './onnx-ops';
import { elementTypeOf, replaceOnnxColumns, requireOnnxColumn, type OnnxColumn, type StepExporter } from './step-exporter';

/** Impute: the fill replaces missing values; the indicator (when fitted) follows the column. */
export const exportImpute: StepExporter<ResolvedStep<ImputeStep>, ImputeState> = (builder, step, state, columns) => {
  const replacements = new Map<string, [string, OnnxColumn][]>();
  for (const { name, fill, indicator } of state.columns) {
    const column = requireOnnxColumn(step, columns, name);
    const type = elementTypeOf(column.kind);
    const missing = emitIsMissing(builder, column.tensor, type, `${name}_is_missing`);
    const fillTensor = readFill(builder, column, fill);
    const filled: OnnxColumn = { ...column, tensor: emitWhere(builder, missing, fillTensor, column.tensor, `${name}_imputed`) };
    if (column.kind === 'categorical' && column.levels && !column.levels.includes(String(fill))) filled.levels = [...column.levels, String(fill)];
    const out: [string, OnnxColumn][] = [[name, filled]];
    if (indicator) out.push([`${name}_missing`, { tensor: castToDouble(builder, missing, `${name}_missing`), kind: 'numeric' }]);
    replacements.set(name, out);
  }
  return replaceOnnxColumns(columns, replacements);
};

/** The fill as a scalar of the column's element type: numbers decoded, booleans 'true'/'false' → 1/0, labels as they are. */
function readFill(builder: Parameters<typeof constantDouble>[0], column: OnnxColumn, fill: JsonNumber | string): string {
  if (column.kind === 'numeric' || column.kind === 'datetime') return constantDouble(builder, decodeNumber(fill as JsonNumber), 'fill');
  if (column.kind === 'boolean') return constantDouble(builder, fill === 'true' ? 1 : 0, 'fill');
  return constantString(builder, String(fill), 'fill');
}
