// The whole surface of the training worker: fit one candidate on the training part or score one CV fold,
// with cooperative stop (requestStop sets a flag the fit's shouldStop reads) and throttled progress. A fitted
// run's model and pipeline go to storage from here and the page gets its summary; jobs on stored runs name
// them by id and read them here, and the dataset's table is read here too (holdDataset), never sent by the page. Unit tests call these directly in Node; clients.ts reaches them through a pool.

import type { EvaluatedRun, ExportedBundle, ScoredPredictions } from '../core/notebook/runtime/compute-port';
import { STUDIO_VERSION } from '../core/version';
import { scoreRowsForView } from '../core/export/score-for-view';
import { collectTransferables } from '../core/table/table-buffers';
import { scoreHeldOut } from '../core/evaluate/score-held-out';
import { findPositiveClass } from '../core/train/score-model';
import type { SupervisedTask } from '../core/problem/types';
import { transfer } from 'comlink';
import { listPredictionBuffers, type RunPredictions } from '../core/evaluate/run-predictions';
import { listExplainBuffers, type ExplainOptions, type ExplainProgress, type ExplainResult } from '../core/explain/explain-result';
import { explainRun } from '../core/explain/explain-run';
import type { Fold } from '../core/split/split-spec';
import type { ProblemSpec } from '../core/problem/types';
import type { RowIndices, Table } from '../core/table/types';
import { rescoreRun } from '../core/train/rescore-run';
import { reproduceRun, type ReproduceReport } from '../core/train/reproduce-run';
import { scoreFold, scoreFoldKeeping, type ScoredFold } from '../core/train/cross-validate';
import { assembleEnsembleRun, type EnsembleRequest } from '../core/tune/ensemble/assemble-ensemble-run';
import { trainOnTrainingPart } from '../core/train/train-candidate';
import { predictRun } from '../core/train/predict-run';
import { trainUnsupervised } from '../core/train/train-unsupervised';
import { computePickK, PICK_K_DEFAULTS, type PickKResult } from '../core/train/pick-k';
import { prepareUnsupervisedData } from '../core/train/prepare-unsupervised-data';
import { describePreparation } from '../core/train/fit-prepared';
import { projectRuns, type RunProjection } from '../core/train/project-runs';
import { fitForestPart, mergeForestParts, type ForestPart } from '../core/train/train-forest-parts';
import { listForestPartBuffers } from '../core/train/forest-part-buffers';
import { computeLearningCurve, type LearningCurve, type LearningCurveProgress, type LearningCurveRequest } from '../core/train/compute-learning-curve';
import { readHeldTable, requireTable, type TableRef } from './dataset-tables';
import { monitorApi } from './monitor-api';
import { readStoredRun, storeRunFit, type RunStore, type StoredRunRef } from './stored-runs';
import { trainStreamed, type StreamedDatasetRef } from './stream-train';
import type { StreamedSplit } from '../core/train/stream/hash-row';
import type { BackendChoice, MetricScores, RunSummary, TrainingParts, TrainingProgressRecord, TrainRequest } from '../core/train/types';
import { describeTrainingJob } from '../core/budget/describe-training-job';
import { checkTrainingBudget } from '../core/budget/estimate-training-bytes';
import { deriveMemoryBudgetBytes } from '../core/budget/memory-budget';

/** TensorFlow.js backend preference of the Train cell. */
export type BackendPreference = 'auto' | 'webgpu' | 'webgl' | 'wasm' | 'cpu';

/** Least time between two progress messages of one job (≤ 20 per second); the last iteration always goes. */
export const PROGRESS_INTERVAL_MS = 50;

const stopRequests = new Set<string>();

// tf-backend.ts is optional: a glob finds it when it exists, so this worker builds before it lands.
const tfBackendModules = import.meta.glob<{ selectTfBackend(preference: BackendPreference): Promise<{ backend: string; reason: string }> }>('./tf-backend.ts');

