import { describe, expect, it } from 'vitest';
import { listFamiliesForTask } from '../models/registry';
import { listCandidates } from './list-candidates';
import { summarizeFolds } from './cross-validate';
import { chooseRankBasis, rankRuns } from './rank-runs';
import type { TrainedRun } from './types';

function runOf(id: string, trainedAt: number, validation: number | null, cvMean?: number): TrainedRun {
  return {
    id, trainedAt, metrics: {
      validation: { rmse: validation === null ? { value: null, reason: 'no rows to score' } : { value: validation } },
      cv: cvMean === undefined ? null : { folds: 2, completed: 2, metrics: { rmse: { mean: cvMean, std: 0, values: [cvMean, cvMean] } } },
    },
  } as TrainedRun;
}

describe('rankRuns', () => {
  it('ranks every run by validation when some lack CV (never a mix), in the metric\'s direction; undefined last', () => {
    const runs = [runOf('a', 1, 3), runOf('b', 2, null), runOf('c', 3, 9, 1), runOf('d', 4, 2), runOf('e', 5, 2)];
    expect([chooseRankBasis(runs, 'rmse'), rankRuns(runs, 'rmse').map((r) => r.id)]).toEqual(['validation', ['d', 'e', 'a', 'c', 'b']]);
  });

  it('ranks by the CV mean when every scored run was cross-validated', () => {
    const runs = [runOf('a', 1, 1, 5), runOf('b', 2, 9, 2), runOf('c', 3, null)];
    expect([chooseRankBasis(runs, 'rmse'), rankRuns(runs, 'rmse').map((r) => r.id)]).toEqual(['cv', ['b', 'a', 'c']]);
  });
});

describe('summarizeFolds', () => {
  it('takes mean and population std of the defined values', () => {
    const scores = [{ accuracy: { value: 0.5 }, 'roc-auc': { value: null, reason: 'one class' } }, { accuracy: { value: 1 } }];
    expect(summarizeFolds(scores, 3, ['accuracy', 'roc-auc'])).toEqual({
      folds: 3, completed: 2,
      metrics: { accuracy: { mean: 0.75, std: 0.25, values: [0.5, 1] }, 'roc-auc': { mean: null, std: null, values: [null, null] } },
    });
  });
});

describe('listCandidates', () => {
  it('"Try all": every family for the task with defaults, baselines first', () => {
    // The registry grows (neural network…): check the order rule and that every applicable family is there.
    const kinds = listCandidates('regression', [], true).map((c) => c.family);
    expect({ first: kinds.slice(0, 2), all: [...kinds].sort(), params: listCandidates('regression', [], true)[2].params })
      .toEqual({ first: ['mean', 'median'], all: listFamiliesForTask('regression').map((f) => f.kind).sort(), params: {} });
    expect(kinds).toEqual(expect.arrayContaining(['linear_regression', 'knn', 'decision_tree', 'random_forest', 'gradient_boosting']));
  });

  it('otherwise the listed families that fit the task', () => {
    expect(listCandidates('binary', [{ family: 'mean', params: {} }, { family: 'knn', params: { k: 3 } }], false)).toEqual([{ family: 'knn', params: { k: 3 } }]);
  });
});
