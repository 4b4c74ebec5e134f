import { describe, expect, it } from 'vitest';
import { categoricalColumn, numericColumn, tableOf } from '../../test-support/table-builders';
import { splitTreeRanges } from './plan-forest-parts';
import type { ProblemSpec } from '../problem/types';
import { trainOnTrainingPart } from './train-candidate';
import { fitForestPart, mergeForestParts } from './train-forest-parts';
import type { TrainRequest } from './types';

const PROBLEM: ProblemSpec = { target: 'y', task: 'binary', primaryMetric: 'accuracy', secondaryMetrics: ['roc-auc'] };
const TABLE = tableOf(
  numericColumn('x', [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 2.5, 9.5]),
  numericColumn('z', [5, 3, 6, 2, 7, 1, 5, 3, 6, 2, 7, 1, 4, 4]),
  categoricalColumn('y', ['a', 'a', 'a', 'a', 'b', 'a', 'b', 'b', 'b', 'a', 'b', 'b', 'a', 'b']),
);
const PARTS = { train: Uint32Array.of(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11), validation: Uint32Array.of(12, 13), folds: [] };
const REQUEST: TrainRequest = { id: 'rf', family: 'random_forest', params: { nEstimators: 9 }, seed: 4, problem: PROBLEM, steps: [], crossValidate: false };

describe('a forest trained in parts', () => {
  it('merges 3 parts into the run one worker trains (model, metrics, curve, info)', async () => {
    const one = await trainOnTrainingPart(TABLE, PARTS, REQUEST);
    const forestParts = await Promise.all(splitTreeRanges(9, 3).map((range) => fitForestPart(TABLE, PARTS, REQUEST, range)));
    const merged = mergeForestParts(TABLE, PARTS, REQUEST, forestParts);
    const comparable = (run: typeof one) => ({ ...run, durationMs: 0, trainedAt: 0, model: JSON.stringify(run.model) });
    expect(comparable(merged)).toEqual(comparable(one));
    expect({ trees: merged.info.trees, curve: merged.curve.length, stopped: merged.stopped }).toEqual({ trees: 9, curve: 9, stopped: false });
  });

  it('a stop request ends each part after its current tree; the merged run says stopped', async () => {
    const forestParts = await Promise.all(splitTreeRanges(9, 3).map((range) => fitForestPart(TABLE, PARTS, REQUEST, range, { shouldStop: () => true })));
    const merged = mergeForestParts(TABLE, PARTS, REQUEST, forestParts);
    expect({ perPart: forestParts.map((p) => p.trees.map((t) => t.index)), trees: merged.info.trees, stopped: merged.stopped }).toEqual({ perPart: [[0], [3], [6]], trees: 3, stopped: true });
  });
});
