// The one result shape every metric returns: a number, or null with the reason it is undefined (never NaN).

import { DataError } from '../errors';

/** A metric's value, or null with a human-readable reason (one class present, empty input…). */
export interface MetricValue {
  value: number | null;
  reason?: string;
}

/** A defined metric value. */
export function metricOf(value: number): MetricValue {
  return { value };
}

/** An undefined metric, with why. */
export function undefinedMetric(reason: string): MetricValue {
  return { value: null, reason };
}

/** Throws when the arrays differ in length (a wiring bug the user cannot fix by retrying). */
export function assertSameLength(yTrue: ArrayLike<number>, other: ArrayLike<number>, otherName: string, width = 1): void {
  if (yTrue.length * width !== other.length) {
    throw new DataError(`yTrue has ${yTrue.length} rows but ${otherName} has ${other.length / width}; pass one value per row.`);
  }
}

export const EMPTY_INPUT = 'no rows to score';
