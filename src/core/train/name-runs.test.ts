import { describe, expect, it } from 'vitest';
import type { PipelineStep } from '../transform/step-types';
import { applyRunNames, nameRuns } from './name-runs';
import type { RunSummary } from './types';

const WITH_DROP: PipelineStep[] = [{ kind: 'drop', id: 'd', columns: ['x'] }];

function runOf(id: string, family: string, label: string, extra: Partial<RunSummary> = {}): RunSummary {
  return { id, family, label, params: {}, seed: 42, trainedAt: Number(id.slice(1)), steps: [], metrics: { validation: {}, cv: null }, ...extra } as RunSummary;
}

describe('nameRuns', () => {
  it('names a lone run by its family, with the hyperparameters set away from their defaults', () => {
    const names = nameRuns([runOf('r1', 'knn', 'k-nearest neighbours', { params: { k: 15, weights: 'uniform' } }), runOf('r2', 'mean', 'Mean')]);
    expect([...names]).toEqual([['r1', 'k-nearest neighbours (k=15)'], ['r2', 'Mean']]);
  });

  it('tells runs of one family apart by pipeline, seed, CV and automatic preparation', () => {
    const cv = { folds: 5, completed: 5, metrics: {} };
    const names = nameRuns([
      runOf('r1', 'decision_tree', 'Decision tree'),
      runOf('r2', 'decision_tree', 'Decision tree', { steps: WITH_DROP, seed: 7 }),
      runOf('r3', 'decision_tree', 'Decision tree', { metrics: { validation: {}, cv } }),
      runOf('r4', 'gradient_boosting', 'Gradient boosting', { autoPrepare: false }),
      runOf('r5', 'gradient_boosting', 'Gradient boosting', { autoPrepare: true }),
    ]);
    expect(Object.fromEntries(names)).toEqual({
      r1: 'Decision tree (pipeline 1, seed 42, no CV)',
      r2: 'Decision tree (pipeline 2, seed 7, no CV)',
      r3: 'Decision tree (pipeline 1, seed 42, 5-fold CV)',
      r4: 'Gradient boosting (no auto-prep)',
      r5: 'Gradient boosting (auto-prep)',
    });
  });

  it('applyRunNames relabels only the runs whose name differs from their label', () => {
    const lone = runOf('r1', 'mean', 'Mean');
    const [same, renamed] = applyRunNames([lone, runOf('r2', 'knn', 'k-nearest neighbours', { params: { k: 15 } })]);
    expect([same === lone, renamed.label]).toEqual([true, 'k-nearest neighbours (k=15)']);
  });

  it('numbers runs that are alike in everything, in training order', () => {
    expect(Object.fromEntries(nameRuns([runOf('r2', 'mean', 'Mean'), runOf('r1', 'mean', 'Mean')]))).toEqual({ r1: 'Mean #1', r2: 'Mean #2' });
  });
});
