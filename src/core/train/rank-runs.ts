// Ranks finished runs for the leaderboard by the problem's primary metric (the CV mean when a run has one,
// else its validation value), best first; runs without a value for it go last.

import { METRICS, type MetricId } from '../problem/metrics';
import type { RunSummary } from './types';

/** The number a run is ranked by: CV mean of `metric` when present, else the validation value; null when neither. */
export function readRankValue(run: RunSummary, metric: MetricId): number | null {
  const cv = run.metrics.cv?.metrics[metric]?.mean;
  if (cv !== undefined && cv !== null) return cv;
  return run.metrics.validation[metric]?.value ?? null;
}

/** `runs` sorted best first by `metric` in its better direction; ties keep the earlier-trained run first. */
export function rankRuns<R extends RunSummary>(runs: readonly R[], metric: MetricId): R[] {
  const sign = METRICS[metric].direction === 'higher' ? -1 : 1;
  return [...runs].sort((a, b) => {
    const va = readRankValue(a, metric);
    const vb = readRankValue(b, metric);
    if (va === null || vb === null) return va === vb ? a.trainedAt - b.trainedAt : va === null ? 1 : -1;
    return sign * (va - vb) || a.trainedAt - b.trainedAt;
  });
}
