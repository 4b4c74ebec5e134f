// Pure helpers of the Train cell's view: a candidate's parameter edit, the leaderboard's score text and the live
// curve's lines (the press itself is planned in core/train/plan-training.ts).

import type { TrainCandidateSpec } from '../core/notebook/types';
import { METRICS, type MetricId } from '../core/problem/metrics';
import type { ProblemSpec } from '../core/problem/types';
import { listProblemMetrics } from '../core/train/score-model';
import type { RunSummary, TrainingProgressRecord } from '../core/train/types';

/** `candidates` with `family`'s `name` set to `value` (the family is ticked when it was not). */
export function setCandidateParam(candidates: readonly TrainCandidateSpec[], family: string, name: string, value: number | string | boolean): TrainCandidateSpec[] {
  if (!candidates.some((c) => c.family === family)) return [...candidates, { family, params: { [name]: value } }];
  return candidates.map((c) => (c.family === family ? { ...c, params: { ...c.params, [name]: value } } : c));
}

/** The leaderboard's validation text of `metric` for `run`: "0.9871", or "—" when it has none. */
export function formatValidationScore(run: RunSummary, metric: MetricId): string {
  return run.metrics.validation[metric]?.value?.toFixed(4) ?? '—';
}

/** The leaderboard's CV text of `metric` for `run`: "0.9871 ± 0.0040" (mean ± std over folds), or "—" without CV. */
export function formatCvScore(run: RunSummary, metric: MetricId): string {
  const cv = run.metrics.cv?.metrics[metric];
  return cv && cv.mean !== null ? `${cv.mean.toFixed(4)} ± ${(cv.std ?? 0).toFixed(4)}` : '—';
}

/** The metrics a leaderboard shows: the problem's primary, then its secondary ones, with their names. */
export function listLeaderboardMetrics(problem: ProblemSpec): { id: MetricId; name: string }[] {
  return listProblemMetrics(problem).map((id) => ({ id, name: METRICS[id].label }));
}

/** How a curve's metric keys read in the legend; an unknown key is shown as it is. */
const CURVE_NAMES: Record<string, string> = {
  trainLoss: 'training loss',
  validationLoss: 'validation loss',
  validationScore: 'validation score',
  bestInertia: 'best inertia so far',
  oobScoreFirstPart: 'out-of-bag score (first part)',
};

/** Most points a live curve keeps for drawing (a 2,000-tree forest reports up to 20 a second). */
export const LIVE_CURVE_MAX_POINTS = 200;

/** A new array of at most `maxPoints` of `points`, evenly spaced by index, the first and last always kept. */
export function thinCurve<T>(points: readonly T[], maxPoints = LIVE_CURVE_MAX_POINTS): T[] {
  if (points.length <= maxPoints) return points.slice();
  const last = points.length - 1;
  return Array.from({ length: maxPoints }, (_, i) => points[Math.round((i * last) / (maxPoints - 1))]);
}

/** One line of a live curve: a metric by iteration. */
export interface CurveLine {
  name: string;
  x: number[];
  y: number[];
}

/** The lines of a live curve: one per metric, by iteration (a metric a point lacks is left out there). */
export function buildCurveLines(points: readonly Pick<TrainingProgressRecord, 'iteration' | 'metrics'>[]): CurveLine[] {
  const names = [...new Set(points.flatMap((p) => Object.keys(p.metrics)))];
  return names.map((name) => {
    const shown = points.filter((p) => p.metrics[name] !== undefined);
    return { name: CURVE_NAMES[name] ?? name, x: shown.map((p) => p.iteration), y: shown.map((p) => p.metrics[name]) };
  });
}

/** What a fit's iterations are called for a family group: trees for tree ensembles, epochs for networks. */
export function describeIterations(group: string): string {
  return group === 'tree' || group === 'ensemble' ? 'trees' : group === 'neural' ? 'epochs' : 'iterations';
}
