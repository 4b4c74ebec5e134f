// What a leaderboard should say about its runs besides their scores: each run's own fit warnings plus the one
// warning only the runs together can give — a model that scores worse than the best baseline learned nothing useful.

import type { ModelWarning } from '../models/types';
import { METRICS, type MetricId } from '../problem/metrics';
import { formatNumber } from '../table/format-cell';
import { chooseRankBasis, readRankValue } from './rank-runs';
import type { RunSummary } from './types';

/**
 * Run id → a 'worse-than-baseline' warning for every non-baseline run whose value of `metric` on the leaderboard's
 * ranking basis (CV mean when every run has one, else validation) is worse than the best baseline's; empty without a
 * scored baseline.
 */
export function findRunsWorseThanBaseline(runs: readonly RunSummary[], metric: MetricId): Map<string, ModelWarning> {
  const info = METRICS[metric];
  const basis = chooseRankBasis(runs, metric);
  const better = (a: number, b: number): boolean => (info.direction === 'higher' ? a > b : a < b);
  let best: { run: RunSummary; value: number } | null = null;
  for (const run of runs) {
    const value = run.baseline ? readRankValue(run, metric, basis) : null;
    if (value !== null && (best === null || better(value, best.value))) best = { run, value };
  }
  const flagged = new Map<string, ModelWarning>();
  if (best === null) return flagged;
  for (const run of runs) {
    const value = run.baseline ? null : readRankValue(run, metric, basis);
    if (value === null || !better(best.value, value)) continue;
    const where = basis === 'cv' ? 'CV mean' : 'validation';
    flagged.set(run.id, {
      code: 'worse-than-baseline',
      message: `${info.label} ${formatNumber(value)} (${where}) is worse than the baseline "${best.run.label}" (${formatNumber(best.value)}): `
        + 'this model does worse than a constant guess. Check its other warnings, scale the features, or change its settings before using it.',
    });
  }
  return flagged;
}

/** Run id → all its warnings (its own fit warnings, then worse-than-baseline); runs without any are left out. */
export function flagRuns(runs: readonly RunSummary[], metric: MetricId): Map<string, ModelWarning[]> {
  const worse = findRunsWorseThanBaseline(runs, metric);
  const flags = new Map<string, ModelWarning[]>();
  for (const run of runs) {
    const all = [...(run.warnings ?? []), ...(worse.has(run.id) ? [worse.get(run.id)!] : [])];
    if (all.length > 0) flags.set(run.id, all);
  }
  return flags;
}
