// The saved shape of a notebook: an ordered list of cells, each a kind plus the spec the user chose.
// Runtime state (status, output, error) lives elsewhere and is never part of these types.

import type { ProblemSpec } from '../problem/types';
import type { FoldSpec, HoldoutSpec, SplitFractions } from '../split/split-spec';
import type { PipelineStep } from '../transform/step-types';
import type { ColumnKind } from '../table/types';
import type { ParamEdit, SearchStrategy } from '../tune/types';

export type NotebookId = string & { readonly __brand: 'NotebookId' };
export type CellId = string & { readonly __brand: 'CellId' };
export type DatasetId = string & { readonly __brand: 'DatasetId' };

/** How a text file is read; every field has an "auto" default. */
export interface ImportOptions {
  format: 'auto' | 'csv' | 'tsv' | 'json' | 'parquet' | 'prediction-log';
  delimiter: 'auto' | ',' | ';' | '\t' | '|';
  encoding: 'auto' | 'utf-8' | 'windows-1252';
  /** Cell texts read as missing (compared after trimming, case-sensitive). */
  missingTokens: string[];
}

export const DEFAULT_MISSING_TOKENS: readonly string[] = ['', 'NA', 'N/A', 'null', 'NaN', 'NULL', '-'];

export const DEFAULT_IMPORT_OPTIONS: ImportOptions = {
  format: 'auto',
  delimiter: 'auto',
  encoding: 'auto',
  missingTokens: [...DEFAULT_MISSING_TOKENS],
};

/** A column's user override: another kind, or left out of the table. */
export type ColumnOverride = ColumnKind | 'excluded';

export interface DataCellSpec {
  /** The stored dataset this cell shows; null until something is imported or chosen. */
  datasetId: DatasetId | null;
  /** Where the dataset came from, for display ("penguins.csv", "sample: penguins"). */
  sourceLabel: string | null;
  options: ImportOptions;
  /**
   * Keyed by column name. Applied on top of the stored (inferred) table. A plain object, for the notebook file: read it
   * with Object.hasOwn and write it with computed keys or spread, never `overrides[name] = …` (a name may be "__proto__").
   */
  columnOverrides: Record<string, ColumnOverride>;
}

export interface NoteCellSpec {
  markdown: string;
}

/** What the user states about the problem (target, task, metrics, costs); later cells read it as defaults. */
export type ProblemCellSpec = ProblemSpec;

/** Which correlation matrix the Profile cell shows. */
export type CorrelationMeasure = 'pearson' | 'spearman' | 'cramersV' | 'correlationRatio';

/** The Profile cell's view choices (the profile itself is a saved cell output, not part of the spec). */
export interface ProfileCellSpec {
  correlation: CorrelationMeasure;
  /** Numeric columns of the scatter plot; null until chosen. */
  scatterX: string | null;
  scatterY: string | null;
  /** Box plot: a numeric column split by a categorical/boolean one; null until chosen. */
  boxValue: string | null;
  boxBy: string | null;
}

/** The Split cell's choices; null columns fall back to the Problem cell above (target) or are unset. */
export interface SplitCellSpec {
  /** 'auto': stratified when the Problem above is a classification with a target, else random. */
  strategy: 'auto' | HoldoutSpec['kind'];
  fractions: SplitFractions;
  /** 32-bit integer seed for the split and the folds. */
  seed: number;
  /** Class column for stratifying; null → the Problem cell's target. */
  target: string | null;
  timeColumn: string | null;
  /** Temporal splits: rows within this many days after the previous part are left out. */
  gapDays: number;
  groupColumn: string | null;
  /** Cross-validation folds over the training part; null for none. */
  cv: { kind: FoldSpec['kind']; k: number } | null;
  /** How often a metric was reported on the locked test part (explicit final evaluations only). */
  finalEvaluations: number;
}

/** The Prepare cell: the ordered feature-pipeline steps (fitted on the Split's training rows only). */
export interface PrepareCellSpec {
  steps: PipelineStep[];
}

/** One model family the Train cell fits, with the hyperparameters chosen in its form. */
export interface TrainCandidateSpec {
  family: string;
  params: Record<string, number | string | boolean>;
}

