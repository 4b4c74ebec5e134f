// The hyperparameter schema of histogram gradient boosting (names and defaults as sklearn's
// HistGradientBoostingClassifier / Regressor, in camelCase).

import type { HyperparameterSpec, ParamCondition } from '../../types';

/** Patience, tolerance and the validation share matter only when early stopping may run ('auto' runs it past 10,000 rows or with validation rows). */
const EARLY_STOPPING_ON: ParamCondition = { param: 'earlyStopping', in: ['auto', 'on'] };

/**
 * Gradient boosting hyperparameters; maxDepth 0 means unlimited, earlyStopping 'auto' = on past 10,000 rows. Tuning
 * searches FLAML's LightGBM dimensions narrowed to what pays in a browser (rounds 16–512, leaves 4–128, both cheap first).
 */
export const BOOSTING_PARAMS: readonly HyperparameterSpec[] = [
  { kind: 'float', name: 'learningRate', label: 'Learning rate', min: 0.001, max: 1, default: 0.1, log: true, help: 'Shrinks each tree’s contribution.', tune: { min: 0.01, max: 0.3, log: true } },
  { kind: 'int', name: 'maxIter', label: 'Boosting rounds', min: 1, max: 5000, default: 100, log: true, tune: { min: 16, max: 512, log: true, lowCost: 16 } },
  { kind: 'int', name: 'maxLeafNodes', label: 'Leaves per tree', min: 2, max: 1024, default: 31, log: true, tune: { min: 4, max: 128, log: true, lowCost: 4 } },
  { kind: 'int', name: 'maxDepth', label: 'Max depth (0 = none)', min: 0, max: 64, default: 0 },
  { kind: 'int', name: 'minSamplesLeaf', label: 'Min rows per leaf', min: 1, max: 10000, default: 20, log: true, tune: { min: 2, max: 100, log: true } },
  { kind: 'float', name: 'l2Regularization', label: 'L2 regularisation', min: 0, max: 100, default: 0, tune: { min: 1e-3, max: 10, log: true } },
  { kind: 'int', name: 'maxBins', label: 'Bins per feature', min: 2, max: 255, default: 255 },
  { kind: 'choice', name: 'earlyStopping', label: 'Early stopping', options: ['auto', 'on', 'off'], default: 'auto',
    help: 'auto: on when a validation set is given or past 10,000 rows (10 % held out).' },
  { kind: 'int', name: 'nIterNoChange', label: 'Patience (rounds)', min: 1, max: 1000, default: 10, when: EARLY_STOPPING_ON },
  { kind: 'float', name: 'tol', label: 'Min loss improvement', min: 0, max: 1, default: 1e-7, when: EARLY_STOPPING_ON },
  { kind: 'float', name: 'validationFraction', label: 'Internal validation share', min: 0.01, max: 0.5, default: 0.1, when: EARLY_STOPPING_ON },
];

/** The resolved parameters as the training loop reads them. */
export interface BoostingSettings {
  learningRate: number;
  maxIter: number;
  maxLeafNodes: number;
  maxDepth: number;
  minSamplesLeaf: number;
  l2Regularization: number;
  maxBins: number;
  earlyStopping: 'auto' | 'on' | 'off';
  nIterNoChange: number;
  tol: number;
  validationFraction: number;
}
