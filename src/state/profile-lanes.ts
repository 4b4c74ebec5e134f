// The Profile cell's view helpers: the runtime runs the profile (core/notebook/runtime/runners/profile.ts); this
// starts a large table's part workers early, while the user looks at the cell.

import { isLargeForProfile } from '../core/profile/large-table';
import { callCompute } from '../workers/clients';
import type { PublishedDataset } from './artifacts';

/** Starts the compute worker's profile part workers for a large table (best effort; the profile still runs without). */
export function prepareProfileLanes(dataset: PublishedDataset): void {
  if (!isLargeForProfile(dataset.table.rowCount, dataset.table.columns.length)) return;
  callCompute((api) => api.prepareProfileLanes()).catch(() => undefined);
}
