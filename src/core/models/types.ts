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

/** A numeric default the family chooses from the data at fit time (its help says how); a user may still give a number. */
export const AUTO = 'auto';

/**
 * One hyperparameter of a family's schema. A number whose default is 'auto' also accepts 'auto' as a value; min and
 * max bound the numbers a user (or a search) may give.
 */
export type HyperparameterSpec =
  | { kind: 'int'; name: string; label: string; min: number; max: number; default: number | typeof AUTO; log?: boolean; help?: string; when?: ParamCondition; tune?: NumericTuneHint }
  | { kind: 'float'; name: string; label: string; min: number; max: number; default: number | typeof AUTO; log?: boolean; help?: string; when?: ParamCondition; tune?: NumericTuneHint }
  | { kind: 'choice'; name: string; label: string; options: readonly string[]; default: string; help?: string; when?: ParamCondition; tune?: ChoiceTuneHint }
  | { kind: 'bool'; name: string; label: string; default: boolean; help?: string; when?: ParamCondition; tune?: true };

/**
 * A parameter that only matters for some values of another (l1_ratio only with penalty "elasticnet"): the form
 * greys it out otherwise and a search leaves it at its default there.
 */
export interface ParamCondition {
  readonly param: string;
  readonly in: readonly (string | boolean)[];
}

/**
 * Where tuning searches a number by default (narrower than what a user may type: min/max bound the valid values,
 * this the useful ones). `lowCost` is the cheap start of a cost-aware search (FLAML's low-cost initial point: few
 * rounds, small trees). Absent: the parameter stays at its default unless the user adds it to the space.
 */
export interface NumericTuneHint {
  readonly min: number;
  readonly max: number;
  readonly log?: boolean;
  readonly lowCost?: number;
}

/** A choice tuning searches by default: every option (true) or these. */
export type ChoiceTuneHint = true | readonly string[];

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

/**
 * Something about a fit the user should see beside its scores (not an error: the model exists). The message names
 * the numbers and what to do; `code` lets the UI group or style it.
 */
export interface ModelWarning {
  readonly code: 'not-converged' | 'diverged' | 'collinear' | 'worse-than-baseline';
  readonly message: string;
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
  /** What went wrong in the fit without failing it (absent or empty when nothing did); not restored by fromJSON. */
  readonly warnings?: readonly ModelWarning[];
  toJSON(): SerializedModel;
}

/**
 * What a family needs of its features. Training adds an automatic preparation (fitted on training rows only and
 * stored with the run) that provides what the user's pipeline does not.
 */
export interface FamilyNeeds {
  /** True when NaN features are fine as they are; false: missing values are imputed first. */
  readonly acceptsMissing: boolean;
  /**
   * How category columns reach the model: 'codes' as they are (native categorical splits, naive Bayes), 'ordinal'
   * indices (tree splits on a number), 'one_hot' columns, or 'one_hot_drop_first' (unpenalised linear models: a full
   * set of dummies is collinear with the intercept).
   */
  readonly categorical: 'codes' | 'ordinal' | 'one_hot' | 'one_hot_drop_first';
  /** True when numeric inputs should be standardised (distances, penalties, gradient steps). */
  readonly scaled: boolean;
}

/**
 * What else the studio may do with a family's runs, declared on the family so that explain, train and the page
 * read it here rather than keep lists of family kinds. Absent means the family cannot.
 */
export interface FamilyCapabilities {
  /**
   * Its fitted JSON is a tree ensemble that exact TreeSHAP walks (node cover stored at fit): 'averaged' CART trees
   * (class probabilities or values averaged over the trees) or 'boosted' trees summed on a raw margin.
   */
  readonly treeEnsemble?: 'averaged' | 'boosted';
  /** It fits as independent parts on several workers, merged in order into the same model: `countParam` counts the parts (a forest's trees). */
  readonly fitsInParts?: { readonly countParam: string };
  /** It projects rows to two dimensions (PCA): its runs draw the 2-D view and assign no clusters to score. */
  readonly projects2d?: boolean;
  /** It assigns every row a cluster (k-means): its runs colour the 2-D view. */
  readonly assignsClusters?: boolean;
  /**
   * The hyperparameter that sets how much work a fit does (boosting rounds, trees, epochs): successive halving may
   * give early trials a fraction of it instead of a fraction of the rows. Absent: trials are cut by rows.
   */
  readonly budgetParam?: string;
}

/** A family's metadata: what the UI needs to list it and draw its form, without the fit code. */
export type FamilyInfo = Pick<ModelFamily, 'kind' | 'label' | 'group' | 'tasks' | 'params' | 'needs' | 'capabilities'>;

export interface ModelFamily {
  readonly kind: string;
  readonly label: string;
  readonly group: 'baseline' | 'linear' | 'neural' | 'tree' | 'ensemble' | 'neighbors' | 'bayes' | 'unsupervised';
  readonly tasks: readonly Task[];
  readonly params: readonly HyperparameterSpec[];
  /** What the features must be like for these (resolved) hyperparameters; the fit throws a ModelSpecError otherwise. */
  needs(params: Hyperparameters): FamilyNeeds;
  readonly capabilities: FamilyCapabilities;
  fit(X: FeatureMatrix, y: Target, params: Hyperparameters, ctx: FitContext): Promise<FittedModel>;
  fromJSON(json: SerializedModel): FittedModel;
}
