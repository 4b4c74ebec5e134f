// The compute port of a headless run: every job in this Node process, through the same core functions the
// browser's workers call. Tables are kept by dataset key, trained runs (model + pipeline) by run id.

import { openAsBlob } from 'node:fs';
import { basename } from 'node:path';
import { DataError, isAbortError } from '../core/errors';
import { importFile } from '../core/ingest/import-file';
import { checkDatasetColumns, EMBEDDED_CSV_OPTIONS, type DatasetBinding } from '../core/notebook/file';
import type { CandidateOutcome, ComputePort, JobControl, OpenedDataset, TrainJob } from '../core/notebook/runtime/compute-port';
import { describeDatasetKey } from '../core/notebook/runtime/runners/data';
import type { CellId, DataCellSpec } from '../core/notebook/types';
import { proposeTarget } from '../core/problem/propose-target';
import { describeTargetFacts } from '../core/problem/validate-problem';
import { profileTable } from '../core/profile/profile-table';
import { runSplit } from '../core/split/run-split';
import { applyColumnOverrides } from '../core/table/apply-column-overrides';
import type { Table } from '../core/table/types';
import { previewPipeline } from '../core/transform/preview-pipeline';
import { scoreHeldOut } from '../core/evaluate/score-held-out';
import { explainRun } from '../core/explain/explain-run';
import type { SupervisedTask } from '../core/problem/types';
import { predictRun } from '../core/train/predict-run';
import { scoreRowsForView } from '../core/export/score-for-view';
import { describeCodeOutputKey, toCodeResult } from '../core/code/code-result';
import { runCodeInThread } from './run-code-node';
import { packageRunAsZip } from './package-run-node';
import { createNodeMonitorVerbs, type NodeMonitorOptions } from './node-monitor-port';
import { lendNodeQueryThreads } from './node-query-threads';
import { findPositiveClass } from '../core/train/score-model';
import { trainCandidateKeeping } from '../core/train/train-candidate';
import { assembleEnsembleRun } from '../core/tune/ensemble/assemble-ensemble-run';
import { trainUnsupervised } from '../core/train/train-unsupervised';
import type { RunSummary, TrainedRun } from '../core/train/types';

/** What a Data cell reads in this run: a file (or the text embedded in the notebook file) for its named dataset. */
export type DataBinding = {
  readonly name: string;
  /** The Data cell's index in the notebook (errors name `cells[index]`). */
  readonly index: number;
  /** The columns the notebook recorded: a file with others is refused, naming them. */
  readonly expected: DatasetBinding;
} & ({ readonly path: string } | { readonly text: string; readonly fileName: string });

/** The in-process port, and what it kept: the trained runs, for results/runs/<id>.json. */
export interface NodeComputePort extends ComputePort {
  readonly runs: ReadonlyMap<string, TrainedRun>;
}

const NODE_BACKEND = { backend: 'wasm', reason: 'Node: TensorFlow.js on its WebAssembly backend' };
let wasmBackend: Promise<void> | null = null;

/** TensorFlow.js on its WebAssembly backend, set up once and only when a neural network trains (~4× the cpu backend). */
function selectNodeBackend(): Promise<typeof NODE_BACKEND> {
  wasmBackend ??= (async () => {
    const tf = await import('@tensorflow/tfjs');
    await import('@tensorflow/tfjs-backend-wasm');
    if (!(await tf.setBackend('wasm'))) await tf.setBackend('cpu');
  })();
  return wasmBackend.then(() => NODE_BACKEND);
}

/**
 * A port over `bindings` (Data cell id → file); a Data cell without one is a DataError naming it. `monitor`: the
 * registry of the run (the notebook file's model versions) and where their training data may be found.
 */
