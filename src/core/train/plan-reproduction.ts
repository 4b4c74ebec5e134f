// Reproduce's first half, light enough for the page: which stored dataset (by the run's recorded content hash) to
// read and with which column overrides, and the report's shape. Training again lives in reproduce-run.ts (workers).

import type { ColumnOverride } from '../notebook/types';
import type { ColumnKind } from '../table/types';
import type { RunSummary } from './types';

/** A stored dataset Reproduce may read: its id and its columns as imported (before a Data cell's overrides). */
export interface StoredDatasetFacts<Id = string> {
  id: Id;
  columns: readonly { name: string; kind: ColumnKind }[];
}

/** Where Reproduce reads the run's table: a stored dataset and the overrides that give it the recorded columns. */
export type ReproductionPlan<Id = string> =
  | { kind: 'ready'; datasetId: Id; overrides: Record<string, ColumnOverride>; notes: string[] }
  | { kind: 'blocked'; problems: string[] };

/** One metric whose reproduced value differs from the recorded one (null: undefined). */
export interface MetricDifference {
  metric: string;
  recorded: number | null;
  reproduced: number | null;
}

/** How a reproduction went; `message` is the sentence the page shows. */
export interface ReproduceReport {
  outcome: 'exact' | 'differs' | 'mismatch';
  message: string;
  differences: MetricDifference[];
  /** Whether the refitted pipeline's hash equals the recorded one (null when nothing was trained or recorded). */
  pipelineMatches: boolean | null;
  /** Notes on what was done to match the record (column kinds set as the Data cell had them). */
  notes: string[];
}

/**
 * The first of `candidates` (stored datasets with the recorded content hash, newest first) holding every recorded
 * column, with the overrides that turn its columns into the recorded ones (kinds changed, unused columns excluded).
 */
export function planReproduction<Id>(run: Pick<RunSummary, 'provenance'>, candidates: readonly StoredDatasetFacts<Id>[]): ReproductionPlan<Id> {
  const dataset = run.provenance?.dataset;
  if (!dataset) return { kind: 'blocked', problems: ['This run was trained before runs recorded their dataset and split; train it again to make it reproducible.'] };
  if (candidates.length === 0) return { kind: 'blocked', problems: [`The dataset "${dataset.name}" (content hash ${dataset.contentHash.slice(0, 12)}…) is no longer stored: import the same file again.`] };
  const missing = (c: StoredDatasetFacts<Id>) => dataset.columns.filter((r) => !c.columns.some((s) => s.name === r.name)).map((r) => r.name);
  const found = candidates.find((c) => missing(c).length === 0);
  if (!found) return { kind: 'blocked', problems: [`The stored dataset "${dataset.name}" lacks the recorded columns ${missing(candidates[0]).map((n) => `"${n}"`).join(', ')}.`] };
  const overrides: Record<string, ColumnOverride> = {};
  const notes: string[] = [];
  for (const stored of found.columns) {
    const recorded = dataset.columns.find((r) => r.name === stored.name);
    const override: ColumnOverride | null = !recorded ? 'excluded' : recorded.kind !== stored.kind ? recorded.kind : null;
    if (override === null) continue;
    Object.assign(overrides, { [stored.name]: override });
    notes.push(override === 'excluded' ? `"${stored.name}" left out, as the run's Data cell did` : `"${stored.name}" read as ${override}, as the run's Data cell did (stored as ${stored.kind})`);
  }
  return { kind: 'ready', datasetId: found.id, overrides, notes };
}
