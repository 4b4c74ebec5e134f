import { describe, expect, it } from 'vitest';
import type { TrainCellSpec } from '../notebook/types';
import type { ProblemSpec } from '../problem/types';
import { buildTrainRequests, findReusableRuns, listFoldsToScore } from './plan-training';
import { describeRunConfigKey } from './run-config';
import type { TrainedRun } from './types';

const PROBLEM: ProblemSpec = { target: 'y', task: 'binary', primaryMetric: 'roc-auc', secondaryMetrics: ['accuracy', 'roc-auc'] };
const SPEC: TrainCellSpec = { candidates: [{ family: 'knn', params: { k: 3 } }, { family: 'mean', params: {} }], tryAll: false, crossValidate: true, autoPrepare: true, seed: 9, backend: 'auto' };
const SETTING = { splitKey: 'split', folds: 5 };

describe('buildTrainRequests', () => {
  it('one request per applicable candidate, with plain copies of params, problem and steps', () => {
    let n = 0;
    const steps = [{ kind: 'drop' as const, id: 'd', columns: ['z'] }];
    const request = { id: 'id-1', family: 'knn', params: { k: 3 }, seed: 9, problem: PROBLEM, steps, crossValidate: true, autoPrepare: true };
    expect(buildTrainRequests(SPEC, PROBLEM, steps, () => `id-${++n}`, SETTING)).toEqual([{ ...request, configKey: describeRunConfigKey(request, SETTING) }]);
  });

  it('"Try all" starts with the baselines', () => {
    const kinds = buildTrainRequests({ ...SPEC, tryAll: true }, PROBLEM, [], () => 'x', SETTING).map((r) => r.family);
    expect(kinds.slice(0, 2)).toEqual(['most_frequent', 'class_prior']);
  });
});

describe('findReusableRuns', () => {
  it('reuses a finished stored run of the same configuration, never a stopped one', () => {
    const runs = [{ id: 'a', configKey: 'k1', stopped: false }, { id: 'b', configKey: 'k2', stopped: true }, { id: 'c', stopped: false }] as TrainedRun[];
    expect(findReusableRuns([{ configKey: 'k1' }, { configKey: 'k2' }, { configKey: 'k3' }], runs).map((r) => r?.id)).toEqual(['a', undefined, undefined]);
  });
});

describe('listFoldsToScore', () => {
  it('the split\'s folds when cross-validating a supervised problem; none for clustering or with CV off', () => {
    expect([
      listFoldsToScore({ crossValidate: true }, { task: 'binary' }, ['f1', 'f2']),
      listFoldsToScore({ crossValidate: true }, { task: 'clustering' }, ['f1', 'f2']),
      listFoldsToScore({ crossValidate: false }, { task: 'regression' }, ['f1', 'f2']),
    ]).toEqual([['f1', 'f2'], [], []]);
  });

  it('a clustering problem asks for k-means and PCA when they are ticked, the supervised families are left out', () => {
    const spec: TrainCellSpec = { ...SPEC, candidates: [{ family: 'kmeans', params: { k: 4 } }, { family: 'knn', params: {} }, { family: 'pca', params: {} }] };
    const clustering: ProblemSpec = { target: null, task: 'clustering', primaryMetric: 'silhouette', secondaryMetrics: ['davies-bouldin'] };
    expect(buildTrainRequests(spec, clustering, [], () => 'id', SETTING).map((r) => [r.family, r.params])).toEqual([['kmeans', { k: 4 }], ['pca', {}]]);
  });
});
