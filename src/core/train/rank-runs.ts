// Ranks finished runs for the leaderboard by the problem's primary metric on one basis for all of them: the CV
// mean when every run that has a value was cross-validated, else the validation value (never a mix of both).

import { METRICS, type MetricId } from '../problem/metrics';
import type { RunSummary } from './types';

/** What a ranking compares: every run's CV mean, or every run's validation value. */
export type RankBasis = 'cv' | 'validation';

/** 'cv' when every run with a validation or CV value for `metric` has a CV mean for it, else 'validation'. */
export function chooseRankBasis(runs: readonly RunSummary[], metric: MetricId): RankBasis {
  const scored = runs.filter((run) => readRankValue(run, metric, 'validation') !== null || readCvMean(run, metric) !== null);
  return scored.length > 0 && scored.every((run) => readCvMean(run, metric) !== null) ? 'cv' : 'validation';
}

/** The number a run is ranked by on `basis` (default: its CV mean when it has one, else validation); null when absent. */
export function readRankValue(run: RunSummary, metric: MetricId, basis?: RankBasis): number | null {
  if (basis === 'validation') return run.metrics.validation[metric]?.value ?? null;
  const cv = readCvMean(run, metric);
  return basis === 'cv' || cv !== null ? cv : (run.metrics.validation[metric]?.value ?? null);
}

/** `runs` sorted best first by `metric` on one basis (chooseRankBasis unless given); ties keep the earlier-trained run first. */
export function rankRuns<R extends RunSummary>(runs: readonly R[], metric: MetricId, basis: RankBasis = chooseRankBasis(runs, metric)): R[] {
  const sign = METRICS[metric].direction === 'higher' ? -1 : 1;
  return [...runs].sort((a, b) => {
    const va = readRankValue(a, metric, basis);
    const vb = readRankValue(b, metric, basis);
    if (va === null || vb === null) return va === vb ? a.trainedAt - b.trainedAt : va === null ? 1 : -1;
    return sign * (va - vb) || a.trainedAt - b.trainedAt;
  });
}

function readCvMean(run: RunSummary, metric: MetricId): number | null {
  return run.metrics.cv?.metrics[metric]?.mean ?? null;
}
