// A streamed run end to end: the pipeline fitted on the sample, the family fitted on every training row of the
// source, then the validation rows scored — for the families that can learn a chunk at a time.

import { ModelSpecError } from '../../errors';
import type { ChunkSource } from '../../table/chunk-source';
import type { Table } from '../../table/types';
import { nowMs } from '../../time/now-ms';
import { resolveNeeds } from '../fit-prepared';
import type { TrainRequest } from '../types';
import type { StreamedSplit } from './hash-row';
import { fitLinearStreamed } from './fit-linear-streamed';
import { fitLogisticStreamed } from './fit-logistic-streamed';
import { fitNeuralStreamed } from './fit-neural-streamed';
import { prepareStreamed, type StreamedPreparation } from './prepare-streamed';
import { scoreStreamed, type StreamedScores } from './score-streamed';
import { findPositiveClass } from '../score-model';
import { explainNotStreamable } from './streamable-families';
import type { StreamedModelFit, StreamFitOptions } from './stream-types';

/** What a streamed fit needs besides the source: the request (family, params, seed, problem, steps) and the split's shares. */
export type StreamedFitRequest = Pick<TrainRequest, 'family' | 'params' | 'seed' | 'problem' | 'steps' | 'autoPrepare'> & { split: StreamedSplit };

export interface StreamedRun extends StreamedModelFit {
  prep: StreamedPreparation;
  validation: StreamedScores;
  durationMs: number;
}

/** Fits `request.family` on every training row of `source`, its pipeline fitted on `sample` (rows of the same source). */
export async function fitStreamed(source: ChunkSource, sample: Table, request: StreamedFitRequest, options: StreamFitOptions = {}): Promise<StreamedRun> {
  const started = nowMs();
  const reason = explainNotStreamable(request.family);
  if (reason !== null) throw new ModelSpecError(`${request.family}: ${reason}`);
  const prep = prepareStreamed(sample, request.steps, request.problem, resolveNeeds(request), request.split);
  const fit = await runFamily(source, prep, request, options);
  const validation = await scoreStreamed(source, prep, fit.model, options, findPositiveClass(request.problem, prep.classes ?? undefined));
  return { ...fit, prep, validation, durationMs: nowMs() - started };
}

function runFamily(source: ChunkSource, prep: StreamedPreparation, request: StreamedFitRequest, options: StreamFitOptions): Promise<StreamedModelFit> {
  switch (request.family) {
    case 'linear_regression': return fitLinearStreamed(source, prep, request.params, options);
    case 'logistic_regression': return fitLogisticStreamed(source, prep, request.params, options);
    default: return fitNeuralStreamed(source, prep, request.params, request.seed, options);
  }
}
