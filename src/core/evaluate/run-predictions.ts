// A run's predictions on held-out rows with a target: what Evaluate's panels and Compare's tests read. Plain
// typed arrays, so a worker returns them by transfer and a cell saves them as its output.

/** A stored run's predictions on held-out rows with a target: class indices (in `classes` order) or numbers. */
export interface RunPredictions {
  /** Dataset-table row index of each prediction (rows a filter step removed or without a target are left out). */
  rows: Uint32Array;
  yTrue: Float64Array;
  yPred: Float64Array;
  /** Row-major rows × classes probabilities; null for regression or a classifier without probabilities. */
  proba: Float64Array | null;
  classes: string[] | null;
}

/** Column `positive` of the row-major probabilities (the score of the positive class); null without probabilities. */
export function readPositiveScore(predictions: RunPredictions, positive: number): Float64Array | null {
  const { proba, classes, yTrue } = predictions;
  if (!proba || !classes) return null;
  return Float64Array.from({ length: yTrue.length }, (_, i) => proba[i * classes.length + positive]);
}

/** The buffers of `predictions`, for a worker to hand them over by transfer. */
export function listPredictionBuffers(predictions: RunPredictions): ArrayBuffer[] {
  const { rows, yTrue, yPred, proba } = predictions;
  return [rows.buffer, yTrue.buffer, yPred.buffer, ...(proba ? [proba.buffer] : [])] as ArrayBuffer[];
}
