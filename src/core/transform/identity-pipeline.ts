// The fitted pipeline of no steps: columns pass through unchanged. An empty Prepare cell publishes it, so the
// cells below train on the raw table (with automatic preparation) instead of waiting for a fit.

import type { ColumnKind } from '../table/types';
import { FITTED_PIPELINE_FORMAT_VERSION, type FittedPipeline } from './fitted-types';

/** A fitted pipeline with no steps over a table of `columns`, as if fitted on `trainRowCount` rows. */
export function createIdentityPipeline(columns: readonly { readonly name: string; readonly kind: ColumnKind }[], trainRowCount: number): FittedPipeline {
  const described = columns.map((c) => ({ name: c.name, kind: c.kind }));
  return { formatVersion: FITTED_PIPELINE_FORMAT_VERSION, steps: [], inputColumns: described, outputColumns: described.map((c) => ({ ...c })), trainRowCount };
}
