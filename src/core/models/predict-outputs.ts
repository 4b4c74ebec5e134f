// One way to get a model's predictions and probabilities for scoring: through predictInBlocks when the family
// has it (one stoppable pass, kNN), else predict and predictProba as they are (fast families).

import { createAbortError } from '../errors';
import type { FeatureMatrix, FittedModel, ModelOutputs, PredictOptions } from './types';

/**
 * predict and (when `withProba` and the model has it) predictProba of X; rejects with an AbortError when
 * `options` say stop before the work starts or, for a predictInBlocks model, between its blocks.
 */
export async function predictOutputs(model: FittedModel, X: FeatureMatrix, withProba: boolean, options: PredictOptions = {}): Promise<ModelOutputs> {
  if (options.signal?.aborted === true) throw createAbortError();
  if (model.predictInBlocks) {
    const outputs = await model.predictInBlocks(X, options);
    return withProba ? outputs : { predictions: outputs.predictions, proba: null };
  }
  return { predictions: model.predict(X), proba: withProba && model.predictProba ? model.predictProba(X) : null };
}