async function selectBackend(preference: BackendPreference): Promise<BackendChoice> {
  const load = tfBackendModules['./tf-backend.ts'];
  if (!load) return { backend: 'default', reason: 'backend selection is not available in this build' };
  const { backend, reason } = await (await load()).selectTfBackend(preference);
  return { backend, reason };
}

function throttle(onProgress: ((record: TrainingProgressRecord) => void) | undefined): ((record: TrainingProgressRecord) => void) | undefined {
  if (!onProgress) return undefined;
  let lastMs = Number.NEGATIVE_INFINITY;
  return (record) => {
    const now = Date.now();
    if (record.iteration < record.total && now - lastMs < PROGRESS_INTERVAL_MS) return;
    lastMs = now;
    onProgress(record);
  };
}

/** Refuses `request` (a DataError saying what fits) when its estimate is over half the device's memory (core/budget). */
function checkBudget(table: Table, parts: TrainingParts, request: TrainRequest): void {
  const deviceMemoryGiB = (globalThis.navigator as { deviceMemory?: number } | undefined)?.deviceMemory;
  checkTrainingBudget(describeTrainingJob(table, parts, request), deriveMemoryBudgetBytes({ deviceMemoryGiB }));
}

/** Makes this worker hold the table `ref` names (read from IndexedDB here when it does not): the jobs that follow name it by key. */
async function holdDataset(ref: TableRef): Promise<void> {
  await requireTable(ref);
}

/** Asks the fit of job `jobId` (a run id) to end after its current iteration, keeping the best model so far. */
function requestStop(jobId: string): void {
  stopRequests.add(jobId);
}

/**
 * Fits `request` on the training part of table `tableKey` and scores it on validation (no CV; clustering problems
 * take the unsupervised path); progress is throttled. The fit is stored in `store`; the summary comes back.
 */
async function trainRun(tableKey: string, parts: TrainingParts, request: TrainRequest, backend: BackendPreference, store: RunStore, onProgress?: (record: TrainingProgressRecord) => void): Promise<RunSummary> {
  const train = request.problem.task === 'clustering' ? trainUnsupervised : trainOnTrainingPart;
  const table = readHeldTable(tableKey);
  checkBudget(table, parts, request);
  const run = await train(table, parts, request, {
    shouldStop: () => stopRequests.has(request.id),
    onProgress: throttle(onProgress),
    selectBackend: () => selectBackend(backend),
  });
  return storeRunFit(store, run);
}

/** Fits `request` on every row of streamed dataset `dataset` (its pipeline fitted on the held sample `tableKey`); stored in `store`. */
async function trainStreamedRun(tableKey: string, dataset: StreamedDatasetRef, request: TrainRequest, split: StreamedSplit, store: RunStore, onProgress?: (record: TrainingProgressRecord) => void): Promise<RunSummary> {
  return trainStreamed(tableKey, dataset, request, split, store, { shouldStop: () => stopRequests.has(request.id), onProgress: throttle(onProgress) });
}

/** Scores `request` on one CV fold (pipeline refitted on the fold's training rows); null when the run was stopped or clusters (no CV). */
async function trainFold(tableKey: string, fold: Fold, foldIndex: number, request: TrainRequest, backend: BackendPreference): Promise<MetricScores | null> {
  if (stopRequests.has(request.id) || request.problem.task === 'clustering') return null;
  return scoreFold(readHeldTable(tableKey), fold, foldIndex, request, {
    shouldStop: () => stopRequests.has(request.id),
    selectBackend: () => selectBackend(backend),
  });
}

/** trainFold for a request that keeps its fold predictions (the ensemble's out-of-fold rows): scores and predictions, the arrays by transfer. */
async function trainFoldKeeping(tableKey: string, fold: Fold, foldIndex: number, request: TrainRequest, backend: BackendPreference): Promise<ScoredFold | null> {
  if (stopRequests.has(request.id) || request.problem.task === 'clustering') return null;
  const scored = await scoreFoldKeeping(readHeldTable(tableKey), fold, foldIndex, { ...request, keepFoldPredictions: true }, {
    shouldStop: () => stopRequests.has(request.id),
    selectBackend: () => selectBackend(backend),
  });
  const p = scored?.predictions;
  return scored && p ? transfer(scored, [p.rows.buffer, p.yTrue.buffer, p.predictions.buffer, ...(p.proba ? [p.proba.buffer] : [])] as ArrayBuffer[]) : scored;
}

