// A drift report as the JSON file the Monitor cell exports (and `ml-studio run` writes): the report, with the
// prediction drift and performance comparison when there are some. JSON has no NaN or infinity: they become null.

import type { DriftReport } from './drift-types';
import type { PerformanceComparison } from './compare-batch-performance';
import type { PredictionDrift } from './measure-prediction-drift';

/** What a monitored batch adds to its feature drift, when the cell has it. */
export interface DriftReportExtras {
  readonly prediction?: PredictionDrift | null;
  readonly performance?: PerformanceComparison | null;
}

/** The report as indented JSON (non-finite numbers as null), the extras under `prediction` and `performance`. */
export function renderDriftReportJson(report: DriftReport, extras: DriftReportExtras = {}): string {
  const whole = { ...report, prediction: extras.prediction ?? null, performance: extras.performance ?? null };
  return `${JSON.stringify(whole, (_, value) => (typeof value === 'number' && !Number.isFinite(value) ? null : value), 2)}\n`;
}
