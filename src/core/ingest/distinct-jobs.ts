// The distinct counts that typing a merged range import needs (numbers, dates, packed texts), described as plain
// jobs so another thread can count them while the import worker builds the other columns (counting was ~40 % of
// the serial tail of a 100 MB import). describeDistinctJob mirrors the counts buildColumn would make itself.

import { countDistinctNumbers } from '../table/count-distinct';
import { chooseDateFormat, isCategoricalScan, usesLevelCount } from './infer-column';
import { countDistinctPackedTexts, type PackedTexts } from './packed-texts';
import type { ColumnScan } from './scan-column';

/** One exact distinct count: of non-NaN numbers (−0 as 0), or of a column's non-missing packed texts. */
export type DistinctJob = { kind: 'numbers'; values: Float64Array } | { kind: 'packed'; texts: PackedTexts };

/**
 * The count finishColumn would make for `scan`, or null where it makes none or a cheap one (levels, booleans,
 * n/n/yyyy dates whose values change once the column's order is chosen, unpacked texts).
 */
export function describeDistinctJob(scan: ColumnScan): DistinctJob | null {
  const present = scan.rowCount - scan.missing;
  if (present === 0) return null;
  if (scan.numbers !== null && scan.numberCount === present) return usesLevelCount(scan) ? null : { kind: 'numbers', values: scan.numbers };
  if (scan.booleans !== null && scan.booleanCount === present) return null;
  if (scan.dates !== null && scan.dateCount === present && chooseDateFormat(scan) !== null) {
    return scan.slashDates.rows.length === 0 ? { kind: 'numbers', values: scan.dates } : null;
  }
  if (isCategoricalScan(scan, present) || scan.levels !== null || scan.packed === undefined) return null;
  return { kind: 'packed', texts: scan.packed };
}

/** Counts one job (what a worker runs). */
export function countDistinctJob(job: DistinctJob): number {
  return job.kind === 'numbers' ? countDistinctNumbers(job.values) : countDistinctPackedTexts(job.texts);
}

/**
 * Rough cost of `scan`'s job in numbers hashed, to start the costliest first: a packed text costs ~3 numbers and
 * a column with few levels (counted in one cache-sized set) ~¼ (measured in Chromium on the 100 MB bench).
 */
export function estimateJobCost(job: DistinctJob, scan: ColumnScan): number {
  if (job.kind === 'packed') return 3 * job.texts.ends.length;
  return scan.levels !== null ? job.values.length / 4 : job.values.length;
}

/** The buffers a job's arrays can be sent by transfer (and sent back with its count). */
export function collectJobBuffers(job: DistinctJob): ArrayBuffer[] {
  const arrays = job.kind === 'numbers' ? [job.values] : [job.texts.bytes, job.texts.ends, job.texts.missing];
  return arrays.map((array) => array.buffer).filter((buffer): buffer is ArrayBuffer => buffer instanceof ArrayBuffer);
}

/** Puts a job's arrays that came back from another thread in place of the ones sent (now detached) in `scan`. */
export function restoreJobArrays(scan: ColumnScan, sent: DistinctJob, back: DistinctJob): void {
  if (sent.kind === 'numbers' && back.kind === 'numbers') {
    if (scan.numbers === sent.values) scan.numbers = back.values;
    if (scan.dates === sent.values) scan.dates = back.values;
  } else if (sent.kind === 'packed' && back.kind === 'packed' && scan.packed === sent.texts) scan.packed = back.texts;
}
