// One pass over a numeric column: counts of missing and infinite values and an ascending copy of the
// finite values (one typed-array sort, reused for quantiles, histogram, distinct counts and ranks), or the
// same from an argsort already made for ranking (scanFromOrder), so a ranked column is sorted once.

/** The finite values of a column, sorted, with what was left out. */
export interface FiniteScan {
  sorted: Float64Array;
  /** NaN values. */
  missing: number;
  positiveInfinity: number;
  negativeInfinity: number;
}

/** Sorts the finite values of `values` ascending (−0 and 0 compare equal afterwards). */
export function sortFinite(values: Float64Array): FiniteScan {
  let missing = 0;
  let positiveInfinity = 0;
  let negativeInfinity = 0;
  for (let i = 0; i < values.length; i++) {
    const value = values[i];
    if (value !== value) missing++;
    else if (value === Number.POSITIVE_INFINITY) positiveInfinity++;
    else if (value === Number.NEGATIVE_INFINITY) negativeInfinity++;
  }
  const sorted = new Float64Array(values.length - missing - positiveInfinity - negativeInfinity);
  let next = 0;
  for (let i = 0; i < values.length; i++) {
    const value = values[i];
    if (value - value === 0) sorted[next++] = value; // x − x is 0 exactly for finite x, NaN otherwise
  }
  sorted.sort();
  return { sorted, missing, positiveInfinity, negativeInfinity };
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
  let missing = 0;
  let positiveInfinity = 0;
  let negativeInfinity = 0;
  for (let i = 0; i < values.length; i++) {
    const value = values[i];
    if (value !== value) missing++;
    else if (value === Number.POSITIVE_INFINITY) positiveInfinity++;
    else if (value === Number.NEGATIVE_INFINITY) negativeInfinity++;
  }
  return { sorted, missing, positiveInfinity, negativeInfinity };
}
