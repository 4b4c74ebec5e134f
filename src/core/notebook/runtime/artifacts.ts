// What cells hand to the cells below them while a notebook runs: plain data, each with a `key` that changes
// whenever the artifact may change, so a saved output can tell whether it still matches its inputs. Tables are
// not artifacts: they stay where the work runs (a worker, or the Node process), named by the dataset's key.

import type { ImportWarning } from '../../ingest/types';
import type { ColumnKind } from '../../table/types';
import type { ProblemSpec } from '../../problem/types';
import type { Fold } from '../../split/split-spec';
import type { SplitRequest } from '../../split/run-split';
import type { RowIndices } from '../../table/types';
import type { FittedPipeline } from '../../transform/fitted-types';
import type { PipelineStep } from '../../transform/step-types';
import type { RunSummary } from '../../train/types';
import type { Stage } from '../../registry/types';
import type { DriftStatus } from '../../monitor/drift-types';

/** One column of a dataset as the cells below see it (levels for categorical columns). */
export interface DatasetColumn {
  readonly name: string;
  readonly kind: ColumnKind;
  readonly levels?: readonly string[];
}

/** A Data cell's table (stored table + column overrides), named by `key`; the rows stay where the work runs. */
export interface DatasetArtifact {
  /** Changes whenever the dataset or its overrides change. */
  readonly key: string;
  readonly name: string;
  readonly rowCount: number;
  readonly columns: readonly DatasetColumn[];
  /** What the import noticed (malformed quotes, overflowing numbers…), shown by the Data cell and the profile. */
  readonly warnings: readonly ImportWarning[];
  /** The stored file's content hash (DatasetMeta.contentHash), recorded on the runs trained from it; absent in older saved outputs. */
  readonly contentHash?: string;
  /**
   * Set when the file was larger than memory and imported streamed: every row is stored in chunks under
   * `datasetId` (read with a ChunkSource, core/table/chunk-source.ts), and this artifact — its rows, columns and what
   * the cells below read — is a sample of `sampleRows` of the `rowCount` rows.
   */
  readonly streamed?: StreamedDatasetRef;
}

/** Where the whole of a streamed dataset lives and how big it is (DatasetArtifact.streamed). */
export interface StreamedDatasetRef {
  readonly datasetId: string;
  readonly rowCount: number;
  readonly sampleRows: number;
}

/** A Split cell's parts (sorted row indices of the dataset) and CV folds over the training part. */
export interface SplitArtifact {
  readonly key: string;
  readonly train: RowIndices;
  readonly validation: RowIndices;
  readonly test: RowIndices;
  readonly folds: readonly Fold[];
  /** What runSplit was asked (the cell's spec resolved), recorded on runs so Reproduce can cut the same rows; absent in older saved outputs. */
  readonly request?: SplitRequest;
}

/** A Prepare cell's steps and their fit on the split's training rows. */
export interface PipelineArtifact {
  readonly key: string;
  readonly steps: readonly PipelineStep[];
  readonly fitted: FittedPipeline;
}

/** A Train cell's runs (summaries: models stay where they were stored) and the leaderboard's best. */
export interface ModelArtifact {
  readonly key: string;
  readonly runs: readonly RunSummary[];
  /** The best-ranked run by the problem's primary metric; null when no run has a value for it. */
  readonly bestRunId: string | null;
}

/** The model version a Monitor cell checked, for the Retrain cell below: the champion, and whether the batch alerted. */
export interface VersionArtifact {
  readonly key: string;
  readonly modelName: string;
  readonly version: number;
  readonly stage: Stage;
  readonly run: RunSummary;
  /** The problem the version was trained for (target, task, metrics). */
  readonly problem: ProblemSpec;
  /** The Monitor cell's verdict on the batch above it. */
  readonly status: DriftStatus;
  readonly alerts: readonly string[];
}

/** Every artifact kind and its shape. */
export interface ArtifactTypes {
  dataset: DatasetArtifact;
  problem: ProblemSpec;
  split: SplitArtifact;
  pipeline: PipelineArtifact;
  model: ModelArtifact;
  version: VersionArtifact;
}

export type ArtifactKind = keyof ArtifactTypes;

/** The artifacts a cell reads, by kind (absent when there is none upstream or it has not run). */
export type CellInputs = { readonly [A in ArtifactKind]?: ArtifactTypes[A] };

/** A stable key of an artifact: its own `key`, or the JSON of a problem spec. */
export function describeArtifactKey(kind: ArtifactKind, artifact: ArtifactTypes[ArtifactKind]): string {
  return kind === 'problem' ? JSON.stringify(artifact) : (artifact as { key: string }).key;
}
