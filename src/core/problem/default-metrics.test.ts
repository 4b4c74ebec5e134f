import { describe, expect, it } from 'vitest';
import { defaultMetrics } from './default-metrics';
import { METRICS } from './metrics';

describe('defaultMetrics', () => {
  it('keeps ROC-AUC primary for binary and adds PR-AUC when the minority is under 20 %', () => {
    const rare = defaultMetrics('binary', { minorityPct: 5 });
    expect([rare.primary, rare.secondary]).toEqual(['roc-auc', ['pr-auc', 'balanced-accuracy', 'log-loss']]);
    const even = defaultMetrics('binary', { minorityPct: 45 });
    expect([even.primary, even.secondary]).toEqual(['roc-auc', ['accuracy', 'f1', 'log-loss']]);
    expect(defaultMetrics('binary').secondary).toEqual(['accuracy', 'f1', 'log-loss']);
  });

  it('uses macro F1 for multiclass, RMSE for regression and silhouette for clustering', () => {
    const picks = (['multiclass', 'regression', 'clustering'] as const).map((task) => {
      const { primary, secondary } = defaultMetrics(task);
      return { primary, secondary };
    });
    expect(picks).toEqual([
      { primary: 'macro-f1', secondary: ['balanced-accuracy', 'log-loss', 'accuracy'] },
      { primary: 'rmse', secondary: ['mae', 'r2'] },
      { primary: 'silhouette', secondary: ['davies-bouldin'] },
    ]);
  });

  it('only ever picks metrics that apply to the task', () => {
    for (const task of ['binary', 'multiclass', 'regression', 'clustering'] as const) {
      const { primary, secondary } = defaultMetrics(task, { minorityPct: 1 });
      const wrong = [primary, ...secondary].filter((id) => !METRICS[id].tasks.includes(task));
      expect(wrong).toEqual([]);
    }
  });
});
