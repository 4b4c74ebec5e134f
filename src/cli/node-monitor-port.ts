// The Monitor and Retrain cells' verbs of the in-process port (ml-studio run): a registry held in memory — the model
// versions the notebook file embeds, plus what a Retrain cell registers — monitoring, the champion's training rows,
// holdout scores and the version history, with the core functions the browser's workers call.

import { DataError } from '../core/errors';
import { markRegisteredChallengers } from '../core/monitor/match-logged-version';
import { monitorBatch } from '../core/monitor/monitor-batch';
import { readVersionProblem } from '../core/monitor/read-version-problem';
import { scoreOnHoldout } from '../core/monitor/score-on-holdout';
import type { ComputePort, LoadedVersion } from '../core/notebook/runtime/compute-port';
import { appendTableRows } from '../core/table/append-table';
import type { Table } from '../core/table/types';
import { splitRun } from '../core/train/split-run';
import type { TrainedRun } from '../core/train/types';
import { createHeadlessRegistry, type HeadlessRegistry } from './headless-registry';
import { openTrainingRows, type TrainingDataSources, type TrainingRows } from './open-training-rows';

/** What a headless run adds for these verbs: its registry and where the champions' training data may be found. */
export interface NodeMonitorOptions {
  /** Default: an empty registry (a Monitor cell then fails naming that the file carries no model). */
  readonly registry?: HeadlessRegistry;
  /** Default: none (prediction drift says why it is absent; an appended retrain is refused). */
  readonly trainingData?: TrainingDataSources;
}

/** What the port shares with these verbs: its open tables and trained runs. */
export interface NodeMonitorContext extends NodeMonitorOptions {
  readonly tables: Map<string, Table>;
  readonly runs: Map<string, TrainedRun>;
  table(key: string): Table;
}

export type NodeMonitorVerbs = Pick<ComputePort, 'loadModelVersion' | 'monitorBatch' | 'recordMonitorBatch' | 'appendTrainingRows' | 'scoreOnHoldout' | 'registerChallenger'>;

const NO_SOURCES: TrainingDataSources = { given: new Map(), samplesDir: null, embedded: new Map(), importOptions: new Map() };

/** The verbs over `context`; the registry's runs join the port's runs. */
export function createNodeMonitorVerbs(context: NodeMonitorContext): NodeMonitorVerbs {
  const registry = context.registry ?? createHeadlessRegistry([]);
  for (const run of registry.runs) context.runs.set(run.id, run);
  const training = new Map<string, Promise<TrainingRows>>();
  const trainingRows = (run: TrainedRun, signal?: AbortSignal) => {
    let rows = training.get(run.id);
    if (!rows) {
      rows = openTrainingRows(run, context.trainingData ?? NO_SOURCES, signal);
      training.set(run.id, rows);
      rows.catch(() => training.delete(run.id)); // a failed read (cancelled, unreadable file) is tried again next time
    }
    return rows;
  };
  const storedRun = (runId: string) => {
    const run = context.runs.get(runId);
    if (!run) throw new Error(`The run "${runId}" is neither a version the notebook file carries nor one trained in this run.`);
    return run;
  };
  let appended = 0;
  return {
    async loadModelVersion(modelName, version): Promise<LoadedVersion> {
      const chosen = registry.findVersion(modelName, version);
      const run = storedRun(chosen.runId);
      return { modelName: chosen.modelName, version: chosen.version, stage: chosen.stage, run: splitRun(run).summary, problem: readVersionProblem(run, run.inputContract) };
    },
    async monitorBatch(datasetKey, runId, problem, options, control) {
      const run = storedRun(runId);
      const rows = await trainingRows(run, control?.signal);
      const reference = 'missing' in rows ? { missing: `Prediction drift needs the model's scores on its own validation rows: ${rows.missing}` } : { table: rows.table, rows: rows.validation };
      const report = await monitorBatch(context.table(datasetKey), run, problem, reference, options, control?.signal);
      if (!options.monitored || !report.log?.comparisons.length) return report;
      const model = registry.describe().models.find((m) => m.name === options.monitored!.modelName);
      return markRegisteredChallengers(report, options.monitored.modelName, model?.versions ?? []);
    },
    recordMonitorBatch: async (entry) => registry.recordBatch(entry),
    async appendTrainingRows(runId, batchKey, batchRows, control) {
      const run = storedRun(runId);
      const rows = await trainingRows(run, control?.signal);
      if ('missing' in rows) throw new DataError(`Retraining on the champion's training rows and the batch needs the champion's training data. ${rows.missing} Or set the Retrain cell's data to "batch".`);
      const { table, a, b } = appendTableRows(rows.table, rows.train, context.table(batchKey), batchRows);
      const datasetKey = `appended|${runId}|${batchKey}|${++appended}`;
      context.tables.set(datasetKey, table);
      return { datasetKey, old: a, batch: b };
    },
    scoreOnHoldout: async (datasetKey, rows, runId, problem, sliceColumn) => scoreOnHoldout(context.table(datasetKey), rows, storedRun(runId), problem, sliceColumn),
    registerChallenger: async (modelName, runId, promote, reason) => registry.register(modelName, storedRun(runId), promote, reason),
  };
}