/**
 * The ensemble of stored runs `request.members` (read from `store`'s database) on table `tableKey`: assembled, scored
 * on `parts.validation`, its fit stored in `store`; the summary comes back.
 */
async function buildEnsembleRun(tableKey: string, parts: TrainingParts, request: EnsembleRequest, problem: ProblemSpec, store: RunStore): Promise<RunSummary> {
  const members = await Promise.all(request.members.map((m) => readStoredRun({ dbName: store.dbName, runId: m.runId })));
  return storeRunFit(store, await assembleEnsembleRun(readHeldTable(tableKey), parts, members, request, problem));
}

/** Rebuilds stored run `ref` from its JSON and scores it on the validation rows of table `tableKey` (no retraining). */
async function rescoreStoredRun(tableKey: string, validation: RowIndices, ref: StoredRunRef, problem: ProblemSpec): Promise<MetricScores> {
  return rescoreRun(readHeldTable(tableKey), validation, await readStoredRun(ref), problem);
}

/** Rebuilds stored run `ref` from its JSON and predicts `rows` of table `tableKey` (see predictRun); arrays come back by transfer. */
async function predictStoredRun(tableKey: string, rows: RowIndices, ref: StoredRunRef, problem: ProblemSpec): Promise<RunPredictions> {
  const predictions = await predictRun(readHeldTable(tableKey), rows, await readStoredRun(ref), problem);
  return transfer(predictions, listPredictionBuffers(predictions));
}

/** predictStoredRun, scored with the task's metric table and the primary metric's interval here (not on the page). */
async function evaluateStoredRun(tableKey: string, rows: RowIndices, ref: StoredRunRef, problem: ProblemSpec): Promise<EvaluatedRun> {
  const run = await readStoredRun(ref);
  const predictions = await predictRun(readHeldTable(tableKey), rows, run, problem);
  const scores = scoreHeldOut(predictions, problem, problem.task as SupervisedTask, findPositiveClass(problem, run.classes));
  return transfer({ predictions, scores }, listPredictionBuffers(predictions));
}

/** Stored run `ref` scores rows of table `tableKey` (every row when `rows` is null), checked against its contract; the CSV comes back as a file. */
async function scoreStoredRun(tableKey: string, rows: RowIndices | null, ref: StoredRunRef): Promise<ScoredPredictions> {
  const { csvParts, ...scored } = await scoreRowsForView(await readStoredRun(ref), readHeldTable(tableKey), rows ? Uint32Array.from(rows) : null);
  return transfer({ ...scored, csv: new Blob(csvParts, { type: 'text/csv' }) }, collectTransferables(scored.preview));
}

/** Stored run `ref` packaged as a deployable bundle named `name` (the packaging code and the bundle's scripts load on first use). */
async function exportStoredRun(ref: StoredRunRef, name: string): Promise<ExportedBundle> {
  const [{ packageRun }, { default: runtime }, run] = await Promise.all([import('../core/export/package-run'), import('virtual:export-runtime'), readStoredRun(ref)]);
  const packaged = packageRun(run, name, runtime, STUDIO_VERSION, Date.now());
  return { zip: new Blob([packaged.zip as Uint8Array<ArrayBuffer>], { type: 'application/zip' }), manifest: packaged.manifest, notes: packaged.notes };
}

/** Fits trees `range` of `request`'s random forest (one part of a forest spread over the pool); the trees come back by transfer. */
async function trainForestPart(tableKey: string, parts: TrainingParts, request: TrainRequest, range: { start: number; end: number }, onProgress?: (record: TrainingProgressRecord) => void): Promise<ForestPart> {
  const table = readHeldTable(tableKey);
  checkBudget(table, parts, request);
  const part = await fitForestPart(table, parts, request, range, { shouldStop: () => stopRequests.has(request.id), onProgress: throttle(onProgress) });
  return transfer(part, listForestPartBuffers([part]));
}

