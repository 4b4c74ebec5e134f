// ONNX forms of the category encoders — one-hot, ordinal, target encoding — on labels as readCategoryLabels gives
// them (booleans as 'false'/'true'): each label → an int64 code with LabelEncoder, then codes → outputs.

import { decodeNumber, decodeNumbers } from '../../../transform/json-number';
import type { OneHotState } from '../../../transform/steps/one-hot';
import type { OrdinalState } from '../../../transform/steps/ordinal';
import type { TargetEncodeState } from '../../../transform/steps/target-encode';
import type { OneHotStep, OrdinalStep, ResolvedStep, TargetEncodeStep } from '../../../transform/step-types';
import type { OnnxGraphBuilder } from '../graph-builder';
import { castToDouble, constantDouble, constantString, emit, emitGatherDoubles, emitLabelCodes, emitWhere } from './onnx-ops';
import { createUnsupportedError, replaceOnnxColumns, requireOnnxColumn, type OnnxColumn, type OnnxColumns, type StepExporter } from './step-exporter';

type StepName = { id: string; kind: ResolvedStep['kind'] };

/** The column's labels as a string tensor ("" missing): categorical and text as they are, booleans 'false'/'true'. */
export function readLabelTensor(builder: OnnxGraphBuilder, step: StepName, columns: OnnxColumns, name: string): string {
  const column = requireOnnxColumn(step, columns, name);
  if (column.kind === 'categorical' || column.kind === 'text') return column.tensor;
  if (column.kind !== 'boolean') throw createUnsupportedError(step, `column '${name}' is ${column.kind}; encoders need a categorical, text or boolean column (the studio refuses this too).`);
  const isTrue = emit(builder, 'Equal', [column.tensor, constantDouble(builder, 1)], 'is_true');
  const word = emitWhere(builder, isTrue, constantString(builder, 'true'), constantString(builder, 'false'), 'bool_word');
  return emitWhere(builder, emit(builder, 'IsNaN', [column.tensor], 'is_nan'), constantString(builder, ''), word, `${name}_labels`);
}

/** One 0/1 column per kept slot: frequent categories, then "other"; missing → zeros, unseen → "other" or zeros. */
export const exportOneHot: StepExporter<ResolvedStep<OneHotStep>, OneHotState> = (builder, step, state, columns) => {
  const replacements = new Map<string, [string, OnnxColumn][]>();
  for (const { name, frequent, infrequent } of state.columns) {
    const hasOther = infrequent.length > 0;
    const slots = [...frequent, ...(hasOther ? ['other'] : [])];
    const unseenSlot = hasOther && step.handleUnknown === 'infrequent_if_exist' ? frequent.length : -1;
    const keys = [...frequent, ...infrequent];
    const values = keys.map((_, i) => (i < frequent.length ? i : frequent.length));
    const labels = readLabelTensor(builder, step, columns, name);
    const codes = emitLabelCodes(builder, labels, keys, values, unseenSlot, `Column '${name}' of step '${step.id}'`);
    // Missing ("") falls to the unseen code; it must stay all zeros even when unseen values go to "other".
    const missing = emit(builder, 'Equal', [labels, constantString(builder, '')], 'is_missing');
    const first = step.drop === 'first' || (step.drop === 'if_binary' && slots.length === 2) ? 1 : 0;
    const out: [string, OnnxColumn][] = [];
    for (let slot = first; slot < slots.length; slot++) {
      const hit = emit(builder, 'Equal', [codes, builder.constant('slot', { type: 'int64', dims: [], values: [BigInt(slot)] })], 'hit');
      const present = emit(builder, 'And', [hit, emit(builder, 'Not', [missing], 'present')], 'hit_present');
      out.push([`${name}=${slots[slot]}`, { tensor: castToDouble(builder, present, `${name}_${slot}`), kind: 'numeric' }]);
    }
    replacements.set(name, out);
  }
  return replaceOnnxColumns(columns, replacements);
};

/** Category → its index among the sorted training categories; missing or unseen → NaN. */
export const exportOrdinal: StepExporter<ResolvedStep<OrdinalStep>, OrdinalState> = (builder, step, state, columns) => {
  const replacements = new Map<string, [string, OnnxColumn][]>();
  for (const { name, categories } of state.columns) {
    const codes = emitLabelCodes(builder, readLabelTensor(builder, step, columns, name), categories, categories.map((_, i) => i), -1, `Column '${name}' of step '${step.id}'`);
    const table = [...categories.map((_, i) => i), NaN];
    replacements.set(name, [[name, { tensor: emitGatherDoubles(builder, codes, table, `${name}_ordinal`), kind: 'numeric' }]]);
  }
  return replaceOnnxColumns(columns, replacements);
};

/** Category → its full-training encoding (per class when the target has more than two); missing or unseen → the target mean. */
export const exportTargetEncode: StepExporter<ResolvedStep<TargetEncodeStep>, TargetEncodeState> = (builder, step, state, columns) => {
  const replacements = new Map<string, [string, OnnxColumn][]>();
  for (const { name, categories, encodings } of state.columns) {
    const codes = emitLabelCodes(builder, readLabelTensor(builder, step, columns, name), categories, categories.map((_, i) => i), -1, `Column '${name}' of step '${step.id}'`);
    const names = state.classes ? state.classes.map((c) => `${name}_te_${c}`) : [name];
    replacements.set(
      name,
      encodings.map((encoding, k) => {
        const table = [...decodeNumbers(encoding), decodeNumber(state.targetMeans[k])];
        return [names[k], { tensor: emitGatherDoubles(builder, codes, table, `${name}_te`), kind: 'numeric' }];
      }),
    );
  }
  return replaceOnnxColumns(columns, replacements);
};
