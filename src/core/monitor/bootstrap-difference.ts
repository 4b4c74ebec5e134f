// Percentile bootstrap interval of a metric's difference between two versions scored on logged traffic: paired when
// both answered the same request rows (a shadow: one resample of the pairs feeds both sides), unpaired when each
// answered its own requests (a canary: each side resampled on its own). Rows are resampled plainly, not within
// classes: in live traffic the class mix of a side is itself random, and the interval should carry that.

import type { MetricFunction } from '../evaluate/bootstrap-metric';
import { createRandom } from '../random/prng';
import { quantileSorted } from '../stats/quantile-sorted';

/** One side's labelled rows: yTrue and what the metric reads (`width` values per row: 1, or the class count). */
export interface ScoredRows {
  readonly yTrue: Float64Array;
  readonly other: Float64Array;
  readonly width: number;
}

export interface DifferenceInterval {
  /** metric(challenger) − metric(champion) on all rows; null when the metric is undefined on a side. */
  readonly value: number | null;
  readonly low: number | null;
  readonly high: number | null;
  readonly level: number;
  /** Resamples where the metric was defined on both sides. */
  readonly repeats: number;
}

/** Resamples tried at most; fewer for large sides, so that about 20 million resampled rows are scored in all. */
export const DIFFERENCE_REPEATS = 1000;
const RESAMPLED_ROWS = 20_000_000;

/** How many resamples for sides of these sizes: DIFFERENCE_REPEATS, down to 200 past 20,000 rows. */
export function countRepeats(rows: number): number {
  return Math.max(200, Math.min(DIFFERENCE_REPEATS, Math.floor(RESAMPLED_ROWS / Math.max(1, rows))));
}

/**
 * The `level` percentile interval of metric(challenger) − metric(champion) over `repeats` resamples (seeded). Paired
 * sides must hold the same rows in the same order (pair i is row i of both).
 */
export function bootstrapDifference(champion: ScoredRows, challenger: ScoredRows, metric: MetricFunction, options: { paired: boolean; repeats: number; level: number; seed: number }): DifferenceInterval {
  const { paired, repeats, level, seed } = options;
  const score = (side: ScoredRows) => metric(side.yTrue, side.other).value;
  const a = score(champion);
  const b = score(challenger);
  if (a === null || b === null) return { value: null, low: null, high: null, level, repeats: 0 };
  const random = createRandom(seed);
  const sampleA = createSample(champion);
  const sampleB = createSample(challenger);
  const differences: number[] = [];
  const picks = new Uint32Array(champion.yTrue.length);
  for (let r = 0; r < repeats; r++) {
    for (let i = 0; i < picks.length; i++) picks[i] = Math.floor(random() * picks.length);
    const valueA = sampleA(picks);
    const valueB = sampleB(paired ? picks : drawPicks(challenger.yTrue.length, random));
    if (valueA !== null && valueB !== null) differences.push(valueB - valueA);
  }
  if (differences.length === 0) return { value: b - a, low: null, high: null, level, repeats: 0 };
  const sorted = Float64Array.from(differences).sort();
  const tail = (1 - level) / 2;
  return { value: b - a, low: quantileSorted(sorted, tail), high: quantileSorted(sorted, 1 - tail), level, repeats: differences.length };

  /** The metric on the rows `picks` names, in buffers reused across resamples. */
  function createSample(side: ScoredRows): (picks: Uint32Array) => number | null {
    const yTrue = new Float64Array(side.yTrue.length);
    const other = new Float64Array(side.other.length);
    return (rows) => {
      for (let k = 0; k < rows.length; k++) {
        yTrue[k] = side.yTrue[rows[k]];
        for (let c = 0; c < side.width; c++) other[k * side.width + c] = side.other[rows[k] * side.width + c];
      }
      const value = metric(yTrue, other).value;
      return value !== null && Number.isFinite(value) ? value : null;
    };
  }
}

function drawPicks(n: number, random: () => number): Uint32Array {
  const picks = new Uint32Array(n);
  for (let i = 0; i < n; i++) picks[i] = Math.floor(random() * n);
  return picks;
}
