// The Compare cell's leaderboard as pure data: every stored run with one cell per metric the runs have
// (validation value and CV mean ± std), sorted and ranked by sortLeaderboard on the chosen column, and the
// default pair of runs to compare (the best two by that ranking).

import { isMetricId, METRIC_IDS, METRICS, type MetricId } from '../problem/metrics';
import type { RunSummary } from '../train/types';
import { sortLeaderboard, type LeaderboardRow } from './sort-leaderboard';

/** One metric of one run; values are null with `reason` when missing (never NaN). */
export interface CompareScoreCell {
  metric: MetricId;
  validation: number | null;
  cvMean: number | null;
  cvStd: number | null;
  /** Why the validation value is missing; null when present. */
  validationReason: string | null;
  /** Why the CV mean is missing ("trained without cross-validation", a fold without a value); null when present. */
  cvReason: string | null;
}

/** One leaderboard row; rank is null when the run has no value for the sorted column. */
export interface CompareBoardRow {
  runId: string;
  label: string;
  family: string;
  baseline: boolean;
  stopped: boolean;
  rank: number | null;
  durationMs: number;
  backend: string | null;
  cells: CompareScoreCell[];
  /** Why the row is unranked (the sorted column's reason); null when ranked. */
  reason: string | null;
}

/** The whole board: its columns (primary first), the column sorted on, and the rows best first. */
export interface CompareBoard {
  metrics: { id: MetricId; name: string; direction: 'higher' | 'lower' }[];
  sortBy: MetricId;
  rankBy: 'validation' | 'cv';
  rows: CompareBoardRow[];
}

/** The metrics any run has a validation or CV entry for: `primary` first, then in registry order. */
export function listRunMetrics(runs: readonly RunSummary[], primary: MetricId): MetricId[] {
  const present = new Set<MetricId>([primary]);
  for (const run of runs) {
    for (const id of [...Object.keys(run.metrics.validation), ...Object.keys(run.metrics.cv?.metrics ?? {})]) if (isMetricId(id)) present.add(id);
  }
  return [primary, ...METRIC_IDS.filter((id) => id !== primary && present.has(id))];
}

/** Builds the board sorted on `sortBy` (the primary metric when null or absent) by validation score or CV mean. */
export function buildCompareBoard(runs: readonly RunSummary[], primary: MetricId, sortBy: string | null, rankBy: 'validation' | 'cv'): CompareBoard {
  const metricIds = listRunMetrics(runs, primary);
  const sorted = sortBy !== null && isMetricId(sortBy) && metricIds.includes(sortBy) ? sortBy : primary;
  const leaderboardRuns = runs.map((run) => ({
    id: run.id,
    label: run.label,
    metrics: Object.fromEntries(metricIds.map((id) => [id, run.metrics.validation[id]?.value ?? null])),
    ...(run.metrics.cv ? { folds: Object.fromEntries(metricIds.map((id) => [id, run.metrics.cv?.metrics[id]?.values ?? []])) } : {}),
  }));
  const byMetric = new Map(metricIds.map((id) => [id, new Map(sortLeaderboard(leaderboardRuns, id, rankBy).map((row) => [row.id, row]))]));
  const byId = new Map(runs.map((run) => [run.id, run]));
  const rows = sortLeaderboard(leaderboardRuns, sorted, rankBy).map((ranked): CompareBoardRow => {
    const run = byId.get(ranked.id) as RunSummary;
    const cells = metricIds.map((id) => describeCell(run, id, byMetric.get(id)?.get(run.id) as LeaderboardRow));
    const sortedCell = cells[metricIds.indexOf(sorted)];
    return {
      runId: run.id, label: run.label, family: run.family, baseline: run.baseline, stopped: run.stopped, rank: ranked.rank,
      durationMs: run.durationMs, backend: run.backend?.backend ?? null, cells,
      reason: ranked.rank === null ? ((rankBy === 'cv' ? sortedCell.cvReason : sortedCell.validationReason) ?? 'no value') : null,
    };
  });
  return { metrics: metricIds.map((id) => ({ id, name: METRICS[id].label, direction: METRICS[id].direction })), sortBy: sorted, rankBy, rows };
}

function describeCell(run: RunSummary, metric: MetricId, row: LeaderboardRow): CompareScoreCell {
  const name = METRICS[metric].label;
  const validationReason = row.validation !== null ? null : (run.metrics.validation[metric]?.reason ?? `${name} was not scored for this run`);
  return { metric, validation: row.validation, cvMean: row.cvMean, cvStd: row.cvStd, validationReason, cvReason: explainMissingCv(run, metric, row) };
}

/** Why the CV mean is missing, in words for a tooltip. */
function explainMissingCv(run: RunSummary, metric: MetricId, row: LeaderboardRow): string | null {
  if (row.cvMean !== null) return null;
  const cv = run.metrics.cv;
  if (!cv) return 'trained without cross-validation';
  const values = cv.metrics[metric]?.values ?? [];
  if (values.length === 0) return `${METRICS[metric].label} was not scored on the CV folds`;
  const missing = values.findIndex((v) => v === null || !Number.isFinite(v));
  return `fold ${missing + 1} of ${values.length} has no ${METRICS[metric].label}`;
}

/** The spec's picks where they name a stored run, else the best two rows of the board (null when too few runs). */
export function resolvePicks(board: CompareBoard, runA: string | null, runB: string | null): { runA: string | null; runB: string | null } {
  const ids = board.rows.map((row) => row.runId);
  const a = runA !== null && ids.includes(runA) ? runA : (ids.find((id) => id !== runB) ?? null);
  const b = runB !== null && ids.includes(runB) ? runB : (ids.find((id) => id !== a) ?? null);
  return { runA: a, runB: b };
}

/** Why the picked pair cannot be compared (too few runs, the same run twice), or null when it can. */
export function describePickProblem(board: CompareBoard, runA: string | null, runB: string | null): string | null {
  if (board.rows.length < 2) return `Train at least two models to compare: the Train cell above has ${board.rows.length === 1 ? 'one run' : 'no runs'}.`;
  if (runA === null || runB === null) return 'Pick run A and run B.';
  if (runA === runB) {
    const label = board.rows.find((row) => row.runId === runA)?.label ?? runA;
    return `A and B are both “${label}”: pick two different runs to compare.`;
  }
  return null;
}
