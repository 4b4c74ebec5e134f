// The automatic mode's planner, after FLAML's cost-aware learner proposer (Wang et al., MLSys 2021): which families
// to try for a task and data size, where each starts (its low-cost configuration), and which family gets the next
// trial. The next family is the one with the smallest estimated cost for improvement (ECI), in milliseconds:
//
//   K₀ = the family's total trial cost so far, K₁ = K₀ when its best loss was found, K₂ = K₀ when its previous best
//   was found (0 when there is none).
//   ECI₁ = max(K₀ − K₁, K₁ − K₂, last trial's cost)      — the cost of its next own improvement, judged by the last ones.
//   When its best trails the best of all families by gap > 0:
//     speed = (previous best − best) / (K₀ − K₂)           — |best| / K₀ when it improved only once;
//     ECI = max(ECI₁, 2 · gap / speed)                      — the cost of catching up at that speed;
//   else ECI = ECI₁.
//
// Untried families come first, cheapest first by a prior relative cost (below); their next trial is estimated as
// that relative cost times the median "cost unit" (last trial cost ÷ relative cost) of the tried families (no
// estimate, so no time check, before the first trial has a cost). A family whose trials all failed is tried once
// more only when nothing else is left, and never after two failures. A family whose next trial (its last trial's
// cost) would not fit in the remaining time is skipped; none left → null.
// Unlike FLAML, which samples a family with probability ∝ 1/ECI, the choice is deterministic (smallest ECI, ties in
// the given order), so that a seeded automatic run repeats.

import { MODEL_CATALOG } from '../models/catalog';
import type { FamilyInfo, Hyperparameters, Task } from '../models/types';

/** What the planner knows of one family's trials so far. */
export interface FamilySearchState {
  readonly family: string;
  readonly trials: number;
  /** The best loss (lower is better) of its successful trials; null when none succeeded (or none ran). */
  readonly bestLoss: number | null;
  readonly lastCostMs: number;
  readonly totalCostMs: number;
  /** Each time its best loss improved: its total cost at that trial's end (ms) and the new best, in order. */
  readonly improvements: readonly { readonly costMs: number; readonly loss: number }[];
}

/**
 * Relative cost of one trial at the family's low-cost start, gradient boosting = 1 (rough, for ordering untried
 * families only: measured costs replace it after one trial). kNN's is its prediction, which grows with rows².
 */
const RELATIVE_COST: ReadonlyMap<string, number> = new Map([
  ['naive_bayes', 0.05], ['linear_regression', 0.1], ['logistic_regression', 0.3], ['kmeans', 0.3], ['decision_tree', 0.3],
  ['gradient_boosting', 1], ['knn', 1], ['random_forest', 2], ['neural_network', 4],
]);

/** Past this many training rows, or cells, kNN's prediction (every validation row against every training row) outgrows any budget. */
const KNN_MAX_ROWS = 50_000;
const KNN_MAX_CELLS = 5_000_000;
/** Below this many rows an MLP rarely beats boosting on a table and costs the most per trial (TensorFlow.js start, epochs). */
const NEURAL_MIN_ROWS = 1_000;

/**
 * The families the automatic mode tries for `task` on `rows` × `cols` training data, cheapest first: boosting,
 * forest, the linear model of the task, naive Bayes (classification), kNN up to 50,000 rows and 5 M cells, the
 * network from 1,000 rows; k-means for clustering. Never a baseline (the runner adds one as the reference) nor PCA; not the single
 * decision tree, which the forest and boosting dominate at a similar cost.
 */
export function listAutoFamilies(task: Task, rows: number, cols: number, catalog: readonly FamilyInfo[] = MODEL_CATALOG): FamilyInfo[] {
  const kinds = task === 'clustering'
    ? ['kmeans']
    : [
      'gradient_boosting', 'random_forest', task === 'regression' ? 'linear_regression' : 'logistic_regression',
      ...(task === 'regression' ? [] : ['naive_bayes']), ...(rows <= KNN_MAX_ROWS && rows * cols <= KNN_MAX_CELLS ? ['knn'] : []), ...(rows >= NEURAL_MIN_ROWS ? ['neural_network'] : []),
    ];
  return catalog
    .filter((family) => kinds.includes(family.kind) && family.tasks.includes(task))
    .sort((a, b) => readRelativeCost(a.kind) - readRelativeCost(b.kind));
}

/** The cheap start of a family's search: each tuning hint's lowCost, else the parameter's default (unhinted parameters left out). */
export function lowCostParams(family: FamilyInfo): Hyperparameters {
  const params: Hyperparameters = {};
  for (const spec of family.params) {
    if (spec.tune === undefined) continue;
    params[spec.name] = (spec.kind === 'int' || spec.kind === 'float') && spec.tune.lowCost !== undefined ? spec.tune.lowCost : spec.default;
  }
  return params;
}

/** The family to give the next trial (see the formula above), or null when no family's next trial fits in `remainingMs`. */
export function chooseNextFamily(states: readonly FamilySearchState[], remainingMs: number): string | null {
  const unit = measureCostUnit(states);
  const untried = states
    .filter((s) => s.trials === 0)
    .filter((s) => unit === null || readRelativeCost(s.family) * unit <= remainingMs);
  if (untried.length > 0) return untried.reduce((a, b) => (readRelativeCost(b.family) < readRelativeCost(a.family) ? b : a)).family;
  const globalBest = Math.min(...states.flatMap((s) => (s.bestLoss === null ? [] : [s.bestLoss])));
  const eligible = states.filter((s) => s.trials > 0 && s.lastCostMs <= remainingMs && (s.bestLoss !== null || s.trials < 2));
  if (eligible.length === 0) return null;
  const scored = eligible.map((s) => ({ family: s.family, eci: estimateCostForImprovement(s, globalBest) }));
  return scored.reduce((a, b) => (b.eci < a.eci ? b : a)).family;
}

/** ECI of a tried family (∞ when none of its trials succeeded). */
export function estimateCostForImprovement(state: FamilySearchState, globalBest: number): number {
  const { improvements, totalCostMs: k0, lastCostMs, bestLoss } = state;
  if (bestLoss === null || improvements.length === 0) return Infinity;
  const last = improvements[improvements.length - 1];
  const previous = improvements.length > 1 ? improvements[improvements.length - 2] : null;
  const k1 = last.costMs;
  const k2 = previous?.costMs ?? 0;
  const own = Math.max(k0 - k1, k1 - k2, lastCostMs);
  const gap = bestLoss - globalBest;
  if (!(gap > 0)) return own;
  const gained = previous ? previous.loss - last.loss : Math.abs(last.loss);
  const speed = gained / Math.max(k0 - k2, 1e-9);
  return speed > 0 ? Math.max(own, (2 * gap) / speed) : own;
}

function readRelativeCost(kind: string): number {
  return RELATIVE_COST.get(kind) ?? 1;
}

/** The median of tried families' last trial cost ÷ relative cost; null before any trial has a cost. */
function measureCostUnit(states: readonly FamilySearchState[]): number | null {
  const units = states.filter((s) => s.trials > 0 && s.lastCostMs > 0).map((s) => s.lastCostMs / readRelativeCost(s.family)).sort((a, b) => a - b);
  if (units.length === 0) return null;
  const mid = units.length >> 1;
  return units.length % 2 === 1 ? units[mid] : (units[mid - 1] + units[mid]) / 2;
}
