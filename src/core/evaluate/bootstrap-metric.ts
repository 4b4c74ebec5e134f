// Percentile bootstrap confidence intervals for any metric: resample rows with replacement (within each true
// class when stratified, so every resample keeps the class mix), score each resample, read the quantiles.
import { DataError } from '../errors';
import { quantileSorted } from '../stats/quantile-sorted';
import { createRandom } from '../random/prng';
import { assertSameLength, type MetricValue } from './metric-value';

/** A metric over (yTrue, yOther); yOther holds `width` values per row (1, or the class count for probabilities). */
export type MetricFunction = (yTrue: Float64Array, yOther: Float64Array) => MetricValue;

export interface BootstrapOptions {
  repeats?: number;
  /** Confidence level of the interval, e.g. 0.95. */
  level?: number;
  /** 32-bit seed: the same seed gives the same interval. */
  seed: number;
  /** Resample within each yTrue class (use for classification). Default false. */
  stratify?: boolean;
}

/** The metric on all rows and its interval; `repeats` counts the resamples where the metric was defined. */
export interface BootstrapInterval {
  value: number | null;
  low: number | null;
  high: number | null;
  repeats: number;
  reason?: string;
}

/** Row indices grouped by yTrue value (one group of all rows when not stratified). */
function groupRows(yTrue: Float64Array, stratify: boolean): Uint32Array[] {
  if (!stratify) return [Uint32Array.from({ length: yTrue.length }, (_, i) => i)];
  const groups = new Map<number, number[]>();
  yTrue.forEach((y, i) => {
    const rows = groups.get(y);
    if (rows) rows.push(i);
    else groups.set(y, [i]);
  });
  return [...groups.keys()].sort((a, b) => a - b).map((key) => Uint32Array.from(groups.get(key) ?? []));
}

/**
 * Bootstraps `metric` `repeats` times (default 1000) and returns the percentile interval at `level` (default
 * 0.95). The metric receives reused buffers: it must not keep them. Resamples where it is undefined are skipped.
 */
export function bootstrapMetric(yTrue: Float64Array, yOther: Float64Array, metric: MetricFunction, options: BootstrapOptions): BootstrapInterval {
  const { repeats = 1000, level = 0.95, seed, stratify = false } = options;
  if (!(level > 0 && level < 1)) throw new DataError(`confidence level ${level} is not between 0 and 1; use e.g. 0.95.`);
  const width = yTrue.length === 0 ? 1 : yOther.length / yTrue.length;
  assertSameLength(yTrue, yOther, 'yOther', width);
  const point = metric(yTrue, yOther);
  if (point.value === null) return { value: null, low: null, high: null, repeats: 0, reason: point.reason };
  const random = createRandom(seed);
  const groups = groupRows(yTrue, stratify);
  const sampleTrue = new Float64Array(yTrue.length);
  const sampleOther = new Float64Array(yOther.length);
  const values: number[] = [];
  for (let r = 0; r < repeats; r++) {
    let next = 0;
    for (const rows of groups) {
      for (let k = 0; k < rows.length; k++, next++) {
        const row = rows[Math.floor(random() * rows.length)];
        sampleTrue[next] = yTrue[row];
        for (let c = 0; c < width; c++) sampleOther[next * width + c] = yOther[row * width + c];
      }
    }
    const value = metric(sampleTrue, sampleOther).value;
    if (value !== null && Number.isFinite(value)) values.push(value);
  }
  if (values.length === 0) return { value: point.value, low: null, high: null, repeats: 0, reason: 'the metric was undefined on every resample' };
  const sorted = Float64Array.from(values).sort();
  const tail = (1 - level) / 2;
  const interval: BootstrapInterval = { value: point.value, low: quantileSorted(sorted, tail), high: quantileSorted(sorted, 1 - tail), repeats: values.length };
  if (values.length < repeats) interval.reason = `the metric was undefined on ${repeats - values.length} of ${repeats} resamples; they were skipped`;
  return interval;
}
