// The grid partial dependence walks along (sklearn's _grid_from_X): the distinct values when there are fewer
// than the resolution (or the feature is categorical), else evenly spaced points between two percentiles.

import { DataError } from '../errors';

/** Grid values for one column; NaN (missing) values are left out. Percentiles are fractions in [0, 1]. */
export function buildFeatureGrid(name: string, column: Float64Array, resolution: number, percentiles: readonly [number, number], isCategorical: boolean): number[] {
  if (!Number.isInteger(resolution) || resolution < 2) throw new DataError(`gridResolution must be a whole number ≥ 2; got ${resolution}.`);
  const [low, high] = percentiles;
  if (!(low >= 0 && high <= 1 && low < high)) throw new DataError(`percentiles must be two fractions with 0 ≤ low < high ≤ 1; got [${low}, ${high}].`);
  const sorted = column.filter((v) => !Number.isNaN(v)).sort();
  if (sorted.length === 0) throw new DataError(`Feature "${name}" has only missing values; partial dependence needs observed values.`);
  const uniques = sorted.filter((v, i) => i === 0 || v !== sorted[i - 1]);
  if (isCategorical || uniques.length < resolution) return Array.from(uniques);
  const from = computeMquantile(sorted, low), to = computeMquantile(sorted, high);
  if (Math.abs(from - to) <= 1e-8 + 1e-5 * Math.abs(to)) {
    throw new DataError(`Feature "${name}" is almost constant between its ${low * 100}th and ${high * 100}th percentiles; widen the percentiles.`);
  }
  // numpy.linspace: start + i · step, with the last point exactly `to`.
  const step = (to - from) / (resolution - 1);
  return Array.from({ length: resolution }, (_, i) => (i === resolution - 1 ? to : from + i * step));
}

/** scipy.stats.mstats.mquantiles with its defaults alphap = betap = 0.4, on sorted values. */
export function computeMquantile(sorted: Float64Array, p: number): number {
  const n = sorted.length;
  const aleph = n * p + 0.4 + p * (1 - 0.8);
  const k = Math.floor(Math.min(Math.max(aleph, 1), n - 1));
  const gamma = Math.min(Math.max(aleph - k, 0), 1);
  return (1 - gamma) * sorted[k - 1] + gamma * sorted[k];
}