/** Merges the forest parts of `request` in tree order, scores the merged model on validation, stores its fit in `store` and returns its summary. */
function mergeForestRun(tableKey: string, parts: TrainingParts, request: TrainRequest, forestParts: ForestPart[], store: RunStore): Promise<RunSummary> {
  return storeRunFit(store, mergeForestParts(readHeldTable(tableKey), parts, request, forestParts));
}

/** "Pick k": k-means inertia and silhouette for k = 2..10 on the prepared training rows; `onProgress(done, total)` after each k. */
function pickK(tableKey: string, train: RowIndices, request: TrainRequest, onProgress?: (done: number, total: number) => void): PickKResult {
  const X = prepareUnsupervisedData(readHeldTable(tableKey), { train, validation: new Uint32Array(0) }, describePreparation(request)).train;
  return computePickK(X, { ...PICK_K_DEFAULTS, seed: request.seed }, onProgress);
}

/** The 2-D projection of `rows` by a stored PCA run, coloured by a stored k-means run; arrays come back by transfer. */
async function projectStoredRuns(tableKey: string, rows: RowIndices, pcaRef: StoredRunRef, kmeansRef: StoredRunRef | null, seed: number): Promise<RunProjection> {
  const [pcaRun, kmeansRun] = await Promise.all([readStoredRun(pcaRef), kmeansRef ? readStoredRun(kmeansRef) : null]);
  const projection = projectRuns(readHeldTable(tableKey), rows, pcaRun, kmeansRun, seed);
  return transfer(projection, [projection.x.buffer, projection.y.buffer, ...(projection.clusters ? [projection.clusters.buffer] : [])]);
}

/** Explains stored run `ref` on `rows` of table `tableKey` (see explainRun); the SHAP arrays come back by transfer. */
async function explainStoredRun(tableKey: string, rows: RowIndices, ref: StoredRunRef, problem: ProblemSpec, options: ExplainOptions, onProgress?: (progress: ExplainProgress) => void): Promise<ExplainResult> {
  const result = await explainRun(readHeldTable(tableKey), rows, await readStoredRun(ref), problem, options, onProgress);
  return transfer(result, listExplainBuffers(result));
}

/** Trains stored run `ref` again from its record on table `table` (its dataset by hash, with the planned overrides) and compares metrics; nothing is stored. */
async function reproduceStoredRun(table: TableRef, ref: StoredRunRef, notes: string[]): Promise<ReproduceReport> {
  const run = await readStoredRun(ref);
  const jobId = `${run.id}:reproduce`;
  return reproduceRun(await requireTable(table), run, { shouldStop: () => stopRequests.has(jobId), selectBackend: () => selectBackend('auto') }, notes);
}

/** What the page sends for a learning curve: the stored run by id (its family, params, seed and pipeline are read here). */
export type StoredLearningCurveRequest = Omit<LearningCurveRequest, 'run'> & { run: StoredRunRef };

/** Refits stored run `request.run` on growing shares of the training rows of table `tableKey` (see computeLearningCurve). */
async function computeStoredLearningCurve(tableKey: string, request: StoredLearningCurveRequest, onProgress?: (progress: LearningCurveProgress) => void): Promise<LearningCurve> {
  const run = await readStoredRun(request.run);
  return computeLearningCurve(readHeldTable(tableKey), { ...request, run }, onProgress);
}

export const trainingApi = {
  holdDataset, requestStop, trainRun, trainStreamedRun, trainFold, trainFoldKeeping, buildEnsembleRun, rescoreStoredRun, predictStoredRun, evaluateStoredRun, scoreStoredRun, exportStoredRun, pickK, projectStoredRuns,
  trainForestPart, mergeForestRun,
  explainStoredRun,
  computeLearningCurve: computeStoredLearningCurve,
  reproduceStoredRun,
  ...monitorApi,
};
export type TrainingApi = typeof trainingApi;
