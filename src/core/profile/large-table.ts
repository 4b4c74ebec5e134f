// When a table is large enough to profile on several part workers (and to start them ahead of time): the one
// threshold the compute worker and the Profile cell share.

/** Tables with fewer cells than this are profiled on one thread: starting workers would cost more than it saves. */
export const PARALLEL_PROFILE_MIN_CELLS = 200_000;

/** True when a table of this size is profiled on part workers. */
export function isLargeForProfile(rowCount: number, columnCount: number): boolean {
  return rowCount * columnCount >= PARALLEL_PROFILE_MIN_CELLS;
}
