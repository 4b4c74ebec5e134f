import { describe, expect, it } from 'vitest';
import { categoricalColumn, numericColumn, tableOf } from '../../test-support/table-builders';
import type { ProblemSpec } from '../problem/types';
import type { PipelineStep } from '../transform/step-types';
import { prepareTrainingData } from './prepare-training-data';

const PROBLEM: ProblemSpec = { target: 'y', task: 'binary', primaryMetric: 'accuracy', secondaryMetrics: [] };
const TABLE = tableOf(
  numericColumn('x', [1, null, 3, 10, null, 20]),
  categoricalColumn('y', ['no', 'yes', 'no', 'yes', 'no', null]),
);
const IMPUTE: PipelineStep[] = [{ kind: 'impute', id: 'i1', columns: ['x'], strategy: 'mean' }];

describe('prepareTrainingData', () => {
  it('fits the imputer on the training rows only and fills validation rows with the training mean', () => {
    const data = prepareTrainingData(TABLE, { train: Uint32Array.of(0, 1, 2), validation: Uint32Array.of(3, 4, 5) }, { steps: IMPUTE, problem: PROBLEM, needs: null });
    expect(data.fitted.steps).toEqual([{ spec: IMPUTE[0], state: { columns: [{ name: 'x', fill: 2, indicator: false }] } }]);
    expect(data.train).toEqual({
      X: { values: new Float64Array([1, 2, 3]), rows: 3, cols: 1, featureNames: ['x'], categorical: [false] },
      y: { values: new Float64Array([0, 1, 0]), classes: ['no', 'yes'] },
    });
    // Row 5 has no target: it cannot be scored and is left out.
    expect(data.validation).toEqual({
      X: { values: new Float64Array([10, 2]), rows: 2, cols: 1, featureNames: ['x'], categorical: [false] },
      y: { values: new Float64Array([1, 0]), classes: ['no', 'yes'] },
    });
  });

  it('never scales a numeric target that a column rule would pick', () => {
    const table = tableOf(numericColumn('x', [1, 3, 5, 7]), numericColumn('y', [10, 20, 30, 40]));
    const scale: PipelineStep[] = [{ kind: 'scale', id: 's', columns: { rule: 'numeric' }, method: 'minmax' }];
    const data = prepareTrainingData(table, { train: Uint32Array.of(0, 1, 2), validation: Uint32Array.of(3) }, { steps: scale, problem: { ...PROBLEM, task: 'regression' }, needs: null });
    expect({ spec: data.fitted.steps[0].spec, X: Array.from(data.train.X.values), y: Array.from(data.train.y.values) }).toEqual({
      spec: { kind: 'scale', id: 's', columns: ['x'], method: 'minmax' }, X: [0, 0.5, 1], y: [10, 20, 30],
    });
  });

  it('refuses a training part with one class, naming it', () => {
    expect(() => prepareTrainingData(TABLE, { train: Uint32Array.of(0, 2), validation: Uint32Array.of(1) }, { steps: IMPUTE, problem: PROBLEM, needs: null }))
      .toThrow(expect.objectContaining({ name: 'TrainingError', message: expect.stringContaining('only one class of "y" (no)') }));
  });

  it('refuses a validation class that no training row has', () => {
    const table = tableOf(numericColumn('x', [1, 2, 3, 4]), categoricalColumn('y', ['a', 'b', 'a', 'c']));
    expect(() => prepareTrainingData(table, { train: Uint32Array.of(0, 1, 2), validation: Uint32Array.of(3) }, { steps: [], problem: { ...PROBLEM, task: 'multiclass' }, needs: null }))
      .toThrow('The validation rows hold the class "c" of "y", which no training row has; use a stratified split.');
  });

  it('refuses a pipeline that leaves only the target', () => {
    const drop: PipelineStep[] = [{ kind: 'drop', id: 'd', columns: ['x'] }];
    expect(() => prepareTrainingData(TABLE, { train: Uint32Array.of(0, 1), validation: new Uint32Array(0) }, { steps: drop, problem: PROBLEM, needs: null }))
      .toThrow('There are no feature columns besides the target "y"; keep at least one column in the Prepare cell.');
  });

  it('reads a numeric regression target and has no validation without validation rows', () => {
    const table = tableOf(numericColumn('x', [1, 2, 3]), numericColumn('y', [0.5, 1.5, 2.5]));
    const data = prepareTrainingData(table, { train: Uint32Array.of(2, 0), validation: new Uint32Array(0) }, { steps: [], problem: { ...PROBLEM, task: 'regression', primaryMetric: 'rmse' }, needs: null });
    expect({ X: data.train.X.values, y: data.train.y, validation: data.validation }).toEqual({ X: new Float64Array([3, 1]), y: { values: new Float64Array([2.5, 0.5]) }, validation: null });
  });

  it('refuses clustering and a problem without a target', () => {
    const rows = { train: Uint32Array.of(0, 1), validation: new Uint32Array(0) };
    expect(() => prepareTrainingData(TABLE, rows, { steps: [], problem: { ...PROBLEM, task: 'clustering' }, needs: null })).toThrow(expect.objectContaining({
      name: 'ModelSpecError', message: 'This needs a target, but the Problem cell above is clustering (no target); choose a target there to train and evaluate supervised models.',
    }));
    expect(() => prepareTrainingData(TABLE, rows, { steps: [], problem: { ...PROBLEM, target: null }, needs: null })).toThrow('The Problem cell above has no target; choose the column to predict.');
  });
});
