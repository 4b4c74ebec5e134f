// What the views of the cells below read of the cells above: the runtime's artifacts (core/notebook/runtime), and
// for a dataset also the table the page keeps for its views (grid, forms, panels that read raw columns).

import type { DatasetArtifact, ModelArtifact, PipelineArtifact, SplitArtifact } from '../core/notebook/runtime/artifacts';
import type { DatasetMeta } from '../core/ingest/dataset-meta';
import type { DatasetId } from '../core/notebook/types';
import type { Table } from '../core/table/types';
import type { TableRef } from '../workers/dataset-tables';

/** A Data cell's current table (stored table + its column overrides) as the views below see it. */
export interface PublishedDataset {
  datasetId: DatasetId;
  table: Table;
  meta: DatasetMeta;
  /** The dataset artifact's key: changes whenever the dataset or its overrides change. */
  key: DatasetArtifact['key'];
  /** Where a worker reads this table (jobs send it, never the table). */
  ref: TableRef;
}

/** A Split cell's parts and folds. */
export type PublishedSplit = SplitArtifact;

/** A Prepare cell's steps and their fit on the split's training rows. */
export type PublishedPipeline = PipelineArtifact;

/** A Train cell's runs (summaries: workers read a run's model from storage) and the leaderboard's best. */
export type PublishedModel = ModelArtifact;
