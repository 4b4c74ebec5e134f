// The missing and distinct counts the import already made (DatasetMeta.inference), handed to describeColumns so
// reopening a stored dataset does not count them again: on 1M × 20 that recount was ~11 s of Chromium's worker time
// (a Set of a million strings for an id column), five times the import itself.

import type { ColumnSummary } from '../table/types';
import type { DatasetMeta } from './dataset-meta';

/** Kinds whose inference counts are the ones describeColumns makes (booleans and dates count raw spellings instead). */
const SAME_COUNTS = new Set(['numeric', 'categorical', 'text']);

/**
 * The inference's counts for every column the Data cell's overrides leave as imported; none for a streamed dataset
 * (its inference describes every row, its table is a sample).
 */
export function readKnownColumnCounts(meta: DatasetMeta, overridden: ReadonlySet<string>): Pick<ColumnSummary, 'name' | 'kind' | 'missing' | 'distinct'>[] {
  if (meta.streamed) return [];
  return meta.inference
    .filter((column) => SAME_COUNTS.has(column.kind) && !overridden.has(column.name))
    .map(({ name, kind, missing, distinct }) => ({ name, kind, missing, distinct }));
}
