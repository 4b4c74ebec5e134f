// The plain records the Train cell works with: what to train (a request), live progress, and the finished run
// (metrics on validation and CV folds, curves, model and fitted pipeline JSON) that is stored and ranked.

import type { InputContract } from '../export/input-contract';
import type { MetricValue } from '../evaluate/metric-value';
import type { Hyperparameters, ModelWarning, SerializedModel, Task, TrainingProgress } from '../models/types';
import type { MetricId } from '../problem/metrics';
import type { ProblemSpec } from '../problem/types';
import type { Fold } from '../split/split-spec';
import type { RowIndices } from '../table/types';
import type { FittedPipeline } from '../transform/fitted-types';
import type { PipelineStep } from '../transform/step-types';
import type { AutoPreparation } from './plan-auto-preparation';
import type { ColumnKind } from '../table/types';
import type { SplitRequest } from '../split/run-split';

/** One candidate to fit: a family, its hyperparameters (missing ones take the family's defaults) and a seed. */
export interface TrainRequest {
  /** The run id the finished TrainedRun gets (also the job id for stop requests). */
  id: string;
  family: string;
  params: Hyperparameters;
  seed: number;
  problem: ProblemSpec;
  steps: readonly PipelineStep[];
  /** Cross-validate on `parts.folds` when true and folds exist. */
  crossValidate: boolean;
  /** Add the automatic preparation the family needs after `steps` (default true; false trains on `steps` alone). */
  autoPrepare?: boolean;
  /** describeRunConfigKey of this request on its split; the run keeps it so an identical request reuses the run. */
  configKey?: string;
  /** What the run is trained from (dataset, split, problem), recorded on the run with its pipeline's hash; absent in tests. */
  provenance?: TrainSource;
  /** Set when the run is a trial of a hyperparameter search (the Tune cell); the run keeps it. */
  trial?: TrialTag;
  /**
   * Keep every CV fold's predictions on its validation rows and hand them back with the outcome (CandidateOutcome's
   * `outOfFold`; the automatic mode's ensemble reads them). Never stored with the run. Default false.
   */
  keepFoldPredictions?: boolean;
}

/**
 * A run that is a trial of a Tune cell's search: the search it belongs to (`describeSearchKey`), its place, and the
 * share of the full budget it was given (rows or boosting rounds, trees, epochs). A stored trial is how a search
 * resumes after a reload or a cancel: the runs are the history.
 */
export interface TrialTag {
  searchKey: string;
  index: number;
  /** The configuration as the search proposed it (before its budget was applied): a resumed search matches on it. */
  config: Hyperparameters;
  /** 0 < budget ≤ 1 (1: the full rows and iterations). */
  budget: number;
  /** Successive halving's rung (0 = first); 0 without halving. */
  rung: number;
  /** The objective the search reads: the CV mean or the validation value of the primary metric. */
  objective: 'cv' | 'validation';
  /** What the budget cut: a share of the training rows, or of the family's budget parameter. */
  budgetBy: 'rows' | 'iterations';
  /** The final model a search trained from its best trial ("use best"): the rows it was refit on. */
  final?: 'train' | 'train+validation';
}

/**
 * One CV fold's predictions on its validation rows (those the fold's pipeline kept and that have a target), in the
 * order the fold scored them. Classification: class indices and rows × classes probabilities in `classes` order (the
 * fold's own training labels); regression: values, `proba` and `classes` null.
 */
export interface FoldPredictions {
  fold: number;
  /** Dataset row of each prediction. */
  rows: Uint32Array;
  yTrue: Float64Array;
  predictions: Float64Array;
  proba: Float64Array | null;
  classes: string[] | null;
}

/**
 * A cross-validated candidate's out-of-fold predictions: every fold's validation rows, fold after fold, each predicted
 * by the model fitted without it. Class indices and probabilities are in `classes` order (the main run's classes).
 */
export interface OutOfFold {
  /** Dataset row of each prediction. */
  rows: Uint32Array;
  /** The fold (0-based) that held each row out. */
  folds: Uint16Array;
  /** Folds planned (every one is present: a stopped CV keeps no out-of-fold predictions). */
  foldCount: number;
  yTrue: Float64Array;
  predictions: Float64Array;
  /** Row-major rows × classes; null for regression or a classifier without probabilities. */
  proba: Float64Array | null;
  classes: string[] | null;
}

/** A run that blends other runs (the Tune cell's ensemble): the member runs and their weights (Σ = 1). */
export interface EnsembleTag {
  members: { runId: string; weight: number }[];
}

/** The dataset a run was trained on, as its Data cell opened it (column overrides applied). */
export interface DatasetFacts {
  /** DatasetMeta.contentHash of the stored file (hex SHA-256); '' when the port did not know it. */
  contentHash: string;
  name: string;
  rowCount: number;
  columns: { name: string; kind: ColumnKind }[];
}

/** Where a run's training and validation rows came from: the Split cell's request (its spec resolved against the Problem and columns). */
export interface SplitFacts {
  key: string;
  /** What core's runSplit was asked (holdout with seed, folds, target): recomputing it gives the same rows. */
  request: SplitRequest;
  trainRows: number;
  validationRows: number;
}

