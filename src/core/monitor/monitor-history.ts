// A version's monitoring history: each monitored batch as one point of the time series the Monitor cell plots
// (drift per feature, drift of the scores, metrics when labelled). Kept with the version in the registry.

import type { MetricId } from '../problem/metrics';
import type { DriftStatus } from './drift-types';

/** A monitored batch as its version's history keeps it (one point of each time series). */
export interface MonitorHistoryEntry {
  readonly modelName: string;
  readonly version: number;
  /** Epoch ms. */
  readonly at: number;
  /** The batch's dataset name. */
  readonly batch: string;
  readonly rows: number;
  readonly status: DriftStatus;
  /** PSI per feature measured. */
  readonly psi: Readonly<Record<string, number>>;
  readonly predictionPsi: number | null;
  /** Metrics on the batch's labelled rows; null without labels. */
  readonly performance: Partial<Record<MetricId, number>> | null;
}

/** Batches kept per version: the oldest go first past this. */
export const MONITOR_HISTORY_MAX = 500;

/** `history` with `entry` added in time order, at most MONITOR_HISTORY_MAX (the oldest dropped). */
export function appendHistory(history: readonly MonitorHistoryEntry[], entry: MonitorHistoryEntry): MonitorHistoryEntry[] {
  return [...history, entry].sort((a, b) => a.at - b.at).slice(-MONITOR_HISTORY_MAX);
}
