// Prediction drift: the distribution of the model's scores on the batch (a class probability or a predicted number)
// against its scores on the version's reference rows — the same KS, PSI binning, Wasserstein and JS as a feature.

import { DataError, ExportError } from '../errors';
import { sortFinite } from '../stats/sort-finite';
import { classifyPsi, resolveDriftThresholds, SMALL_BATCH_ROWS } from './drift-settings';
import type { DriftOptions, DriftStatus } from './drift-types';
import { measureNumericDrift, type NumericMeasures } from './measure-numeric-drift';

export interface PredictionDrift extends NumericMeasures {
  readonly status: DriftStatus;
  /** Finite scores compared on each side. */
  readonly compared: { readonly reference: number; readonly batch: number };
  readonly smallSample: boolean;
}

/** Scores on the batch against reference scores (NaN and infinities left out); badges by the PSI thresholds of `options`. */
export function measurePredictionDrift(referenceScores: ArrayLike<number>, batchScores: ArrayLike<number>, options: DriftOptions = {}): PredictionDrift {
  const thresholds = resolveDriftThresholds(options);
  const reference = sortFinite(Float64Array.from(referenceScores)).sorted;
  const batch = sortFinite(Float64Array.from(batchScores)).sorted;
  if (reference.length === 0) {
    throw new ExportError('This model version has no reference scores to compare with (no finite prediction on its reference rows); score its validation rows again, or retrain the run.');
  }
  if (batch.length === 0) {
    throw new DataError(`The model gave no finite score on the batch (${batchScores.length} rows); check the schema messages above — a missing column leaves every row unscored.`);
  }
  const measures = measureNumericDrift(reference, batch);
  return {
    ...measures,
    status: classifyPsi(measures.psi, thresholds),
    compared: { reference: reference.length, batch: batch.length },
    smallSample: batch.length < SMALL_BATCH_ROWS || reference.length < SMALL_BATCH_ROWS,
  };
}
