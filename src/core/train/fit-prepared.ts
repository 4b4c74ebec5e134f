// Fits one family on prepared training data: resolves its hyperparameters, chooses a TF.js backend for
// neural families, passes seed / stop / abort / validation through, and records the curve.

import { findModelFamily } from '../models/registry';
import type { FamilyNeeds, FittedModel, Hyperparameters, ModelFamily, TrainingProgress } from '../models/types';
import type { PreparationRequest, TrainingData } from './prepare-training-data';
import { resolveParams } from './run-config';
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


/** What automatic preparation must provide for `request` (its family's needs for its parameters), or null when it is off. */
export function resolveNeeds(request: Pick<TrainRequest, 'family' | 'params' | 'autoPrepare'>): FamilyNeeds | null {
  if (request.autoPrepare === false) return null;
  const family = findModelFamily(request.family);
  return family.needs(resolveParams(family, request.params));
}

/** The preparation request of `request`: its steps and problem, and its family's needs unless automatic preparation is off. */
export function describePreparation(request: TrainRequest): PreparationRequest {
  return { steps: request.steps, problem: request.problem, needs: resolveNeeds(request) };
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
