// POST /predict end to end: pick the answering version (main or canary), score, count, log (sampled), and when a
// shadow is configured score the same input with it after the answer is sent, logging both.

import type { IncomingMessage } from 'node:http';
import type { Prediction } from '../predict';
import type { ServiceContext, ServedRole } from './service-context';
import { readPredictInput, scorePredictInput, selectLoggedRows, type PredictInput } from './score-request';

export interface PredictAnswer {
  version: string;
  rows: number;
  body: Prediction & { modelVersion: string; requestId: string };
}

/** The answer to a /predict request (HttpErrors for refused input propagate to the caller). */
export async function handlePredict(request: IncomingMessage, requestId: string, context: ServiceContext): Promise<PredictAnswer> {
  const { options, metrics } = context;
  const role: ServedRole = context.canary?.role === 'canary' ? context.chooseVersion(request.headers) : 'main';
  const model = role === 'canary' && context.canary ? context.canary.model : context.main;
  const input = await readPredictInput(request, options.maxBodyBytes);
  const prediction = await scorePredictInput(input, model.predictor, options.allowUnseen);
  metrics.recordPredictions(model.version, role, model.predictor.task, prediction.predictions);
  const logged = context.log !== null && context.random() < (options.log?.sample ?? 1);
  if (logged) appendPredictionLine(context, requestId, role, model, input, prediction);
  if (context.canary?.role === 'shadow') {
    const work = new Promise<void>((resolve) => setImmediate(resolve)).then(() => scoreShadow(context, requestId, input, logged));
    context.background.add(work);
    void work.finally(() => context.background.delete(work));
  }
  return { version: model.version, rows: prediction.predictions.length, body: { ...prediction, modelVersion: model.version, requestId } };
}

/** Runs the shadow on the same input once the main answer is on its way; a failure is counted and reported, never thrown. */
async function scoreShadow(context: ServiceContext, requestId: string, input: PredictInput, logged: boolean): Promise<void> {
  const shadow = context.canary?.model;
  if (!shadow) return;
  try {
    const prediction = await scorePredictInput(input, shadow.predictor, context.options.allowUnseen);
    context.metrics.recordPredictions(shadow.version, 'shadow', shadow.predictor.task, prediction.predictions);
    if (logged) appendPredictionLine(context, requestId, 'shadow', shadow, input, prediction);
  } catch (error) {
    context.metrics.recordShadowError(shadow.version);
    context.warn(`shadow ${shadow.version} could not score request ${requestId}: ${error instanceof Error ? error.message : String(error)}`);
  }
}

function appendPredictionLine(context: ServiceContext, requestId: string, role: ServedRole, model: ServiceContext['main'], input: PredictInput, prediction: Prediction): void {
  context.log?.append('prediction', {
    type: 'prediction',
    time: new Date().toISOString(),
    requestId,
    modelVersion: model.version,
    role,
    rows: selectLoggedRows(input, context.loggedFields),
    predictions: prediction.predictions,
    ...(prediction.probabilities ? { probabilities: prediction.probabilities, classes: prediction.classes } : {}),
    schemaHash: model.schemaHash,
  });
}
