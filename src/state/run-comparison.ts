// The comparison of 2–N runs on the Runs page: a parameter table that marks the names whose values differ,
// the union of their metrics (validation and CV mean ± std) side by side, and every run's curve on one chart.

import { METRICS, isMetricId, type MetricId } from '../core/problem/metrics';
import type { RunSummary } from '../core/train/types';

/** One parameter across the runs, '—' where a run has none; `differs` when not every run shows the same text. */
export interface ParamDiffRow {
  name: string;
  values: string[];
  differs: boolean;
}

/** One metric across the runs: validation value and CV "mean ± std" as text, '—' where a run lacks it. */
export interface MetricCompareRow {
  id: MetricId;
  label: string;
  direction: 'higher' | 'lower';
  validation: string[];
  cv: string[];
}

/** One line per run and curve key: `x` is the iteration. */
export interface CompareLine {
  name: string;
  x: number[];
  y: number[];
}

/** Every parameter name of `runs` (family first), alphabetical, each with its value per run. */
export function diffParams(runs: readonly RunSummary[]): ParamDiffRow[] {
  const names = [...new Set(runs.flatMap((run) => Object.keys(run.params)))].sort();
  const rows = [{ name: 'family', values: runs.map((run) => run.family) }];
  for (const name of names) rows.push({ name, values: runs.map((run) => (name in run.params ? String(run.params[name]) : '—')) });
  return rows.map((row) => ({ ...row, differs: new Set(row.values).size > 1 }));
}

/** The metrics any run has, in the registry's display order. */
export function compareMetrics(runs: readonly RunSummary[]): MetricCompareRow[] {
  const present = new Set(runs.flatMap((run) => [...Object.keys(run.metrics.validation), ...Object.keys(run.metrics.cv?.metrics ?? {})]));
  return (Object.keys(METRICS) as MetricId[])
    .filter((id) => present.has(id) && isMetricId(id))
    .map((id) => ({
      id,
      label: METRICS[id].label,
      direction: METRICS[id].direction,
      validation: runs.map((run) => run.metrics.validation[id]?.value?.toFixed(4) ?? '—'),
      cv: runs.map((run) => {
        const cv = run.metrics.cv?.metrics[id];
        return cv && cv.mean !== null ? `${cv.mean.toFixed(4)} ± ${(cv.std ?? 0).toFixed(4)}` : '—';
      }),
    }));
}

/** Each run's curve keys as lines named "label · key" (made unique with "#n" when two runs share a label). */
export function overlayCurves(runs: readonly RunSummary[], names: readonly string[] = nameRuns(runs)): CompareLine[] {
  return runs.flatMap((run, i) => {
    const keys = [...new Set(run.curve.flatMap((point) => Object.keys(point.metrics)))];
    return keys.map((key) => {
      const points = run.curve.filter((point) => Number.isFinite(point.metrics[key]));
      return { name: `${names[i]} · ${key}`, x: points.map((p) => p.iteration), y: points.map((p) => p.metrics[key]) };
    });
  });
}

/** The runs' labels, with "#2", "#3"… after a label another run already has. */
export function nameRuns(runs: readonly RunSummary[]): string[] {
  const seen = new Map<string, number>();
  return runs.map((run) => {
    const count = (seen.get(run.label) ?? 0) + 1;
    seen.set(run.label, count);
    return count === 1 ? run.label : `${run.label} #${count}`;
  });
}
