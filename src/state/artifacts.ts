// What cells hand to the cells below them at runtime (the Data cell's table), and the keys that tell a
// saved output whether it still matches its inputs.

import type { ColumnOverride, DatasetId } from '../core/notebook/types';
import type { Fold } from '../core/split/split-spec';
import type { RowIndices, Table } from '../core/table/types';
import type { FittedPipeline } from '../core/transform/fitted-types';
import { isColumnRule, type PipelineStep } from '../core/transform/step-types';
import type { RunSummary } from '../core/train/types';
import type { DatasetMeta } from '../core/ingest/dataset-meta';

/** A Data cell's current table (stored table + its column overrides) as later cells see it. */
export interface PublishedDataset {
  datasetId: DatasetId;
  table: Table;
  meta: DatasetMeta;
  /** Changes whenever the dataset or its overrides change (see describeDatasetKey). */
  key: string;
}

/** A stable key for a dataset with overrides: the id plus the overrides sorted by column name. */
export function describeDatasetKey(datasetId: DatasetId, overrides: Readonly<Record<string, ColumnOverride>>): string {
  const sorted = Object.keys(overrides)
    .sort()
    .map((name) => [name, overrides[name]]);
  return `${datasetId}|${JSON.stringify(sorted)}`;
}

/** The key of a profile's inputs: the dataset key and the target (none when null). */
export function describeProfileInputKey(datasetKey: string, target: string | null): string {
  return `${datasetKey}|target=${JSON.stringify(target)}`;
}

/** A Split cell's current parts (sorted row indices of the upstream table) as later cells see them. */
export interface PublishedSplit {
  /** The split's input key (dataset key + split request): changes whenever the parts may change. */
  key: string;
  train: RowIndices;
  validation: RowIndices;
  test: RowIndices;
  folds: Fold[];
}

/** The key of a Prepare cell's inputs: the upstream split's key, the steps in order and, when a step picks columns by rule, the target. */
export function describePrepareInputKey(splitKey: string, steps: readonly PipelineStep[], target: string | null): string {
  // Lists do not depend on the target, so fits saved before rules existed keep their key.
  const usesRule = steps.some((s) => 'columns' in s && isColumnRule(s.columns));
  return `${splitKey}|steps=${JSON.stringify(steps)}${usesRule ? `|target=${JSON.stringify(target)}` : ''}`;
}

/** A Prepare cell's current pipeline as later cells see it: the steps and their fit on the split's training rows. */
export interface PublishedPipeline {
  /** The Prepare cell's input key (split key + steps): changes whenever the fit may change. */
  key: string;
  steps: PipelineStep[];
  fitted: FittedPipeline;
}

/** A Train cell's stored runs (summaries: workers read a run's model from storage) and the one it offers by default (the leaderboard's best). */
export interface PublishedModel {
  runs: readonly RunSummary[];
  /** Id of the best-ranked run by the problem's primary metric; null when no run has a value for it. */
  bestRunId: string | null;
}
