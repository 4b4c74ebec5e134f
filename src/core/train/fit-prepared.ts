// Fits one family on prepared training data: resolves its hyperparameters, chooses a TF.js backend for
// neural families, passes seed / stop / abort / validation through, and records the curve.

import { findModelFamily } from '../models/registry';
import type { FittedModel, Hyperparameters, ModelFamily, TrainingProgress } from '../models/types';
import type { TrainingData } from './prepare-training-data';
import { createCurveRecorder } from './record-curve';
import type { BackendChoice, TrainContext, TrainRequest } from './types';

export interface PreparedFit {
  model: FittedModel;
  family: ModelFamily;
  params: Hyperparameters;
  curve: TrainingProgress[];
  backend?: BackendChoice;
  stopped: boolean;
}

/** The family's defaults overridden by the values `params` gives for known names. */
export function resolveParams(family: ModelFamily, params: Hyperparameters): Hyperparameters {
  return Object.fromEntries(family.params.map((spec) => [spec.name, params[spec.name] ?? spec.default]));
}

/** Fits `request.family` on `data.train`; `fold` (null for the main fit) tags the progress records. */
export async function fitPrepared(data: TrainingData, request: TrainRequest, ctx: TrainContext, fold: number | null = null): Promise<PreparedFit> {
  const family = findModelFamily(request.family);
  const params = resolveParams(family, request.params);
  const backend = family.group === 'neural' && ctx.selectBackend ? await ctx.selectBackend() : undefined;
  const curve = createCurveRecorder(family.label);
  let stopped = false;
  const model = await family.fit(data.train.X, data.train.y, params, {
    seed: request.seed,
    signal: ctx.signal,
    ...(data.train.sampleWeights ? { sampleWeights: data.train.sampleWeights } : {}),
    ...(data.validation ? { validation: data.validation } : {}),
    shouldStop: () => (stopped ||= ctx.shouldStop?.() === true),
    onProgress: (progress) => {
      curve.record(progress);
      ctx.onProgress?.({ ...progress, runId: request.id, fold });
    },
  });
  return { model, family, params, curve: curve.read(), ...(backend ? { backend } : {}), stopped };
}