export function createNodeComputePort(bindings: ReadonlyMap<CellId, DataBinding>, monitor: NodeMonitorOptions = {}): NodeComputePort {
  lendNodeQueryThreads();
  const tables = new Map<string, Table>();
  const runs = new Map<string, TrainedRun>();
  const runCells = new Map<string, CellId>();
  const table = (key: string): Table => {
    const found = tables.get(key);
    if (!found) throw new Error(`No table is open under "${key}"; run the Data cell above first.`);
    return found;
  };
  return {
    runs,
    ...createNodeMonitorVerbs({ ...monitor, tables, runs, table }),
    parallelism: 1,
    listCellRuns: async (cellId) => [...runs.values()].filter((run) => runCells.get(run.id) === cellId).map(summarizeRun),
    async openDataset(cellId, spec, control) {
      const binding = bindings.get(cellId);
      if (!binding) throw new DataError(`The Data cell (${cellId}) has no file: pass --data NAME=path for it.`);
      return openBoundDataset(binding, spec, tables, control);
    },
    describeTarget: async (key, target, task) => describeTargetFacts(table(key), target, task),
    proposeTarget: async (key, target) => proposeTarget(table(key), target),
    profileTable: async (key, job, onProgress, control) => profileTable(table(key), { ...job, ...(control?.signal ? { signal: control.signal } : {}), ...(onProgress ? { onProgress } : {}) }),
    splitTable: async (key, request) => runSplit(table(key), request),
    previewPipeline: async (key, steps, rows, target) => previewPipeline(table(key), steps, rows, { target }),
    trainCandidates: async (job, control) => {
      const outcomes = await trainInProcess(table(job.datasetKey), job, runs, control);
      for (const outcome of outcomes) if (outcome.status === 'done' || outcome.status === 'stopped') runCells.set(outcome.runId, job.cellId);
      return outcomes;
    },
    async evaluateRun(key, rows, runId, problem) {
      const run = storedRun(runs, runId);
      const predictions = await predictRun(table(key), rows, run, problem);
      return { predictions, scores: scoreHeldOut(predictions, problem, problem.task as SupervisedTask, findPositiveClass(problem, run.classes)) };
    },
    predictRun: async (key, rows, runId, problem) => predictRun(table(key), rows, storedRun(runs, runId), problem),
    async scoreRun(source, runId, control) {
      if (source.kind === 'file') throw new DataError('A headless run scores the Split\'s validation or test rows; to score a file, export the run (an Export cell) and run score.mjs from its bundle.');
      const { csvParts, ...scored } = await scoreRowsForView(storedRun(runs, runId), table(source.datasetKey), Uint32Array.from(source.rows), control?.signal);
      return { ...scored, csv: new Blob(csvParts, { type: 'text/csv' }) };
    },
    exportRun: async (runId, name) => packageRunAsZip(storedRun(runs, runId), name),
    explainRun: async (key, rows, runId, problem, options, onProgress) => explainRun(table(key), rows, storedRun(runs, runId), problem, options, onProgress),
    async runCode(request, onConsole, control) {
      const input = request.input && { name: request.input.name, table: table(request.input.key) };
      const run = await runCodeInThread({ source: request.source, input, timeLimitMs: request.timeLimitMs }, onConsole, control);
      if (run.outcome.kind !== 'table') return toCodeResult(run, null);
      // Keyed by content: the same table returned again is the same dataset to the cells below.
      const key = describeCodeOutputKey(`sha256-${run.outcome.contentHash}`);
      tables.set(key, run.outcome.table);
      return toCodeResult(run, { key, name: request.outputName });
    },
    async buildEnsemble(cellId, key, parts, request, problem) {
      const run = await assembleEnsembleRun(table(key), parts, request.members.map((m) => storedRun(runs, m.runId)), request, problem);
      runs.set(run.id, run);
      runCells.set(run.id, cellId);
      return summarizeRun(run);
    },
  };
}

async function openBoundDataset(binding: DataBinding, spec: DataCellSpec, tables: Map<string, Table>, control?: JobControl): Promise<OpenedDataset> {
  const { file, fileName, options } = 'path' in binding
    ? { file: await openFile(binding.path, binding.name), fileName: basename(binding.path), options: spec.options }
    : { file: new Blob([binding.text]), fileName: binding.fileName, options: EMBEDDED_CSV_OPTIONS };
  const result = await importFile(file, fileName, options, undefined, control?.signal);
  checkDatasetColumns(binding.index, binding.expected, result.table.columns.map((c) => ({ name: c.name, kind: c.kind })), spec.columnOverrides);
  const { table } = applyColumnOverrides(result.table, spec.columnOverrides);
  const key = `${result.contentHash}|${describeDatasetKey(spec.datasetId, spec.columnOverrides)}`;
  tables.set(key, table);
  const columns = table.columns.map((c) => (c.kind === 'categorical' ? { name: c.name, kind: c.kind, levels: c.levels } : { name: c.name, kind: c.kind }));
  return { artifact: { key, name: binding.name, rowCount: table.rowCount, columns, warnings: result.warnings, contentHash: result.contentHash }, source: 'path' in binding ? binding.path : `embedded ${binding.fileName}` };
}

async function openFile(path: string, name: string): Promise<Blob> {
  try {
    return await openAsBlob(path);
  } catch (error) {
    throw new DataError(`Cannot read "${path}" for the dataset "${name}": ${error instanceof Error ? error.message : String(error)}.`);
  }
}

/** Trains the job's candidates one after another in this process; each ends done, stopped or with its error. */
async function trainInProcess(table: Table, job: TrainJob, runs: Map<string, TrainedRun>, control?: JobControl): Promise<CandidateOutcome[]> {
  const outcomes: CandidateOutcome[] = [];
  for (const request of job.requests) {
    if (control?.signal?.aborted) break;
    job.onCandidate?.({ runId: request.id, status: 'running' });
    try {
      const ctx = {
        ...(control?.signal ? { signal: control.signal } : {}),
        shouldStop: () => control?.stop?.aborted === true,
        ...(job.onProgress ? { onProgress: job.onProgress } : {}),
        selectBackend: selectNodeBackend,
      };
      const { run, outOfFold } = request.problem.task === 'clustering' ? { run: await trainUnsupervised(table, job.parts, request, ctx), outOfFold: null } : await trainCandidateKeeping(table, job.parts, request, ctx);
      runs.set(run.id, run);
      const status = run.stopped ? 'stopped' : 'done';
      job.onCandidate?.({ runId: request.id, status, foldsDone: run.metrics.cv?.completed ?? 0 });
      outcomes.push({ runId: request.id, status, run: summarizeRun(run), ...(outOfFold ? { outOfFold } : {}) });
    } catch (error) {
      if (isAbortError(error)) throw error;
      const message = error instanceof Error ? error.message : String(error);
      job.onCandidate?.({ runId: request.id, status: 'error', error: message });
      outcomes.push({ runId: request.id, status: 'error', error: message });
    }
  }
  return outcomes;
}

function storedRun(runs: ReadonlyMap<string, TrainedRun>, runId: string): TrainedRun {
  const run = runs.get(runId);
  if (!run) throw new Error(`The run "${runId}" was not trained in this run of the notebook; run its Train cell first.`);
  return run;
}

/** A run without its model and fitted pipeline (what every cell reads; the whole run stays with the port). */
export function summarizeRun(run: TrainedRun): RunSummary {
  const { model: _model, pipeline: _pipeline, inputContract: _contract, ...summary } = run;
  return summary;
}
