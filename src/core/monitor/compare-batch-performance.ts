// Performance on a labelled batch against the version's reference metrics (its validation scores): each metric's
// change, and an alert where it got worse by more than the tolerance (relative to the reference by default).

import { DataError } from '../errors';
import { formatNumber } from '../table/format-cell';

export type MetricDirection = 'higher' | 'lower';

export interface PerformanceOptions {
  /** Allowed worsening before an alert: a share of the reference value (default 0.05 = 5 %), or metric units when `relative` is false. */
  readonly tolerance?: number;
  readonly relative?: boolean;
  /** A metric's display name (default: its id). */
  readonly labelOf?: (metric: string) => string;
}

export interface MetricChange {
  readonly metric: string;
  readonly reference: number;
  readonly batch: number;
  /** How much worse the batch is, in metric units (negative: better). */
  readonly worsening: number;
  readonly degraded: boolean;
}

export interface PerformanceComparison {
  readonly changes: readonly MetricChange[];
  readonly degraded: boolean;
  /** One sentence per degraded metric, with both values and the tolerance. */
  readonly alerts: readonly string[];
  /** Reference metrics the batch could not be scored on. */
  readonly notes: readonly string[];
  readonly tolerance: { readonly value: number; readonly relative: boolean };
}

// Differences within this are rounding (0.83 − 0.82 ≠ 0.01 in floating point), not a change.
const ROUNDING = 1e-12;

/** Compares every finite reference metric with the batch's; `directionOf` says whether higher or lower is better. */
export function compareBatchPerformance(reference: Readonly<Record<string, number>>, batch: Readonly<Record<string, number>>, directionOf: (metric: string) => MetricDirection, options: PerformanceOptions = {}): PerformanceComparison {
  const { tolerance = 0.05, relative = true, labelOf = (metric: string) => metric } = options;
  if (!(tolerance >= 0 && Number.isFinite(tolerance))) throw new DataError(`The degradation tolerance must be a number ≥ 0 (got ${tolerance}); 0.05 allows 5 % worse than the reference.`);
  const changes: MetricChange[] = [];
  const notes: string[] = [];
  for (const metric of Object.keys(reference)) {
    const before = reference[metric];
    if (!Number.isFinite(before)) continue;
    const after = Object.hasOwn(batch, metric) ? batch[metric] : Number.NaN;
    if (!Number.isFinite(after)) {
      notes.push(`${labelOf(metric)} could not be measured on the batch (the version's reference is ${formatNumber(before)}).`);
      continue;
    }
    const worsening = directionOf(metric) === 'higher' ? before - after : after - before;
    const allowed = relative ? tolerance * Math.abs(before) : tolerance;
    changes.push({ metric, reference: before, batch: after, worsening, degraded: worsening > allowed + ROUNDING });
  }
  const alerts = changes.filter((c) => c.degraded).map((c) => describeDegradation(c, labelOf(c.metric), tolerance, relative, directionOf(c.metric)));
  return { changes, degraded: alerts.length > 0, alerts, notes, tolerance: { value: tolerance, relative } };
}

function describeDegradation(change: MetricChange, label: string, tolerance: number, relative: boolean, direction: MetricDirection): string {
  const moved = direction === 'higher' ? 'fell' : 'rose';
  const share = change.reference !== 0 ? ` (${formatNumber((100 * change.worsening) / Math.abs(change.reference))} % worse)` : '';
  const allowed = relative ? `${formatNumber(100 * tolerance)} % of the reference` : formatNumber(tolerance);
  return `${label} ${moved} from ${formatNumber(change.reference)} to ${formatNumber(change.batch)} on the batch${share}, more than the tolerance of ${allowed}.`;
}
