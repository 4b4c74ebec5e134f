// An ensemble run as one ONNX graph against the studio: members trained on the samples, blended, scored on held-out
// rows by predictTable (the studio's path) and by ONNX Runtime.

import { describe, expect, it } from 'vitest';
import { trainEnsembleOnSample, type Sample } from '../../models/ensemble/fixtures/train-ensemble';
import type { Hyperparameters } from '../../models/types';
import { readColumnTexts } from '../../table/column-texts';
import { BOOLEAN_MISSING, type Table } from '../../table/types';
import { takeRows } from '../../transform/take-rows';
import type { InputContract } from '../input-contract';
import { predictTable } from '../predict-table';
import { exportOnnx } from './export-onnx';
import { measureLargestError, runOnnxColumns, type OnnxFeed } from './fixtures/onnx-runtime';

/** One [N, 1] feed per contract column (doubles, booleans 0/1/NaN, strings "" missing). */
function feedContract(table: Table, contract: InputContract): Record<string, OnnxFeed> {
  return Object.fromEntries(contract.columns.map((c) => {
    const column = table.columns.find((t) => t.name === c.name)!;
    if (column.kind === 'numeric' || column.kind === 'datetime') return [c.name, Float64Array.from(column.values)];
    if (column.kind === 'boolean') return [c.name, Float64Array.from(column.values, (v) => (v === BOOLEAN_MISSING ? NaN : v))];
    return [c.name, readColumnTexts(column, table.rowCount).map((t) => t ?? '')];
  }));
}

const CASES: [Sample, [string, Hyperparameters][], number[]][] = [
  ['penguins', [['logistic_regression', {}], ['random_forest', { nEstimators: 10 }], ['knn', { k: 5 }]], [0.5, 0.3, 0.2]],
  ['cars', [['linear_regression', {}], ['gradient_boosting', { maxIter: 30 }]], [0.4, 0.6]],
];

describe('exportOnnx of an ensemble run', () => {
  it.each(CASES)('%s: the weighted blend in ONNX equals the studio', async (sample, families, weights) => {
    const { table, parts, run } = await trainEnsembleOnSample(sample, families, weights);
    const contract = run.inputContract as InputContract;
    const rows = takeRows(table, parts.validation);
    const exported = exportOnnx(run, contract);
    const studio = await predictTable(run, contract, rows);
    const onnx = await runOnnxColumns(exported.bytes, feedContract(rows, contract));
    expect(exported.inputs.map((i) => i.name)).toEqual(contract.columns.map((c) => c.name));
    if (run.task === 'regression') {
      expect(exported.outputs).toEqual([{ name: 'prediction', type: 'double', shape: ['N', 1] }]);
      expect(measureLargestError(onnx.prediction.data, studio.prediction!)).toBeLessThanOrEqual(1e-5);
      return;
    }
    expect(exported.outputs.map((o) => o.name)).toEqual(['label', 'probabilities']);
    expect(onnx.label.data).toEqual(studio.label);
    expect(measureLargestError(onnx.probabilities.data, studio.probabilities!)).toBeLessThanOrEqual(1e-5);
  }, 60_000);

  it('refuses members that filter rows differently, saying why', async () => {
    const { run } = await trainEnsembleOnSample('cars', [['linear_regression', {}], ['mean', {}]], [0.5, 0.5]);
    const state = run.model.state as { members: { pipeline: { steps: unknown[] } }[] };
    const filter = { spec: { kind: 'filter', id: 'f', expression: 'Cylinders > 4' }, state: null };
    const members = state.members.map((m, i) => (i === 0 ? { ...m, pipeline: { ...m.pipeline, steps: [filter, ...m.pipeline.steps] } } : m));
    expect(() => exportOnnx({ ...run, model: { ...run.model, state: { members } } }, run.inputContract!)).toThrow(/filter rows differently/);
  }, 60_000);
});
