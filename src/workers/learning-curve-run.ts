// The Evaluate cell's learning-curve job (placeholder until it lands this session).

import { ModelSpecError } from '../core/errors';

/** Refits a stored run's candidate on growing shares of the training rows; see the Evaluate cell. */
export async function computeLearningCurve(): Promise<never> {
  throw new ModelSpecError('The learning curve is not available yet.');
}
