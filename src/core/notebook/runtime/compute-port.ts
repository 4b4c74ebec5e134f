// How a runner's heavy work reaches where it runs: in the browser the port sends it to workers (which keep each
// table by its dataset key and each stored run by its id), in Node it runs in-process. Runners see only this.

import type { RunPredictions } from '../../evaluate/run-predictions';
import type { PartScores } from '../../evaluate/score-held-out';
import type { ExplainOptions, ExplainProgress, ExplainResult } from '../../explain/explain-result';
import type { TargetProposal } from '../../problem/propose-target';
import type { TargetFacts } from '../../problem/validate-problem';
import type { ProblemSpec } from '../../problem/types';
import type { TableProfile } from '../../profile/types';
import type { ImportWarning } from '../../ingest/types';
import type { SplitRequest, SplitResult } from '../../split/run-split';
import type { RowIndices } from '../../table/types';
import type { PipelinePreview } from '../../transform/preview-pipeline';
import type { PipelineStep } from '../../transform/step-types';
import type { OutOfFold, RunSummary, TrainingParts, TrainingProgressRecord, TrainRequest } from '../../train/types';
import type { EnsembleRequest } from '../../tune/ensemble/assemble-ensemble-run';
import type { CellId, DataCellSpec, DatasetId, TrainCellSpec } from '../types';
import type { ScoredRows } from '../../export/score-for-view';
import type { BundleManifest } from '../../export/assemble-bundle';
import type { DatasetArtifact } from './artifacts';
import type { CodeRequest, CodeResult, ConsoleLine } from '../../code/code-types';

export type { MonitorHistoryEntry };
import type { MonitorHistoryEntry } from '../../monitor/monitor-history';
import type { MonitorOptions, MonitorReport } from '../../monitor/monitor-batch';
import type { HoldoutScores } from '../../monitor/score-on-holdout';
import type { Stage } from '../../registry/types';

/** A dataset opened for a Data cell: the artifact, and where it came from ("penguins.csv", "sample: penguins"). */
export interface OpenedDataset {
  readonly artifact: DatasetArtifact;
  readonly source: string;
}

/** What a profile is computed against: the target (column associations, class balance) and the import's warnings. */
export interface ProfileJob {
  readonly target?: string;
  readonly importWarnings?: readonly ImportWarning[];
}

/** One press of a Train cell: every candidate on the same parts (folds already chosen: none for clustering or without CV). */
export interface TrainJob {
  /** The Train cell whose runs these are (a port that stores runs files them under it). */
  readonly cellId: CellId;
  readonly datasetKey: string;
  readonly parts: TrainingParts;
  readonly requests: readonly TrainRequest[];
  readonly backend: TrainCellSpec['backend'];
  /** Live progress of a candidate's main fit (throttled by the port). */
  readonly onProgress?: (record: TrainingProgressRecord) => void;
  /** A candidate's status changed (queued → running → done…); `foldsDone` counts its CV folds. */
  readonly onCandidate?: (event: CandidateEvent) => void;
}

/** A candidate's status as a Train cell shows it. */
export interface CandidateEvent {
  readonly runId: string;
  readonly status: 'running' | 'done' | 'stopped' | 'error' | 'cancelled';
  readonly foldsDone?: number;
  readonly error?: string;
}

/** How each candidate of a TrainJob ended. */
export type CandidateOutcome =
  | {
      readonly runId: string; readonly status: 'done' | 'stopped'; readonly run: RunSummary; readonly warning?: string;
      /** Its CV folds' predictions on their validation rows, when the request asked to keep them and every fold was scored. */
      readonly outOfFold?: OutOfFold;
    }
  | { readonly runId: string; readonly status: 'error'; readonly error: string }
  | { readonly runId: string; readonly status: 'cancelled' };

/** A run's predictions on held-out rows and their scores. */
export interface EvaluatedRun {
  readonly predictions: RunPredictions;
  readonly scores: PartScores;
}

/** What a Predict cell scores: rows of a dataset (a Split part), or a file stored as a dataset of its own. */
export type ScoreSource =
  | { readonly kind: 'part'; readonly datasetKey: string; readonly rows: RowIndices }
  | { readonly kind: 'file'; readonly datasetId: DatasetId };

/** A stored run's predictions, as the Predict cell keeps them: the CSV as a file, the rest as plain data. */
export interface ScoredPredictions extends Omit<ScoredRows, 'csvParts'> {
  readonly csv: Blob;
}

/** A run packaged as a deployable bundle (the zip), with what it holds and what could not be exported. */
export interface ExportedBundle {
  readonly zip: Blob;
  readonly manifest: BundleManifest;
  /** Sentences for the user: a step or family without an ONNX form, and why. */
  readonly notes: readonly string[];
}

/** A registered model version as the Monitor cell reads it: its run and the problem it was trained for. */
export interface LoadedVersion {
  readonly modelName: string;
  readonly version: number;
  readonly stage: Stage;
  readonly run: RunSummary;
  readonly problem: ProblemSpec;
}

/** The champion's training rows and a batch's rows as one table (a retrain on both): its key and each part's rows. */
export interface AppendedRows {
  readonly datasetKey: string;
  readonly old: RowIndices;
  readonly batch: RowIndices;
}

/** Cancel (`signal`: terminate at once, keep nothing) and cooperative stop (`stop`: finish the current iteration, keep the best so far). */
export interface JobControl {
  readonly signal?: AbortSignal;
  readonly stop?: AbortSignal;
}

