// The fitted pipeline of no steps: columns pass through unchanged. An empty Prepare cell publishes it, so the
// cells below train on the raw table (with automatic preparation) instead of waiting for a fit.

import type { Table } from '../table/types';
import { FITTED_PIPELINE_FORMAT_VERSION, type FittedPipeline } from './fitted-types';

/** A fitted pipeline with no steps over `table`'s columns, as if fitted on `trainRowCount` rows. */
export function createIdentityPipeline(table: Table, trainRowCount: number): FittedPipeline {
  const columns = table.columns.map((c) => ({ name: c.name, kind: c.kind }));
  return { formatVersion: FITTED_PIPELINE_FORMAT_VERSION, steps: [], inputColumns: columns, outputColumns: columns.map((c) => ({ ...c })), trainRowCount };
}