/** The Train cell: which families to fit (or every applicable one), cross-validation, seed and TF.js backend. */
export interface TrainCellSpec {
  candidates: TrainCandidateSpec[];
  /** "Try all": every family for the problem's task with its defaults (baselines included). */
  tryAll: boolean;
  /** Cross-validate on the Split's folds when it has them. */
  crossValidate: boolean;
  /** Add what each family needs (impute, encode, scale) after the Prepare cell's steps, fitted on training rows. */
  autoPrepare: boolean;
  /** 32-bit integer seed for every fit. */
  seed: number;
  /** Neural families only: which TensorFlow.js backend to use ('auto' measures and picks the fastest). */
  backend: 'auto' | 'webgpu' | 'webgl' | 'wasm' | 'cpu';
  /**
   * A dataset imported streamed (larger than memory): train on its in-memory sample ('sample', the default when
   * absent), or on every row read chunk by chunk ('streamed': linear, logistic and neural families; others use the sample).
   */
  rows?: 'sample' | 'streamed';
}

/**
 * The Tune cell: a hyperparameter search over one family's space, or (`mode: 'auto'`) "find the best model" across
 * families within a time budget. Trials are runs of this cell; the search's key (family, space, strategy, objective,
 * halving, seed, preparation, and the rows and problem) names them, so a press with the same key resumes.
 */
export interface TuneCellSpec {
  mode: 'family' | 'auto';
  /** The family searched in 'family' mode. */
  family: string;
  /** The user's edits of the family's default space (parameter → range, options or a fixed value). */
  space: Record<string, ParamEdit>;
  strategy: SearchStrategy;
  /** Grid: points per number range. */
  gridSteps: number;
  /** The most trials (configurations) of the search; with halving, the configurations of its first rung. */
  trials: number;
  /** Wall-clock budget in seconds (0: none, 'family' mode only); no trial starts after it and running ones stop. */
  budgetSeconds: number;
  /** Successive halving: early trials get a third of the budget and only the best third go on. */
  halving: boolean;
  /** Read the primary metric's CV mean (the Split's folds) or its validation value; never the test part. */
  objective: 'cv' | 'validation';
  /** "Use best": refit the best trial on the training rows, or on training and validation rows; null: not yet. */
  useBest: 'train' | 'train+validation' | null;
  /** Automatic mode: also blend the best runs into a weighted ensemble on their out-of-fold predictions (needs CV folds). */
  ensemble: boolean;
  autoPrepare: boolean;
  seed: number;
}

/**
 * The Monitor cell: a registered model version checked against the batch of the Data cell above — schema, drift per
 * feature, drift of its scores, performance when the batch has labels — with the thresholds of its badges.
 */
export interface MonitorCellSpec {
  /** The registered model to monitor; null until one is picked. */
  model: string | null;
  /** Its version; null: the version in production when the cell runs. */
  version: number | null;
  /** PSI from which a feature is a warning, and an alert. */
  psiWarn: number;
  psiAlert: number;
  /** How much worse a metric may be on a labelled batch before an alert, as a share of the version's validation value. */
  performanceTolerance: number;
}

/**
 * The Retrain cell: the monitored version's pipeline, family and hyperparameters trained again on new data, the
 * challenger and the champion scored on a common holdout of the batch, and a validation gate before promotion.
 */
export interface RetrainCellSpec {
  /** Retrain on every run, or only when the Monitor cell above raised an alert. */
  when: 'always' | 'on-alert';
  /** The challenger's training rows: the batch's, its most recent `windowRows`, or the champion's training rows and the batch's. */
  data: 'batch' | 'window' | 'append';
  windowRows: number;
  /** Share of the batch's labelled rows held out (seeded, stratified for classes) to score both models on. */
  holdoutFraction: number;
  /** The least improvement on the primary metric the challenger must show, in the metric's units. */
  delta: number;
  /** A column whose levels are monitored slices (none: null); no slice may fall behind by more than `sliceTolerance`. */
  sliceColumn: string | null;
  sliceTolerance: number;
  /** After a passed gate: promote the challenger to production at once, or wait for the user's confirmation. */
  promote: 'auto' | 'confirm';
  seed: number;
}

