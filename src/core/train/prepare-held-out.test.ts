import { describe, expect, it } from 'vitest';
import { categoricalColumn, numericColumn, tableOf } from '../../test-support/table-builders';
import { prepareHeldOutRows } from './prepare-held-out';
import { trainOnTrainingPart } from './train-candidate';
import type { TrainRequest } from './types';

const TABLE = tableOf(
  numericColumn('x', [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]),
  categoricalColumn('y', ['a', 'a', 'a', 'a', 'a', 'a', 'b', 'b', 'b', 'b', 'b', null]),
);
const PROBLEM = { target: 'y', task: 'binary' as const, primaryMetric: 'accuracy' as const, secondaryMetrics: [] };
const PARTS = { train: Uint32Array.of(0, 1, 2, 3, 6, 7, 8, 9), validation: Uint32Array.of(4, 5, 10, 11), folds: [] };
const FILTER_X_ABOVE_2 = { id: 'f', kind: 'filter', expression: 'x > 2' };

async function train(steps: unknown[] = []) {
  const request = { id: 'r', family: 'decision_tree', params: {}, seed: 1, problem: PROBLEM, steps, crossValidate: false } as unknown as TrainRequest;
  return trainOnTrainingPart(TABLE, PARTS, request, {});
}

describe('prepareHeldOutRows', () => {
  it('gives the features, the target and the dataset row of every kept row (no target → left out)', async () => {
    const heldOut = prepareHeldOutRows(TABLE, Uint32Array.of(0, 5, 10, 11), await train(), 'binary', 'y');
    expect(heldOut && { X: Array.from(heldOut.X.values), y: Array.from(heldOut.y.values), rows: heldOut.rows }).toEqual({
      X: [1, 6, 11], y: [0, 0, 1], rows: Uint32Array.of(0, 5, 10),
    });
  });

  it('maps rows through a filter step to their dataset rows', async () => {
    const heldOut = prepareHeldOutRows(TABLE, Uint32Array.of(0, 1, 5, 10), await train([FILTER_X_ABOVE_2]), 'binary', 'y');
    expect(heldOut && { X: Array.from(heldOut.X.values), rows: heldOut.rows }).toEqual({ X: [6, 11], rows: Uint32Array.of(5, 10) });
  });

  it('is null when no row has a target, and names the run when its features are gone', async () => {
    const run = await train();
    expect(prepareHeldOutRows(TABLE, Uint32Array.of(11), run, 'binary', 'y')).toBeNull();
    expect(() => prepareHeldOutRows(TABLE, Uint32Array.of(0), { ...run, featureNames: ['x', 'gone'] }, 'binary', 'y'))
      .toThrow(expect.objectContaining({ name: 'ModelSpecError', message: expect.stringMatching(/^The run "Decision tree" no longer matches the data: .* Retrain it in the Train cell\.$/) }));
  });
});
