// One pass over a numeric column: counts of missing and infinite values and an ascending copy of the
// finite values (one typed-array sort, reused for quantiles, histogram, distinct counts and ranks), or the
// same from an argsort already made for ranking (scanFromOrder), so a ranked column is sorted once.

import { argsortFiniteByRadix } from './argsort-finite';
import { sortFiniteByDistinct } from './sort-by-distinct';

/** The finite values of a column, sorted, with what was left out. */
export interface FiniteScan {
  sorted: Float64Array;
  /** NaN values. */
  missing: number;
  positiveInfinity: number;
  negativeInfinity: number;
}

/**
 * The scan of a column that will be ranked, and the argsort (argsortFinite) the ranks need: a column with few
 * distinct values is counted and gets no order (rankColumn counts it again, cheaper than walking an order);
 * any other is radix-sorted, then gathered.
 */
export function scanWithOrder(values: Float64Array): { scan: FiniteScan; order?: Uint32Array } {
  const sorted = sortFiniteByDistinct(values);
  if (sorted) return { scan: { sorted, ...countNonFinite(values) } };
  const order = argsortFiniteByRadix(values);
  return { scan: scanFromOrder(values, order), order };
}

/** Sorts the finite values of `values` ascending (−0 and 0 compare equal afterwards); few distinct values are counted, not sorted. */
export function sortFinite(values: Float64Array): FiniteScan {
  const { missing, positiveInfinity, negativeInfinity } = countNonFinite(values);
  return { sorted: sortFiniteByDistinct(values) ?? sortFiniteNatively(values, values.length - missing - positiveInfinity - negativeInfinity), missing, positiveInfinity, negativeInfinity };
}

function sortFiniteNatively(values: Float64Array, finite: number): Float64Array {
  const sorted = new Float64Array(finite);
  let next = 0;
  for (let i = 0; i < values.length; i++) {
    const value = values[i];
    if (value - value === 0) sorted[next++] = value; // x − x is 0 exactly for finite x, NaN otherwise
  }
  return sorted.sort();
}

/**
 * The same scan from a finite argsort (argsortFinite) of `values`, gathering instead of sorting a second time.
 * Zeros come out as the native sort leaves them: every −0 before every +0.
 */
export function scanFromOrder(values: Float64Array, order: Uint32Array): FiniteScan {
  const sorted = new Float64Array(order.length);
  let firstZero = -1;
  let negativeZeros = 0;
  for (let k = 0; k < order.length; k++) {
    const value = values[order[k]];
    sorted[k] = value;
    if (value === 0) {
      if (firstZero < 0) firstZero = k;
      if (1 / value < 0) negativeZeros++;
    }
  }
  // argsortFinite keeps ±0 in row order (they compare equal); restore the native order within the zeros.
  for (let k = 0; k < negativeZeros; k++) sorted[firstZero + k] = -0;
  for (let k = firstZero + negativeZeros; firstZero >= 0 && k < order.length && sorted[k] === 0; k++) sorted[k] = 0;
  return { sorted, ...countNonFinite(values) };
}

function countNonFinite(values: Float64Array): Omit<FiniteScan, 'sorted'> {
  let missing = 0;
  let positiveInfinity = 0;
  let negativeInfinity = 0;
  for (let i = 0; i < values.length; i++) {
    const value = values[i];
    if (value !== value) missing++;
    else if (value === Number.POSITIVE_INFINITY) positiveInfinity++;
    else if (value === Number.NEGATIVE_INFINITY) negativeInfinity++;
  }
  return { missing, positiveInfinity, negativeInfinity };
}
