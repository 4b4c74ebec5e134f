// The contract every model family implements: a typed hyperparameter schema (it drives the form in the UI and
// the search space of tuning), fit on a numeric feature matrix, predict / predictProba, and versioned JSON.

import type { Task } from '../problem/types';

export type { Task };

/** Row-major features; NaN is missing. Categorical features hold category codes (0, 1, …) as numbers. */
export interface FeatureMatrix {
  readonly values: Float64Array;
  readonly rows: number;
  readonly cols: number;
  readonly featureNames: readonly string[];
  /** Per feature: true when its values are category codes (for native categorical splits). */
  readonly categorical?: readonly boolean[];
}

/** Regression: the values. Classification: class indices 0 … classes.length − 1. Clustering: unused. */
export interface Target {
  readonly values: Float64Array;
  /** Class labels in index order (classification only). */
  readonly classes?: readonly string[];
}

export type HyperparameterSpec =
  | { kind: 'int'; name: string; label: string; min: number; max: number; default: number; log?: boolean; help?: string }
  | { kind: 'float'; name: string; label: string; min: number; max: number; default: number; log?: boolean; help?: string }
  | { kind: 'choice'; name: string; label: string; options: readonly string[]; default: string; help?: string }
  | { kind: 'bool'; name: string; label: string; default: boolean; help?: string };

export type HyperparameterValue = number | string | boolean;
export type Hyperparameters = Record<string, HyperparameterValue>;

/** One progress record from an iterative fit; fires at most once per iteration / epoch / tree. */
export interface TrainingProgress {
  /** 1-based iteration (epoch, boosting round, tree) just finished. */
  iteration: number;
  /** Planned iterations (the maximum when early stopping may end sooner). */
  total: number;
  /** e.g. { trainLoss, validationLoss, validationScore } for the curves. */
  metrics: Record<string, number>;
}

export interface FitContext {
  /** Seed for every random choice; same seed + same data → same model. */
  seed: number;
  signal?: AbortSignal;
  onProgress?: (progress: TrainingProgress) => void;
  /** Held-out rows for early stopping (never the test set). */
  validation?: { X: FeatureMatrix; y: Target };
  /** Per-row weights (class weights, resampling), length X.rows. */
  sampleWeights?: Float64Array;
  /** Cooperative stop: when it returns true the fit ends and keeps the best model so far. */
  shouldStop?: () => boolean;
}

/** How a long prediction is interrupted: both are read between blocks of rows. */
export interface PredictOptions {
  signal?: AbortSignal;
  /** Cooperative stop (a Stop press in the training worker): true ends the prediction with an AbortError. */
  shouldStop?: () => boolean;
}

/** One pass of predictions over X: `predict`'s values and, for a classifier, `predictProba`'s rows × classes. */
export interface ModelOutputs {
  predictions: Float64Array;
  proba: Float64Array | null;
}

/** A fitted model, plain JSON when serialised: `{ formatVersion, kind, task, params, state }`. */
export interface SerializedModel {
  formatVersion: 1;
  kind: string;
  task: Task;
  params: Hyperparameters;
  featureNames: string[];
  classes?: string[];
  /** Family-specific learned state: numbers, arrays, nested objects only (NaN-safe encoding where needed). */
  state: unknown;
}

export interface FittedModel {
  readonly kind: string;
  readonly task: Task;
  /** Regression: values. Classification: class indices. Clustering: cluster ids. Length X.rows. */
  predict(X: FeatureMatrix): Float64Array;
  /** Classification only: row-major probabilities, X.rows × classes. */
  predictProba?(X: FeatureMatrix): Float64Array;
  /**
   * Optional, for families whose prediction can take seconds (kNN): predict and predictProba in one pass over X,
   * in blocks that hand the event loop a turn every ~50 ms; rejects with an AbortError once `options` say stop.
   * Equal to predict / predictProba. Use `predictOutputs` to call it with a fallback for other models.
   */
  predictInBlocks?(X: FeatureMatrix, options?: PredictOptions): Promise<ModelOutputs>;
  /** Learned extras shown to the user (feature importances, coefficients, iterations used, OOB score…). */
  readonly info: Record<string, unknown>;
  toJSON(): SerializedModel;
}

/** A family's metadata: what the UI needs to list it and draw its form, without the fit code. */
export type FamilyInfo = Pick<ModelFamily, 'kind' | 'label' | 'group' | 'tasks' | 'params' | 'acceptsMissing'>;

export interface ModelFamily {
  readonly kind: string;
  readonly label: string;
  readonly group: 'baseline' | 'linear' | 'neural' | 'tree' | 'ensemble' | 'neighbors' | 'bayes' | 'unsupervised';
  readonly tasks: readonly Task[];
  readonly params: readonly HyperparameterSpec[];
  /** False when NaN features must be imputed first (the fit then throws a ModelSpecError naming the column). */
  readonly acceptsMissing: boolean;
  fit(X: FeatureMatrix, y: Target, params: Hyperparameters, ctx: FitContext): Promise<FittedModel>;
  fromJSON(json: SerializedModel): FittedModel;
}
