import { describe, expect, it } from 'vitest';
import { sortLeaderboard, type LeaderboardRun } from './sort-leaderboard';

const runs: LeaderboardRun[] = [
  { id: 'a', label: 'Logistic', metrics: { accuracy: 0.8, 'log-loss': 0.45 }, folds: { accuracy: [0.78, 0.82] } },
  { id: 'b', label: 'Forest', metrics: { accuracy: 0.9, 'log-loss': 0.3 }, folds: { accuracy: [0.9, 0.86] } },
  { id: 'c', label: 'Baseline', metrics: { accuracy: null, 'log-loss': NaN } },
  { id: 'd', label: 'Boosting', metrics: { accuracy: 0.9, 'log-loss': 0.31 }, folds: { accuracy: [0.9, null] } },
];

describe('sortLeaderboard', () => {
  it('ranks higher-is-better metrics descending, ties sharing a rank, missing last', () => {
    expect(sortLeaderboard(runs, 'accuracy')).toEqual([
      { id: 'b', label: 'Forest', rank: 1, value: 0.9, validation: 0.9, cvMean: 0.88, cvStd: 0.020000000000000018, folds: 2 },
      { id: 'd', label: 'Boosting', rank: 1, value: 0.9, validation: 0.9, cvMean: null, cvStd: null, folds: 2 },
      { id: 'a', label: 'Logistic', rank: 3, value: 0.8, validation: 0.8, cvMean: 0.8, cvStd: 0.019999999999999962, folds: 2 },
      { id: 'c', label: 'Baseline', rank: null, value: null, validation: null, cvMean: null, cvStd: null, folds: 0 },
    ]);
  });

  it('ranks lower-is-better metrics ascending, and by CV mean on request', () => {
    expect(sortLeaderboard(runs, 'log-loss').map((r) => [r.id, r.rank])).toEqual([['b', 1], ['d', 2], ['a', 3], ['c', null]]);
    expect(sortLeaderboard(runs, 'accuracy', 'cv').map((r) => [r.id, r.rank, r.value])).toEqual([['b', 1, 0.88], ['a', 2, 0.8], ['c', null, null], ['d', null, null]]);
  });
});
