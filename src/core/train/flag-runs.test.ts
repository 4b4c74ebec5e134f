import { describe, expect, it } from 'vitest';
import type { MetricId } from '../problem/metrics';
import { findRunsWorseThanBaseline, flagRuns } from './flag-runs';
import type { TrainedRun } from './types';

function runOf(id: string, metric: MetricId, value: number | null, extra: Partial<TrainedRun> = {}): TrainedRun {
  return { id, label: id, baseline: false, metrics: { validation: { [metric]: value === null ? { value: null, reason: 'one class' } : { value } }, cv: null }, ...extra } as TrainedRun;
}

describe('findRunsWorseThanBaseline', () => {
  it('flags non-baseline runs below the best baseline when higher is better (R²), naming both values', () => {
    const runs = [
      runOf('mean', 'r2', -0.002, { baseline: true, label: 'Mean' }),
      runOf('median', 'r2', -0.05, { baseline: true, label: 'Median' }),
      runOf('network', 'r2', -241.3),
      runOf('tie', 'r2', -0.002),
      runOf('boosting', 'r2', 0.81),
      runOf('unscored', 'r2', null),
    ];
    expect(Object.fromEntries(findRunsWorseThanBaseline(runs, 'r2'))).toEqual({
      network: {
        code: 'worse-than-baseline',
        message: 'R² -241.3 (validation) is worse than the baseline "Mean" (-0.002): this model does worse than a constant guess. '
          + 'Check its other warnings, scale the features, or change its settings before using it.',
      },
    });
  });

  it('uses the lower-is-better direction (RMSE) on the leaderboard\'s basis: validation unless every run has a CV mean', () => {
    const cv = (mean: number) => ({ folds: 2, completed: 2, metrics: { rmse: { mean, std: 0, values: [mean, mean] } } });
    const runs = [
      runOf('mean', 'rmse', 10, { baseline: true, label: 'Mean' }),
      runOf('a', 'rmse', 12),
      runOf('b', 'rmse', 12, { metrics: { validation: { rmse: { value: 12 } }, cv: cv(9) } }),
      runOf('c', 'rmse', 8, { metrics: { validation: { rmse: { value: 8 } }, cv: cv(11) } }),
    ];
    expect([...findRunsWorseThanBaseline(runs, 'rmse').keys()]).toEqual(['a', 'b']);
    const allCv = [runOf('mean', 'rmse', 10, { baseline: true, label: 'Mean', metrics: { validation: { rmse: { value: 10 } }, cv: cv(10) } }), runs[2], runs[3]];
    const flagged = findRunsWorseThanBaseline(allCv, 'rmse');
    expect([...flagged.keys()]).toEqual(['c']);
    expect(flagged.get('c')?.message.startsWith('RMSE 11 (CV mean) is worse than the baseline "Mean" (10)')).toBe(true);
  });

  it('flags nothing without a scored baseline', () => {
    expect(findRunsWorseThanBaseline([runOf('mean', 'r2', null, { baseline: true }), runOf('a', 'r2', -5)], 'r2').size).toBe(0);
  });
});

describe('flagRuns', () => {
  it('lists each run\'s own warnings, then worse-than-baseline; runs without any are left out', () => {
    const own = { code: 'not-converged' as const, message: 'still falling' };
    const runs = [runOf('mean', 'accuracy', 0.6, { baseline: true }), runOf('a', 'accuracy', 0.5, { warnings: [own] }), runOf('b', 'accuracy', 0.9), runOf('c', 'accuracy', 0.95, { warnings: [own] })];
    const flags = flagRuns(runs, 'accuracy');
    expect([...flags.keys()]).toEqual(['a', 'c']);
    expect(flags.get('a')!.map((w) => w.code)).toEqual(['not-converged', 'worse-than-baseline']);
    expect(flags.get('c')).toEqual([own]);
  });
});
