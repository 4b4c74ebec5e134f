// Turns a Split cell's spec (plus the Problem above and the table's columns) into the exact core requests —
// holdout spec, fold spec, summary options — and the key that says whether a saved split still matches.

import { DataError } from '../errors';
import type { ProblemCellSpec, SplitCellSpec } from '../notebook/types';
import type { SplitRequest } from './run-split';
import type { FoldSpec, HoldoutSpec, SplitFractions } from './split-spec';

export const MS_PER_DAY = 86_400_000;

/** True when the Problem above is a classification with a target (stratifying makes sense). */
export function isClassificationProblem(problem: ProblemCellSpec | null): boolean {
  return !!problem?.target && (problem.task === 'binary' || problem.task === 'multiclass');
}

/** The strategy 'auto' stands for: stratified for classification, random otherwise. */
export function resolveStrategy(spec: SplitCellSpec, problem: ProblemCellSpec | null): HoldoutSpec['kind'] {
  if (spec.strategy !== 'auto') return spec.strategy;
  return isClassificationProblem(problem) ? 'stratified' : 'random';
}

/** Percent inputs (e.g. 70, 15, 15) → fractions; a DataError naming the numbers unless they are ≥ 0 and sum to 100. */
export function readPercentages(train: number, validation: number, test: number): SplitFractions {
  const values = [train, validation, test];
  const sum = values.reduce((a, b) => a + b, 0);
  if (values.some((v) => !Number.isFinite(v) || v < 0) || Math.abs(sum - 100) > 1e-9 || train <= 0) {
    throw new DataError(`Train ${train} %, validation ${validation} %, test ${test} % must be ≥ 0 (train > 0) and add up to 100 (now ${sum}).`);
  }
  return { train: train / 100, validation: validation / 100, test: test / 100 };
}

/**
 * The core requests for `spec` over a table of `columns` (rows without the Problem's target are left out of every
 * part); a DataError when a column it needs is unset or absent.
 */
export function buildSplitRequest(spec: SplitCellSpec, problem: ProblemCellSpec | null, columns: readonly { readonly name: string }[]): SplitRequest {
  const kind = resolveStrategy(spec, problem);
  const names = new Set(columns.map((c) => c.name));
  const present = (name: string | null | undefined) => (name && names.has(name) ? name : undefined);
  const target = present(spec.target) ?? present(problem?.target);
  const timeColumn = present(spec.timeColumn);
  const groupColumn = present(spec.groupColumn);
  if (kind === 'stratified' && !target) throw new DataError('A stratified split needs a class column: choose a target here or in a Problem cell above.');
  if (kind === 'temporal' && !timeColumn) throw new DataError('A temporal split needs a time column: choose a datetime column.');
  if (kind === 'grouped' && !groupColumn) throw new DataError('A grouped split needs a group column: choose one.');
  const holdout: HoldoutSpec = {
    kind,
    fractions: spec.fractions,
    seed: spec.seed,
    ...(kind === 'stratified' ? { target } : {}),
    ...(kind === 'temporal' ? { timeColumn, gapMs: Math.max(0, spec.gapDays) * MS_PER_DAY } : {}),
    ...(kind === 'grouped' ? { groupColumn } : {}),
  };
  // The Problem's task reads the target (classes or numbers) only when the summary describes that very column.
  const problemTarget = problem?.task === 'clustering' ? undefined : present(problem?.target);
  const task = target !== undefined && target === problemTarget ? problem?.task : undefined;
  return {
    holdout,
    folds: buildFoldSpec(spec, target, timeColumn, groupColumn),
    summarize: { target, task, timeColumn, groupColumn },
    ...(problemTarget ? { target: problemTarget } : {}),
  };
}

function buildFoldSpec(spec: SplitCellSpec, target: string | undefined, timeColumn: string | undefined, groupColumn: string | undefined): FoldSpec | null {
  if (!spec.cv) return null;
  const { kind, k } = spec.cv;
  if (kind === 'stratified' && !target) throw new DataError('Stratified folds need a class column: choose a target.');
  if (kind === 'group' && !groupColumn) throw new DataError('Group folds need a group column: choose one.');
  return {
    kind,
    k,
    seed: spec.seed,
    ...(kind === 'stratified' ? { target } : {}),
    ...(kind === 'group' ? { groupColumn } : {}),
    ...(kind === 'timeseries' && timeColumn ? { timeColumn } : {}),
  };
}

/** The key of a split's inputs: the dataset key and the request (finalEvaluations is not an input). */
export function describeSplitInputKey(datasetKey: string, request: SplitRequest): string {
  return `${datasetKey}|split=${JSON.stringify(request)}`;
}

/** The spec after one more explicit final evaluation on the locked test part (the only way to report on it). */
export function recordFinalEvaluation(spec: SplitCellSpec): SplitCellSpec {
  return { ...spec, finalEvaluations: spec.finalEvaluations + 1 };
}
