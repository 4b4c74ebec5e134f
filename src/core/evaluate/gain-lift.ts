// Cumulative gain and lift by equal-size groups (deciles by default) of rows ranked by descending score:
// how many of all positives the top x % of rows hold, and how much richer in positives they are than average.
import { orderByScoreDescending } from './sweep-thresholds';
import { assertSameLength } from './metric-value';

/** One group of the ranking; `cumulative*` count rows from the top down to the end of this group. */
export interface GainRow {
  /** Share of all rows in groups 1 … this one (0.1, 0.2, … for deciles). */
  depth: number;
  rows: number;
  positives: number;
  cumulativeRows: number;
  cumulativePositives: number;
  /** Cumulative positives / all positives. */
  gain: number;
  /** (Cumulative positives / cumulative rows) / (all positives / all rows). */
  lift: number;
  /** Lowest score in the group. */
  minScore: number;
}

/** The gain table, or null with a reason when there is no positive row (gain and lift divide by them). */
export interface GainTable {
  value: GainRow[] | null;
  reason?: string;
}

/**
 * Splits the ranking (stable: ties keep row order) into `groupCount` groups whose sizes differ by at most one,
 * the larger ones first, like numpy.array_split; a tie can straddle two groups.
 */
export function computeGainTable(yTrue: ArrayLike<number>, score: ArrayLike<number>, positiveClass = 1, groupCount = 10): GainTable {
  assertSameLength(yTrue, score, 'score');
  let totalPositives = 0;
  for (let i = 0; i < yTrue.length; i++) if (yTrue[i] === positiveClass) totalPositives++;
  if (yTrue.length === 0) return { value: null, reason: 'no rows to rank' };
  if (totalPositives === 0) return { value: null, reason: 'no positive rows; gain and lift are undefined' };
  const order = orderByScoreDescending(score);
  const n = order.length;
  const groups = Math.min(groupCount, n);
  const base = Math.floor(n / groups);
  const extra = n % groups;
  const rows: GainRow[] = [];
  let start = 0;
  let cumulativePositives = 0;
  for (let g = 0; g < groups; g++) {
    const end = start + base + (g < extra ? 1 : 0);
    let positives = 0;
    for (let k = start; k < end; k++) if (yTrue[order[k]] === positiveClass) positives++;
    cumulativePositives += positives;
    rows.push({
      depth: end / n,
      rows: end - start,
      positives,
      cumulativeRows: end,
      cumulativePositives,
      gain: cumulativePositives / totalPositives,
      lift: cumulativePositives / end / (totalPositives / n),
      minScore: score[order[end - 1]],
    });
    start = end;
  }
  return { value: rows };
}
