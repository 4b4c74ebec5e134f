import { describe, expect, it } from 'vitest';
import { joinRun, splitRun } from './split-run';
import type { TrainedRun } from './types';

const RUN: TrainedRun = {
  id: 'r1', family: 'knn', label: 'k-nearest neighbours', baseline: false, params: { k: 3 }, task: 'binary', seed: 1, primaryMetric: 'accuracy',
  metrics: { validation: { accuracy: { value: 0.5 } }, cv: null }, curve: [{ iteration: 1, total: 1, metrics: {} }], durationMs: 12, trainedAt: 100, stopped: false,
  model: { formatVersion: 1, kind: 'knn', task: 'binary', params: { k: 3 }, featureNames: ['x'], classes: ['a', 'b'], state: { X: [1, 2] } },
  pipeline: { formatVersion: 1, steps: [], inputColumns: [{ name: 'x', kind: 'numeric' }], outputColumns: [{ name: 'x', kind: 'numeric' }], trainRowCount: 2 },
  featureNames: ['x'], classes: ['a', 'b'], info: { k: 3 },
};

describe('splitRun', () => {
  it('leaves model and pipeline out of the summary, and joinRun puts them back', () => {
    const { summary, fit } = splitRun(RUN);
    expect({ summaryKeys: Object.keys(summary).sort(), fit }).toEqual({
      summaryKeys: ['baseline', 'classes', 'curve', 'durationMs', 'family', 'featureNames', 'id', 'info', 'label', 'metrics', 'params', 'primaryMetric', 'seed', 'stopped', 'task', 'trainedAt'],
      fit: { model: RUN.model, pipeline: RUN.pipeline },
    });
    expect(joinRun(summary, fit)).toEqual(RUN);
  });
});
