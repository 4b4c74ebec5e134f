// Greedy ensemble selection with replacement (Caruana, Niculescu-Mizil, Crew & Ksikes, "Ensemble selection from
// libraries of models", ICML 2004) on the candidates' out-of-fold predictions: start from the best single model, then
// each round add (again, if it helps most) the candidate whose addition scores best; keep the best round. Weights are
// counts / picks. The score is the problem's primary metric as the search reads it: its mean over the CV folds.

import { TuneError } from '../../errors';
import { computeProblemMetric } from '../../evaluate/select-problem-metric';
import { blendOutputs } from '../../models/ensemble/blend-outputs';
import type { ModelOutputs } from '../../models/types';
import { METRICS, type MetricId } from '../../problem/metrics';
import type { ProblemSpec } from '../../problem/types';
import { findPositiveClass, listProblemMetrics } from '../../train/score-model';
import { summarizeFolds } from '../../train/summarize-folds';
import type { CvSummary, MetricScores, OutOfFold } from '../../train/types';
import { fromLoss, toLoss } from '../types';
import { alignOutOfFold, type AlignedOutOfFold } from './align-out-of-fold';

/** A trial that may join the blend: its run and its out-of-fold predictions. */
export interface EnsembleCandidate {
  readonly runId: string;
  readonly outOfFold: OutOfFold;
}

/** The chosen blend: members with weights (Σ = 1), its objective and CV summary, and the best single model it beat. */
export interface EnsembleSelection {
  readonly members: { readonly runId: string; readonly weight: number }[];
  /** The blend's primary metric, mean over the folds of its out-of-fold rows (weights were chosen on these rows). */
  readonly value: number;
  readonly bestSingle: { readonly runId: string; readonly value: number };
  /** Picks behind the weights (the best round). */
  readonly picks: number;
  /** Every metric of the problem per fold on the blend's out-of-fold rows. */
  readonly cv: CvSummary;
}

export const ENSEMBLE_ROUNDS = 20;

/** The best blend of `candidates` found in ≤ `rounds` picks; null when none scores better than the best single model. */
export function selectEnsemble(candidates: readonly EnsembleCandidate[], problem: ProblemSpec, rounds = ENSEMBLE_ROUNDS): EnsembleSelection | null {
  if (candidates.length < 2) return null;
  const aligned = alignOutOfFold(candidates.map((c) => c.outOfFold));
  const metric = problem.primaryMetric;
  const lossOf = (outputs: ModelOutputs) => {
    const value = meanOverFolds(scoreFolds(outputs, aligned, problem, [metric]), metric);
    return value === null ? Infinity : toLoss(value, METRICS[metric].direction);
  };
  const singles = aligned.outputs.map(lossOf);
  const first = singles.reduce((best, loss, m) => (loss < singles[best] ? m : best), 0);
  if (!Number.isFinite(singles[first])) throw new TuneError(`No candidate of the ensemble has a defined ${METRICS[metric].label} on its out-of-fold rows; the ensemble cannot be chosen with it.`);
  const counts: number[] = aligned.outputs.map((_, m) => (m === first ? 1 : 0));
  let current = aligned.outputs[first];
  let best = { loss: singles[first], counts: [...counts], outputs: current };
  for (let pick = 2; pick <= rounds; pick++) {
    const trials = aligned.outputs.map((output) => blendOutputs([current, output], [(pick - 1) / pick, 1 / pick], aligned.classCount));
    const losses = trials.map(lossOf);
    const chosen = losses.reduce((at, loss, m) => (loss < losses[at] ? m : at), 0);
    counts[chosen]++;
    current = trials[chosen];
    if (losses[chosen] < best.loss) best = { loss: losses[chosen], counts: [...counts], outputs: current };
  }
  if (best.counts.filter((c) => c > 0).length < 2) return null;
  const picks = best.counts.reduce((a, b) => a + b, 0);
  const cv = summarizeFolds(scoreFolds(best.outputs, aligned, problem, listProblemMetrics(problem)), aligned.foldCount, listProblemMetrics(problem));
  return {
    members: candidates.flatMap((c, m) => (best.counts[m] > 0 ? [{ runId: c.runId, weight: best.counts[m] / picks }] : [])),
    value: cv.metrics[metric]?.mean ?? NaN,
    bestSingle: { runId: candidates[first].runId, value: fromLoss(singles[first], METRICS[metric].direction) },
    picks,
    cv,
  };
}

/** The problem's metrics `ids` on every fold's rows of `outputs` (rows grouped by fold, as alignOutOfFold orders them). */
export function scoreFolds(outputs: ModelOutputs, aligned: AlignedOutOfFold, problem: ProblemSpec, ids: readonly MetricId[]): MetricScores[] {
  const C = aligned.classCount;
  const positive = findPositiveClass(problem, aligned.classes ?? undefined);
  return aligned.foldRanges.map(({ start, end }) => {
    const held = {
      yTrue: aligned.yTrue.subarray(start, end), yPred: outputs.predictions.subarray(start, end),
      proba: outputs.proba ? outputs.proba.subarray(start * C, end * C) : null, classCount: C, positive,
    };
    return Object.fromEntries(ids.map((id) => [id, computeProblemMetric(id, held)]));
  });
}

function meanOverFolds(scores: readonly MetricScores[], metric: MetricId): number | null {
  const values = scores.map((s) => s[metric]?.value ?? null).filter((v): v is number => v !== null);
  return values.length === 0 ? null : values.reduce((a, b) => a + b, 0) / values.length;
}
