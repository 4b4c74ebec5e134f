// Cross-validation of one candidate: every fold refits the whole pipeline on its own training rows only
// (no statistic of a fold's scored rows reaches its fit), then the fold scores are summarised as mean ± std.

import type { MetricId } from '../problem/metrics';
import type { Fold } from '../split/split-spec';
import type { Table } from '../table/types';
import { fitPrepared } from './fit-prepared';
import { prepareTrainingData } from './prepare-training-data';
import { listProblemMetrics, scoreModel } from './score-model';
import type { CvMetric, CvSummary, MetricScores, TrainContext, TrainRequest } from './types';

/** Fits `request` on `fold.train` (pipeline included) and scores it on `fold.validation`. */
export async function scoreFold(table: Table, fold: Fold, foldIndex: number, request: TrainRequest, ctx: TrainContext = {}): Promise<MetricScores> {
  const data = prepareTrainingData(table, fold, request.steps, request.problem);
  if (!data.validation) return {};
  const { model } = await fitPrepared(data, request, ctx, foldIndex);
  return scoreModel(model, data.validation.X, data.validation.y, request.problem);
}

/** Mean and population std (ddof 0) per metric over the folds' defined values; `total` is the planned fold count. */
export function summarizeFolds(scores: readonly MetricScores[], total: number, metrics: readonly MetricId[]): CvSummary {
  const summary: Partial<Record<MetricId, CvMetric>> = {};
  for (const id of metrics) {
    const values = scores.map((s) => s[id]?.value ?? null);
    const defined = values.filter((v): v is number => v !== null);
    if (defined.length === 0) {
      summary[id] = { mean: null, std: null, values };
      continue;
    }
    const mean = defined.reduce((a, b) => a + b, 0) / defined.length;
    const std = Math.sqrt(defined.reduce((a, v) => a + (v - mean) ** 2, 0) / defined.length);
    summary[id] = { mean, std, values };
  }
  return { folds: total, completed: scores.length, metrics: summary };
}

/** Scores every fold in turn (stopping early on a stop request) and summarises them. */
export async function crossValidate(table: Table, folds: readonly Fold[], request: TrainRequest, ctx: TrainContext = {}): Promise<CvSummary> {
  const scores: MetricScores[] = [];
  for (let f = 0; f < folds.length; f++) {
    if (ctx.shouldStop?.()) break;
    scores.push(await scoreFold(table, folds[f], f, request, ctx));
  }
  return summarizeFolds(scores, folds.length, listProblemMetrics(request.problem));
}
