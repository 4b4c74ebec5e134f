// One pass over a numeric column: counts of missing and infinite values and an ascending copy of the
// finite values (one typed-array sort, reused for quantiles, histogram, distinct counts and ranks).

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