/** Everything heavy a runner asks for. Every table is named by its dataset key; a key unknown to the port is an error. */
export interface ComputePort {
  /** How many fits can run side by side (the training workers; 1 in-process): a search keeps this many trials running. */
  readonly parallelism: number;
  /** The summaries of the runs stored for `cellId` (a search's trials survive a cancel or a reload), oldest first. */
  listCellRuns(cellId: CellId): Promise<RunSummary[]>;
  /** Opens the dataset a Data cell names (stored, bound to a file, or embedded), with its column overrides applied. */
  openDataset(cellId: CellId, spec: DataCellSpec, control?: JobControl): Promise<OpenedDataset>;
  /** What validation needs to know of the target column (null when the table has no such column). */
  describeTarget(datasetKey: string, target: string, task: ProblemSpec['task'], control?: JobControl): Promise<TargetFacts | null>;
  /** What the Problem form proposes for column `target` (task, reason, positive class, classes; null when there is no such column). */
  proposeTarget(datasetKey: string, target: string, control?: JobControl): Promise<TargetProposal | null>;
  profileTable(datasetKey: string, job: ProfileJob, onProgress?: (done: number, total: number) => void, control?: JobControl): Promise<TableProfile>;
  splitTable(datasetKey: string, request: SplitRequest, control?: JobControl): Promise<SplitResult>;
  previewPipeline(datasetKey: string, steps: readonly PipelineStep[], rows: { train: RowIndices; validation: RowIndices }, target: string | null, control?: JobControl): Promise<PipelinePreview>;
  trainCandidates(job: TrainJob, control?: JobControl): Promise<CandidateOutcome[]>;
  /** A stored run's predictions on `rows` scored with the task's metric table and the primary metric's interval (core/evaluate). */
  evaluateRun(datasetKey: string, rows: RowIndices, runId: string, problem: ProblemSpec, control?: JobControl): Promise<EvaluatedRun>;
  /** A stored run's predictions on `rows` of the dataset (rows without a target left out), from its model as trained. */
  predictRun(datasetKey: string, rows: RowIndices, runId: string, problem: ProblemSpec, control?: JobControl): Promise<RunPredictions>;
  /** A stored run's predictions on a Split part or a stored file, checked against the run's input contract. */
  scoreRun(source: ScoreSource, runId: string, control?: JobControl): Promise<ScoredPredictions>;
  /** A stored run packaged as a deployable bundle named `name` (ONNX, predict / serve / score scripts, configs, card). */
  exportRun(runId: string, name: string, control?: JobControl): Promise<ExportedBundle>;
  /** A registered version (null: the one in production) with its run summary and problem; a RegistryError naming what is missing. */
  loadModelVersion(modelName: string, version: number | null): Promise<LoadedVersion>;
  /** A batch (a dataset key) monitored against a stored run: drift, drift of its scores (from its training rows when at hand), performance. */
  monitorBatch(datasetKey: string, runId: string, problem: ProblemSpec, options: MonitorOptions, control?: JobControl): Promise<MonitorReport>;
  /** Keeps a monitored batch in its version's history; the history, oldest first. */
  recordMonitorBatch(entry: MonitorHistoryEntry): Promise<MonitorHistoryEntry[]>;
  /** The training rows of stored run `runId` (its recorded dataset and split) followed by `batchRows` of `batchKey`, as one new table. */
  appendTrainingRows(runId: string, batchKey: string, batchRows: RowIndices, control?: JobControl): Promise<AppendedRows>;
  /** A stored run scored on `rows` for the retrain's gate: the primary metric overall and per slice of `sliceColumn`. */
  scoreOnHoldout(datasetKey: string, rows: RowIndices, runId: string, problem: ProblemSpec, sliceColumn: string | null, control?: JobControl): Promise<HoldoutScores>;
  /** Registers stored run `runId` as the next version of `modelName` and, when `promote`, puts it in production; each change records `reason`. */
  registerChallenger(modelName: string, runId: string, promote: boolean, reason: string): Promise<{ readonly version: number; readonly stage: Stage }>;
  /**
   * The ensemble of stored runs `request.members` (weights Σ = 1) built as a run of `cellId` — its model holds the
   * members' fits, its pipeline is the identity over their raw columns — scored on `parts.validation` and stored.
   */
  buildEnsemble(cellId: CellId, datasetKey: string, parts: TrainingParts, request: EnsembleRequest, problem: ProblemSpec, control?: JobControl): Promise<RunSummary>;
  /**
   * A Code cell's source run in a thread of its own (no network, storage or page) against the table of
   * `request.input`, stopped at its time limit, by `control.stop` (an error result) or `control.signal` (an
   * AbortError); `onConsole` hears each console line as it is written (the first 500). A returned table is stored
   * as a dataset the cells below read by the result's key. Optional: a port without it cannot run Code cells.
   */
  runCode?(request: CodeRequest, onConsole: (line: ConsoleLine) => void, control?: JobControl): Promise<CodeResult>;
  /** A stored run explained on `rows` (permutation importance, SHAP, partial dependence). */
  explainRun(datasetKey: string, rows: RowIndices, runId: string, problem: ProblemSpec, options: ExplainOptions, onProgress?: (progress: ExplainProgress) => void, control?: JobControl): Promise<ExplainResult>;
}
