// The grid partial dependence walks along (sklearn's _grid_from_X): the distinct values when there are fewer
// than the resolution (or the feature is categorical), else evenly spaced points between two percentiles.

import { DataError } from '../errors';
import { linspace } from '../stats/numpy-stats';
import { mquantileSorted } from '../stats/quantile-sorted';

/** Grid values for one column; NaN (missing) values are left out. Percentiles are fractions in [0, 1]. */
export function buildFeatureGrid(name: string, column: Float64Array, resolution: number, percentiles: readonly [number, number], isCategorical: boolean): number[] {
  if (!Number.isInteger(resolution) || resolution < 2) throw new DataError(`gridResolution must be a whole number ≥ 2; got ${resolution}.`);
  const [low, high] = percentiles;
  if (!(low >= 0 && high <= 1 && low < high)) throw new DataError(`percentiles must be two fractions with 0 ≤ low < high ≤ 1; got [${low}, ${high}].`);
  const sorted = column.filter((v) => !Number.isNaN(v)).sort();
  if (sorted.length === 0) throw new DataError(`Feature "${name}" has only missing values; partial dependence needs observed values.`);
  const uniques = sorted.filter((v, i) => i === 0 || v !== sorted[i - 1]);
  if (isCategorical || uniques.length < resolution) return Array.from(uniques);
  const from = mquantileSorted(sorted, low), to = mquantileSorted(sorted, high);
  if (Math.abs(from - to) <= 1e-8 + 1e-5 * Math.abs(to)) {
    throw new DataError(`Feature "${name}" is almost constant between its ${low * 100}th and ${high * 100}th percentiles; widen the percentiles.`);
  }
  return linspace(from, to, resolution);
}
