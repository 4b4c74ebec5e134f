// Expected cost per case at every threshold of a binary score, from the Problem cell's costs, and the threshold
// that minimises it. Costs are money per case; a gain is a negative cost (so "value" is −cost).
import { readSweepRow, sweepThresholds, type ThresholdSweep } from './sweep-thresholds';
import { DataError } from '../errors';

/** Cost of one case by outcome, in money per case (negative = a gain). */
export interface OutcomeCosts {
  truePositive: number;
  falsePositive: number;
  falseNegative: number;
  trueNegative: number;
}

/** Mean cost per case at each threshold; index 0 is "predict nothing positive" (threshold null). */
export interface CostCurve {
  thresholds: (number | null)[];
  meanCost: number[];
  /** The cheapest threshold (the highest one among ties, so the fewest rows are flagged). */
  best: { threshold: number | null; meanCost: number; index: number } | null;
  reason?: string;
}

/** Mean cost of the confusion counts at sweep row `index` (−1: no positives predicted). */
function measureCost(sweep: ThresholdSweep, index: number, costs: OutcomeCosts): number {
  const p = readSweepRow(sweep, index);
  const total = p.truePositives * costs.truePositive + p.falsePositives * costs.falsePositive +
    p.falseNegatives * costs.falseNegative + p.trueNegatives * costs.trueNegative;
  return total / (sweep.positives + sweep.negatives);
}

/** The expected cost at every distinct threshold of `score` (and at "none"), with the best threshold. */
export function computeCostCurve(yTrue: ArrayLike<number>, score: ArrayLike<number>, costs: OutcomeCosts, positiveClass = 1): CostCurve {
  for (const [name, cost] of Object.entries(costs)) {
    if (!Number.isFinite(cost)) throw new DataError(`the ${name} cost is ${cost}; enter a number (money per case, negative for a gain).`);
  }
  return costCurveFromSweep(sweepThresholds(yTrue, score, positiveClass), costs);
}

/** The cost curve from a sweep already made (the slider and the curve share one sort). */
export function costCurveFromSweep(sweep: ThresholdSweep, costs: OutcomeCosts): CostCurve {
  if (sweep.positives + sweep.negatives === 0) return { thresholds: [], meanCost: [], best: null, reason: 'no rows to score' };
  const thresholds: (number | null)[] = [null, ...sweep.thresholds];
  const meanCost = thresholds.map((_, k) => measureCost(sweep, k - 1, costs));
  let bestIndex = 0;
  for (let k = 1; k < meanCost.length; k++) if (meanCost[k] < meanCost[bestIndex]) bestIndex = k;
  return { thresholds, meanCost, best: { threshold: thresholds[bestIndex], meanCost: meanCost[bestIndex], index: bestIndex } };
}
