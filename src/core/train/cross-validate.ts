// Cross-validation of one candidate: every fold refits the whole pipeline on its own training rows only
// (no statistic of a fold's scored rows reaches its fit), then the fold scores are summarised as mean ± std.

import type { Fold } from '../split/split-spec';
import type { Table } from '../table/types';
import { describePreparation, fitPrepared } from './fit-prepared';
import { prepareTrainingData } from './prepare-training-data';
import { listProblemMetrics, scoreModelUnlessStopped } from './score-model';
import { summarizeFolds } from './summarize-folds';

export { summarizeFolds };
import type { CvSummary, MetricScores, TrainContext, TrainRequest } from './types';

/** Fits `request` on `fold.train` (pipeline included) and scores it on `fold.validation`; null when a stop came before the fold was scored. */
export async function scoreFold(table: Table, fold: Fold, foldIndex: number, request: TrainRequest, ctx: TrainContext = {}): Promise<MetricScores | null> {
  const data = prepareTrainingData(table, fold, describePreparation(request));
  if (!data.validation) return {};
  const { model } = await fitPrepared(data, request, ctx, foldIndex);
  return scoreModelUnlessStopped(model, data.validation.X, data.validation.y, request.problem, { signal: ctx.signal, shouldStop: ctx.shouldStop });
}

/** Scores every fold in turn (stopping early on a stop request) and summarises them. */
export async function crossValidate(table: Table, folds: readonly Fold[], request: TrainRequest, ctx: TrainContext = {}): Promise<CvSummary> {
  const scores: MetricScores[] = [];
  for (let f = 0; f < folds.length; f++) {
    if (ctx.shouldStop?.()) break;
    const fold = await scoreFold(table, folds[f], f, request, ctx);
    if (fold === null) break;
    scores.push(fold);
  }
  return summarizeFolds(scores, folds.length, listProblemMetrics(request.problem));
}