/** The Evaluate cell: which stored run of the Train cell above to evaluate and the binary decision threshold. */
export interface EvaluateCellSpec {
  /** A TrainedRun id; null → the leaderboard's best run. */
  runId: string | null;
  /** Binary only: rows with positive-class probability ≥ threshold are predicted positive. */
  threshold: number;
  /** Show the confusion matrix normalised by true class (rows sum to 1) instead of counts. */
  normalize: boolean;
  /** Slices panel: the dataset column to group the validation rows by; null → none chosen yet. */
  sliceColumn: string | null;
  /** Slices panel: the metric per slice (a MetricId of the task); null → the problem's primary metric. */
  sliceMetric: string | null;
  /** Fairness panel (classification): the sensitive column to compare groups of; null → none chosen yet. */
  sensitiveColumn: string | null;
  /** Calibration panel (binary): the calibrator cross-fitted on validation, or none. */
  calibration: 'none' | 'platt' | 'isotonic';
}

/** The Explain cell: which stored run to explain and how much work to spend (validation rows only). */
export interface ExplainCellSpec {
  /** A TrainedRun id; null → the leaderboard's best run. */
  runId: string | null;
  /** Permutation importance: shuffles per feature. */
  repeats: number;
  /** SHAP: how many validation rows are explained (a seeded sample when there are more). */
  shapRows: number;
  /** Waterfall: index into the explained rows. */
  row: number;
  /** Partial dependence: how many of the most important features get a plot. */
  pdFeatures: number;
  /** Multiclass: the class label SHAP and partial dependence explain; null → the first class. */
  explainedClass: string | null;
}

/** The Compare cell: leaderboard order and the two runs a paired test compares. */
export interface CompareCellSpec {
  /** Leaderboard column; null → the problem's primary metric. */
  sortBy: string | null;
  /** Rank by validation scores or CV means. */
  rankBy: 'validation' | 'cv';
  runA: string | null;
  runB: string | null;
  /** Significance level of the paired tests. */
  alpha: number;
}

/** The Predict cell: a stored run's predictions on the validation or test rows, or on a new file. */
export interface PredictCellSpec {
  /** A TrainedRun id; null → the leaderboard's best run. */
  runId: string | null;
  /** What to score: a part of the Split above, or the file below. */
  source: 'validation' | 'test' | 'file';
  /** The file to score, stored as a dataset of this browser (null until one is brought). */
  file: { datasetId: DatasetId; name: string } | null;
}

/** The Export cell: the run to package as a deployable bundle and the model's name in it. */
export interface ExportCellSpec {
  /** A TrainedRun id; null → the leaderboard's best run. */
  runId: string | null;
  /** The model's name in the bundle (Triton model, KServe service, file names): letters, digits, - and _. */
  name: string;
}

/**
 * The Code cell: JavaScript run in a worker of its own against the table above (docs/code-cell.md). The source is
 * the body of an async function of `input` and `console`; what it returns is a table, a plot or a value.
 */
export interface CodeCellSpec {
  source: string;
  /** Wall-clock seconds the code may run before it is stopped (1–600). */
  timeLimitSeconds: number;
}

/** Every cell kind and its spec. Adding a kind is one line here plus one registry entry. */
export interface CellSpecs {
  data: DataCellSpec;
  problem: ProblemCellSpec;
  profile: ProfileCellSpec;
  split: SplitCellSpec;
  prepare: PrepareCellSpec;
  train: TrainCellSpec;
  tune: TuneCellSpec;
  evaluate: EvaluateCellSpec;
  explain: ExplainCellSpec;
  compare: CompareCellSpec;
  predict: PredictCellSpec;
  export: ExportCellSpec;
  monitor: MonitorCellSpec;
  retrain: RetrainCellSpec;
  code: CodeCellSpec;
  note: NoteCellSpec;
}

export type CellKind = keyof CellSpecs;

/** A cell: its kind, the spec the user chose and, when the user named it, a title shown beside its kind. */
export type Cell = { [K in CellKind]: { readonly id: CellId; readonly kind: K; readonly spec: CellSpecs[K]; readonly title?: string } }[CellKind];
export type CellOf<K extends CellKind> = Extract<Cell, { kind: K }>;

export const NOTEBOOK_FORMAT_VERSION = 1;

export interface Notebook {
  readonly formatVersion: number;
  readonly id: NotebookId;
  readonly name: string;
  readonly cells: readonly Cell[];
  /** Epoch ms. */
  readonly createdAt: number;
  /** Epoch ms. */
  readonly updatedAt: number;
}
