// The Compare cell's leaderboard as a pure function: runs ranked by one metric in its better direction
// (from the metric registry), by the validation score or the CV mean, ties sharing a rank, missing scores last.

import { METRICS, type MetricId } from '../problem/metrics';
import { measureMeanStd } from '../stats/measure-mean-std';

/** One trained run: validation scores and, when cross-validated, the per-fold scores (null = undefined). */
export interface LeaderboardRun {
  id: string;
  label: string;
  metrics: Partial<Record<MetricId, number | null>>;
  folds?: Partial<Record<MetricId, readonly (number | null)[]>>;
}

/** A ranked row; rank is shared by equal scores (1, 1, 3) and null when the score is missing. */
export interface LeaderboardRow {
  id: string;
  label: string;
  rank: number | null;
  /** The score ranked on (validation or CV mean). */
  value: number | null;
  validation: number | null;
  cvMean: number | null;
  /** Population standard deviation of the fold scores (numpy's std, as sklearn reports cv scores). */
  cvStd: number | null;
  folds: number;
}

/** Runs ranked by `metric` (by 'validation' score, or 'cv' mean); stable for ties; missing scores last, unranked. */
export function sortLeaderboard(runs: readonly LeaderboardRun[], metric: MetricId, by: 'validation' | 'cv' = 'validation'): LeaderboardRow[] {
  const sign = METRICS[metric].direction === 'higher' ? -1 : 1;
  const rows = runs.map((run) => summariseRun(run, metric, by));
  const sorted = rows
    .map((row, order) => ({ row, order }))
    .sort((x, y) => {
      if (x.row.value === null || y.row.value === null) return (x.row.value === null ? 1 : 0) - (y.row.value === null ? 1 : 0) || x.order - y.order;
      return sign * (x.row.value - y.row.value) || x.order - y.order;
    })
    .map(({ row }) => row);
  sorted.forEach((row, i) => {
    if (row.value === null) return;
    row.rank = i > 0 && sorted[i - 1].value === row.value ? sorted[i - 1].rank : i + 1;
  });
  return sorted;
}

function summariseRun(run: LeaderboardRun, metric: MetricId, by: 'validation' | 'cv'): LeaderboardRow {
  const validation = toScore(run.metrics[metric]);
  const folds = (run.folds?.[metric] ?? []).map(toScore);
  const complete = folds.length > 0 && folds.every((v) => v !== null) ? (folds as number[]) : null;
  const cv = complete ? measureMeanStd(complete) : null;
  const cvMean = cv?.mean ?? null;
  const cvStd = cv?.std ?? null;
  return { id: run.id, label: run.label, rank: null, value: by === 'cv' ? cvMean : validation, validation, cvMean, cvStd, folds: folds.length };
}

/** NaN, ±Infinity and undefined become null. */
function toScore(value: number | null | undefined): number | null {
  return value === null || value === undefined || !Number.isFinite(value) ? null : value;
}
