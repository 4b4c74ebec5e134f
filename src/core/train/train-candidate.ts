// Trains one candidate end to end: fit pipeline + model on the training part, score on validation, then
// (optionally) cross-validate with the pipeline refitted in every fold, and return a plain TrainedRun.

import type { FittedModel, ModelWarning } from '../models/types';
import { undefinedMetric } from '../evaluate/metric-value';
import type { Table } from '../table/types';
import { crossValidateKeeping } from './cross-validate';
import { mergeOutOfFold } from '../tune/ensemble/merge-out-of-fold';
import { describePreparation, fitPrepared, type PreparedFit } from './fit-prepared';
import { prepareTrainingData, type TrainingData } from './prepare-training-data';
import { listProblemMetrics, scoreModel, scoreModelUnlessStopped } from './score-model';
import type { CvSummary, MetricScores, OutOfFold, TrainContext, TrainedRun, TrainingParts, TrainRequest } from './types';
import { nowMs } from '../time/now-ms';
import { recordProvenance } from './record-provenance';

/**
 * The main fit of `request` on `parts.train`, scored on `parts.validation`; `metrics.cv` is null. A stop that
 * arrives while a kNN still predicts the validation rows keeps the model, its run stopped and unscored.
 */
export async function trainOnTrainingPart(table: Table, parts: TrainingParts, request: TrainRequest, ctx: TrainContext = {}): Promise<TrainedRun> {
  const startedMs = nowMs();
  const data = prepareTrainingData(table, parts, describePreparation(request));
  const fit = await fitPrepared(data, request, ctx);
  if (!data.validation) return assembleRun(request, data, fit, startedMs);
  const scores = await scoreModelUnlessStopped(fit.model, data.validation.X, data.validation.y, request.problem, { signal: ctx.signal, shouldStop: ctx.shouldStop });
  return assembleRun(request, data, { ...fit, stopped: fit.stopped || scores === null }, startedMs, scores ?? listUnscored(request.problem));
}

/** Every metric of the problem, undefined because a stop came before the validation rows were scored. */
function listUnscored(problem: TrainRequest['problem']): MetricScores {
  const reason = undefinedMetric('stopped before the validation rows were scored');
  return Object.fromEntries(listProblemMetrics(problem).map((id) => [id, reason]));
}

/** The plain run of a finished fit: validation scores (computed here unless given), model and pipeline JSON, curve and info. */
export function assembleRun(request: TrainRequest, data: TrainingData, fit: PreparedFit, startedMs: number, scores?: MetricScores): TrainedRun {
  const validation = scores ?? (data.validation ? scoreModel(fit.model, data.validation.X, data.validation.y, request.problem) : {});
  return {
    id: request.id,
    family: fit.family.kind,
    label: fit.family.label,
    baseline: fit.family.group === 'baseline',
    params: fit.params,
    task: fit.model.task,
    seed: request.seed,
    primaryMetric: request.problem.primaryMetric,
    metrics: { validation, cv: null },
    curve: fit.curve,
    durationMs: nowMs() - startedMs,
    ...(fit.backend ? { backend: fit.backend } : {}),
    trainedAt: Date.now(),
    stopped: fit.stopped,
    model: fit.model.toJSON(),
    pipeline: data.fitted,
    featureNames: [...data.train.X.featureNames],
    ...(data.train.y.classes ? { classes: [...data.train.y.classes] } : {}),
    info: pickPlainInfo(fit.model.info),
    steps: [...request.steps],
    autoPrepare: request.autoPrepare !== false,
    ...(data.autoPreparation ? { autoPreparation: data.autoPreparation } : {}),
    ...(request.configKey ? { configKey: request.configKey } : {}),
    ...(request.trial ? { trial: { ...request.trial } } : {}),
    ...pickWarnings(fit.model),
    ...recordProvenance(request, data.fitted),
    inputContract: data.contract,
  };
}

/** trainOnTrainingPart, then CV over `parts.folds` when asked (skipped after a stop); durationMs covers both. */
export async function trainCandidate(table: Table, parts: TrainingParts, request: TrainRequest, ctx: TrainContext = {}): Promise<TrainedRun> {
  return (await trainCandidateKeeping(table, parts, { ...request, keepFoldPredictions: false }, ctx)).run;
}

/**
 * trainCandidate, and the candidate's out-of-fold predictions when `request.keepFoldPredictions` and every fold was
 * scored (null otherwise). They are handed back beside the run, never stored with it.
 */
export async function trainCandidateKeeping(table: Table, parts: TrainingParts, request: TrainRequest, ctx: TrainContext = {}): Promise<{ run: TrainedRun; outOfFold: OutOfFold | null }> {
  const startedMs = nowMs();
  const run = await trainOnTrainingPart(table, parts, request, ctx);
  let cv: CvSummary | null = null;
  let outOfFold: OutOfFold | null = null;
  if (request.crossValidate && parts.folds.length > 0 && !run.stopped) {
    const result = await crossValidateKeeping(table, parts.folds, request, ctx);
    cv = result.cv;
    if (request.keepFoldPredictions) outOfFold = mergeOutOfFold(result.predictions, run.classes ?? null);
  }
  return { run: { ...run, metrics: { ...run.metrics, cv }, durationMs: nowMs() - startedMs }, outOfFold };
}

/** `{ warnings }` as plain records when the fit left any, else nothing (runs without warnings carry no field). */
export function pickWarnings(model: FittedModel): { warnings?: ModelWarning[] } {
  return model.warnings?.length ? { warnings: model.warnings.map((w) => ({ code: w.code, message: w.message })) } : {};
}

/** The numbers, strings and booleans of a model's info (arrays such as importances stay in the model JSON). */
export function pickPlainInfo(info: Record<string, unknown>): Record<string, number | string | boolean> {
  const out: Record<string, number | string | boolean> = {};
  for (const [key, value] of Object.entries(info)) {
    if (typeof value === 'string' || typeof value === 'boolean' || (typeof value === 'number' && Number.isFinite(value))) out[key] = value;
  }
  return out;
}
