// The page's port verbs for the Monitor and Retrain cells: registry reads and writes in IndexedDB (a promotion is
// broadcast to other tabs), and the jobs on stored runs sent to a training worker. The champion's own dataset is
// found by its recorded content hash (as Reproduce finds it) and read by the worker itself.

import { DataError, RegistryError } from '../core/errors';
import { markRegisteredChallengers } from '../core/monitor/match-logged-version';
import { readVersionProblem } from '../core/monitor/read-version-problem';
import type { AppendedRows, ComputePort, JobControl, LoadedVersion } from '../core/notebook/runtime/compute-port';
import { describeDatasetKey } from '../core/notebook/runtime/runners/data';
import { findProduction } from '../core/registry/stage-rules';
import { planReproduction } from '../core/train/plan-reproduction';
import type { RunSummary } from '../core/train/types';
import { findDatasetsByHash } from '../storage/datasets';
import type { StudioDb } from '../storage/db';
import { appendMonitorBatch, loadModelVersions, registerVersion, setStage } from '../storage/registry';
import { getTrainingPool } from '../workers/clients';
import type { TableRef } from '../workers/dataset-tables';
import type { ReferenceSource } from '../workers/monitor-api';
import type { RunStore } from '../workers/stored-runs';
import { broadcastRegistryChange } from './registry-channel';
import { ensureTrainingTable } from './training-table';

export interface MonitorPortEnv {
  readonly db: () => Promise<StudioDb>;
  readonly runStore: RunStore;
  /** Where a worker reads the table of a dataset key the port knows. */
  readonly refOf: (datasetKey: string) => TableRef;
  /** Makes a stored dataset known under `key` (the appended table of a retrain). */
  readonly addRef: (ref: TableRef) => void;
}

type MonitorVerbs = Pick<ComputePort, 'loadModelVersion' | 'monitorBatch' | 'recordMonitorBatch' | 'appendTrainingRows' | 'scoreOnHoldout' | 'registerChallenger'>;

export function createBrowserMonitorVerbs(env: MonitorPortEnv): MonitorVerbs {
  const runRef = (runId: string) => ({ dbName: env.runStore.dbName, runId });
  const readRun = async (runId: string): Promise<RunSummary> => {
    const record = await (await env.db()).get('runs', runId);
    if (!record) throw new RegistryError(`The run "${runId}" of this version is no longer stored; register another run.`);
    return record.run;
  };
  /** The champion's dataset as it trained (by content hash, with its recorded column kinds) and its split request, or why not. */
  const findReference = async (run: RunSummary): Promise<ReferenceSource> => {
    const provenance = run.provenance;
    if (!provenance) return { missing: `"${run.label}" was trained before runs recorded their data, so the model's scores on its own rows are not at hand; prediction drift needs them.` };
    const stored = await findDatasetsByHash(await env.db(), provenance.dataset.contentHash);
    const plan = planReproduction(run, stored.map((meta) => ({ id: meta.id, columns: meta.columns })));
    if (plan.kind === 'blocked') return { missing: `Prediction drift needs the model's scores on its own validation rows: ${plan.problems.join(' ')}` };
    const key = describeDatasetKey(plan.datasetId, plan.overrides);
    return { table: { key, source: { dbName: env.runStore.dbName, datasetId: plan.datasetId, overrides: plan.overrides } }, split: JSON.parse(JSON.stringify(provenance.split.request)) };
  };
  const onWorker = <T>(refs: readonly TableRef[], job: (api: Parameters<Parameters<ReturnType<typeof getTrainingPool>['run']>[0]>[0]) => Promise<T>, control?: JobControl) =>
    getTrainingPool().run(async (api) => {
      for (const ref of refs) await ensureTrainingTable(api, { ref });
      return job(api);
    }, control?.signal);

  return {
    async loadModelVersion(modelName, version) {
      const versions = await loadModelVersions(await env.db(), modelName);
      if (versions.length === 0) throw new RegistryError(`No model named "${modelName}" is registered; register a run on the Runs page (or a Train leaderboard) first, or pick another model.`);
      const chosen = version === null ? findProduction(versions) : versions.find((v) => v.version === version);
      if (!chosen) {
        const listed = versions.map((v) => `v${v.version} (${v.stage})`).join(', ');
        throw new RegistryError(version === null ? `${modelName} has no version in production (${listed}); promote one on its Models page, or pick a version here.` : `${modelName} has no v${version}; its versions: ${listed}.`);
      }
      const run = await readRun(chosen.runId);
      return { modelName, version: chosen.version, stage: chosen.stage, run, problem: readVersionProblem(run) } satisfies LoadedVersion;
    },
    async monitorBatch(datasetKey, runId, problem, options, control) {
      const reference = await findReference(await readRun(runId));
      const batch = env.refOf(datasetKey);
      const report = await onWorker([batch], (api) => api.monitorStoredRun(datasetKey, reference, runRef(runId), JSON.parse(JSON.stringify(problem)), JSON.parse(JSON.stringify(options))), control);
      // A prediction log's canary or shadow may be a registered version of the same model: the view then offers to promote it.
      if (!options.monitored || !report.log?.comparisons.length) return report;
      return markRegisteredChallengers(report, options.monitored.modelName, await loadModelVersions(await env.db(), options.monitored.modelName));
    },
    recordMonitorBatch: async (entry) => appendMonitorBatch(await env.db(), JSON.parse(JSON.stringify(entry))),
    async appendTrainingRows(runId, batchKey, batchRows, control): Promise<AppendedRows> {
      const reference = await findReference(await readRun(runId));
      if ('missing' in reference) throw new DataError(`Retraining on the old training rows and the batch needs the champion's training data: ${reference.missing} Choose "the batch" or "its most recent rows" instead, or import that file again.`);
      const rows = Uint32Array.from(batchRows);
      const appended = await onWorker([], (api) => api.appendStoredRows(reference, env.refOf(batchKey), rows, env.runStore.dbName), control);
      const key = describeDatasetKey(appended.datasetId, {});
      env.addRef({ key, source: { dbName: env.runStore.dbName, datasetId: appended.datasetId, overrides: {} } });
      return { datasetKey: key, old: appended.old, batch: appended.batch };
    },
    scoreOnHoldout: (datasetKey, rows, runId, problem, sliceColumn, control) =>
      onWorker([env.refOf(datasetKey)], (api) => api.scoreStoredRunOnHoldout(datasetKey, Uint32Array.from(rows), runRef(runId), JSON.parse(JSON.stringify(problem)), sliceColumn), control),
    async registerChallenger(modelName, runId, promote, reason) {
      const db = await env.db();
      const registered = await registerVersion(db, { modelName, runId, reason });
      if (!promote) return { version: registered.version, stage: registered.stage };
      broadcastRegistryChange(await setStage(db, { modelName, version: registered.version, stage: 'production', reason }));
      return { version: registered.version, stage: 'production' };
    },
  };
}
