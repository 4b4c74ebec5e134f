// Which families can train on every row of a streamed dataset (no TensorFlow.js here: the Train cell reads it).

/** Families that fit chunk by chunk; every other family trains on the sample. */
export const STREAMABLE_FAMILIES: readonly string[] = ['linear_regression', 'logistic_regression', 'neural_network'];

/** Why a family outside STREAMABLE_FAMILIES trains on the sample. */
export const NOT_STREAMABLE_REASON = 'Only linear regression, logistic regression and the neural network learn a chunk at a time; this model trains on the sample.';

/** Why `family` cannot stream (null: it can). */
export function explainNotStreamable(family: string): string | null {
  return STREAMABLE_FAMILIES.includes(family) ? null : NOT_STREAMABLE_REASON;
}
