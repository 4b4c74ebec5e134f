// Collects a fit's per-iteration progress for the stored curve, and refuses a loss that turned NaN.

import { TrainingError } from '../errors';
import type { TrainingProgress } from '../models/types';

export const MAX_CURVE_POINTS = 500;

/** A progress sink that keeps every record and throws a TrainingError when a loss is NaN or infinite. */
export function createCurveRecorder(familyLabel: string): { record(progress: TrainingProgress): void; read(): TrainingProgress[] } {
  const points: TrainingProgress[] = [];
  return {
    record(progress) {
      for (const [name, value] of Object.entries(progress.metrics)) {
        if (/loss/i.test(name) && !Number.isFinite(value)) {
          throw new TrainingError(`${familyLabel}: the ${name} became ${value} at iteration ${progress.iteration}; lower the learning rate or scale the features.`);
        }
      }
      points.push({ iteration: progress.iteration, total: progress.total, metrics: { ...progress.metrics } });
    },
    read: () => downsampleCurve(points, MAX_CURVE_POINTS),
  };
}

/** At most `max` points: evenly spaced ones, always keeping the first and the last. */
export function downsampleCurve<T>(points: readonly T[], max: number): T[] {
  if (points.length <= max) return [...points];
  const step = (points.length - 1) / (max - 1);
  return Array.from({ length: max }, (_, i) => points[Math.round(i * step)]);
}
