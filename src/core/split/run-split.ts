// One Split-cell run: the holdout parts, the cross-validation folds over the training part and the summary,
// computed together so the compute worker answers in one trip. Rows without a target are in no part and no fold:
// nothing can learn from or be scored on them.

import type { Table } from '../table/types';
import { findColumn, listPresentRows } from './column-keys';
import { makeFolds } from './make-folds';
import { splitHoldout } from './split-holdout';
import type { Fold, FoldSpec, HoldoutSpec, HoldoutSplit } from './split-spec';
import { summarizeSplit, type SplitSummary, type SummarizeOptions } from './summarize-split';

/** What a Split cell asks for: the holdout, optional folds of its training part, and what to summarize by. */
export interface SplitRequest {
  readonly holdout: HoldoutSpec;
  readonly folds: FoldSpec | null;
  readonly summarize: SummarizeOptions;
  /** The Problem's target: rows where it is missing are left out of every part (and so of every fold). */
  readonly target?: string;
}

/** The parts (sorted row indices), the folds (empty without a fold spec) and the summary with its issues. */
export interface SplitResult extends HoldoutSplit {
  readonly folds: Fold[];
  readonly summary: SplitSummary;
}

/** Splits `table` as `request` asks; deterministic for a given seed. DataError on a bad column or fold count. */
export function runSplit(table: Table, request: SplitRequest): SplitResult {
  const rows = request.target ? listPresentRows(findColumn(table, request.target, 'target')) : undefined;
  const split = splitHoldout(table, request.holdout, rows);
  const folds = request.folds ? makeFolds(table, split.train, request.folds) : [];
  return { ...split, folds, summary: summarizeSplit(table, split, request.summarize) };
}

/** Every index buffer of a split result, for comlink's `transfer`. */
export function collectSplitBuffers(result: SplitResult): ArrayBuffer[] {
  const arrays = [result.train, result.validation, result.test, ...result.folds.flatMap((f) => [f.train, f.validation])];
  return arrays.map((a) => a.buffer as ArrayBuffer);
}
