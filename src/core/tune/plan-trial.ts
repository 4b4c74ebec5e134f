// A planned trial as the training request and rows it runs on. A trial given part of the budget gets that share of
// its family's budget parameter (boosting rounds, trees, epochs) where the family has one, else that share of the
// training rows (and of each CV fold's training rows), drawn with the search's seed. Validation rows are never cut:
// every trial is scored on the same rows.

import type { FamilyInfo, Hyperparameters, HyperparameterSpec } from '../models/types';
import { createRandom, deriveSeed } from '../random/prng';
import { sampleRows } from '../random/sample-rows';
import type { Fold } from '../split/split-spec';
import type { RowIndices } from '../table/types';
import type { TrainingParts } from '../train/types';

/** How a share of the budget is given: fewer iterations of the family's budget parameter (when it defaults to a number), or fewer rows. */
export function chooseBudgetBy(family: Pick<FamilyInfo, 'capabilities' | 'params'>): 'rows' | 'iterations' {
  const name = family.capabilities.budgetParam;
  const spec = name ? family.params.find((p) => p.name === name) : undefined;
  return spec && (spec.kind === 'int' || spec.kind === 'float') && typeof spec.default === 'number' ? 'iterations' : 'rows';
}

/** `params` with the budget parameter cut to `budget` of its value (at least 1); unchanged at the full budget or by rows. */
export function scaleTrialParams(family: Pick<FamilyInfo, 'capabilities' | 'params'>, params: Hyperparameters, budget: number): Hyperparameters {
  const name = family.capabilities.budgetParam;
  if (!name || budget >= 1) return params;
  const spec = family.params.find((p) => p.name === name);
  const full = readFullBudget(spec, params[name]);
  if (full === null) return params;
  return { ...params, [name]: Math.max(1, Math.round(full * budget)) };
}

/** The rows a trial trains on: the full parts, or (by rows) a seeded `budget` share of training rows and of each fold's. */
export function cutTrialParts(parts: TrainingParts, budget: number, budgetBy: 'rows' | 'iterations', seed: number): TrainingParts {
  if (budget >= 1 || budgetBy === 'iterations') return parts;
  return {
    train: sampleShare(parts.train, budget, deriveSeed(seed, 0)),
    validation: parts.validation,
    folds: parts.folds.map((fold, f): Fold => ({ train: sampleShare(fold.train, budget, deriveSeed(seed, f + 1)), validation: fold.validation })),
  };
}

/** Training and validation rows together, ascending (the final model of "use best" on both). */
export function joinRows(a: RowIndices, b: RowIndices): RowIndices {
  const joined = new Uint32Array(a.length + b.length);
  joined.set(a);
  joined.set(b, a.length);
  return joined.sort();
}

/** The smallest share of rows a trial gets: fewer than 20 rows scores nothing worth comparing. */
const MIN_TRIAL_ROWS = 20;

function sampleShare(rows: RowIndices, budget: number, seed: number): RowIndices {
  const count = Math.min(rows.length, Math.max(MIN_TRIAL_ROWS, Math.round(rows.length * budget)));
  if (count >= rows.length) return rows;
  const picks = sampleRows(rows.length, count, createRandom(seed));
  return Uint32Array.from(picks, (i) => rows[i]);
}

function readFullBudget(spec: HyperparameterSpec | undefined, value: unknown): number | null {
  if (!spec || (spec.kind !== 'int' && spec.kind !== 'float')) return null;
  const chosen = value ?? spec.default;
  return typeof chosen === 'number' ? chosen : null;
}