/** What the train runner knows of a run's inputs, passed through the TrainRequest. */
export interface TrainSource {
  dataset: DatasetFacts;
  split: SplitFacts;
  /** The Problem the run was trained for (target, task, positive class, metrics). */
  problem: ProblemSpec;
}

/** A run's provenance: its inputs, and the SHA-256 hex of its fitted pipeline's JSON. */
export interface RunProvenance extends TrainSource {
  pipelineHash: string;
}

/** The split parts a candidate trains on: row indices of the dataset table. */
export interface TrainingParts {
  train: RowIndices;
  validation: RowIndices;
  folds: readonly Fold[];
}

/** Metric id → value (null with a reason when undefined); only the problem's primary + secondary metrics. */
export type MetricScores = Partial<Record<MetricId, MetricValue>>;

/** Per metric over the CV folds: mean and population std (ddof 0) of the defined values, and every fold's value. */
export interface CvMetric {
  mean: number | null;
  std: number | null;
  values: (number | null)[];
}

export interface CvSummary {
  folds: number;
  /** Folds actually scored (fewer than `folds` after a stop). */
  completed: number;
  metrics: Partial<Record<MetricId, CvMetric>>;
}

/** A live progress record from the training worker; `fold` is null for the main fit. */
export interface TrainingProgressRecord extends TrainingProgress {
  runId: string;
  fold: number | null;
}

/** How a neural family's TensorFlow.js backend was chosen. */
export interface BackendChoice {
  backend: string;
  reason: string;
}

/** A finished training run: everything needed to rank it, show it, and predict again after a reload. */
export interface TrainedRun {
  id: string;
  family: string;
  label: string;
  baseline: boolean;
  params: Hyperparameters;
  task: Task;
  seed: number;
  primaryMetric: MetricId;
  metrics: { validation: MetricScores; cv: CvSummary | null };
  /** Per-iteration progress of the main fit (downsampled to ≤ 500 points). */
  curve: TrainingProgress[];
  durationMs: number;
  backend?: BackendChoice;
  /** Epoch ms. */
  trainedAt: number;
  /** True when a stop request ended the fit early (the best model so far was kept). */
  stopped: boolean;
  model: SerializedModel;
  pipeline: FittedPipeline;
  featureNames: string[];
  /** Class labels in index order (classification only). */
  classes?: string[];
  /** Small learned extras (iterations used, OOB score…): numbers, strings and booleans only. */
  info: Record<string, number | string | boolean>;
  /** The user's pipeline steps (specs) it was trained with; automatic ones are in `pipeline` (absent in older runs). */
  steps?: PipelineStep[];
  /** Whether automatic preparation was on (absent in runs stored before it existed). */
  autoPrepare?: boolean;
  /** What automatic preparation added after the user's steps (its steps are in `pipeline`); absent when nothing. */
  autoPreparation?: AutoPreparation;
  /** The request's configuration key (run-config.ts); absent in runs stored before it existed. */
  configKey?: string;
  /** The main fit's warnings (not converged, diverged, collinear features); absent when there were none. */
  warnings?: ModelWarning[];
  /** Set on a run brought in from an exported bundle: its file, and when it was imported (its metrics are this notebook's validation rows'). */
  imported?: { fileName: string; importedAt: number; originalId: string };
  /** The raw columns its pipeline reads as the training rows had them (absent in runs trained before it existed). */
  inputContract?: InputContract;
  /** PCA runs: the explained-variance ratio of every component (not only the kept ones), for the bar chart. */
  spectrum?: number[];
  /** What it was trained from (dataset, split, problem, pipeline hash); absent in runs trained before it existed. */
  provenance?: RunProvenance;
  /** The user's tags (trimmed, distinct) and note; absent until the user writes them. */
  tags?: string[];
  note?: string;
  /** Hidden from the Runs page unless "Show archived" is on. */
  archived?: boolean;
  /** A trial of a Tune cell's search (or the final model it trained); absent for other runs. */
  trial?: TrialTag;
  /** Set on a weighted blend of other runs (model kind 'ensemble'); absent for other runs. */
  ensemble?: EnsembleTag;
}

/** What the page holds of a run (leaderboard, picks, curves): the run without its model, fitted pipeline and contract. */
export type RunSummary = Omit<TrainedRun, 'model' | 'pipeline' | 'inputContract'>;

/** The large part of a run, kept in storage and read by workers only: model JSON, fitted pipeline, input contract. */
export type RunFit = Pick<TrainedRun, 'model' | 'pipeline' | 'inputContract'>;

/** Context of one training job: seed comes from the request; stop and abort come from the caller. */
export interface TrainContext {
  signal?: AbortSignal;
  shouldStop?: () => boolean;
  onProgress?: (record: TrainingProgressRecord) => void;
  /** Chooses the TF.js backend before a neural fit; absent in Node tests. */
  selectBackend?: () => Promise<BackendChoice>;
}
