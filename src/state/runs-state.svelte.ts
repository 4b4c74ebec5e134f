// The Runs page's state: every stored run of every notebook (with its notebook's name and registry versions),
// the filter, the sort, the selection of runs to compare and the comparison of those runs; a run's tags, note and
// archive flag, and Reproduce (a run trained again from its record in a training worker, metrics compared).

import type { ModelVersion } from '../core/registry/types';
import { describeDatasetKey } from '../core/notebook/runtime/runners/data';
import { planReproduction, type ReproduceReport } from '../core/train/plan-reproduction';
import type { RunSummary } from '../core/train/types';
import { findDatasetsByHash } from '../storage/datasets';
import { listModels } from '../storage/registry';
import { deleteRun, listAllRuns, setRunArchived, updateRunNotes } from '../storage/runs';
import { getTrainingPool } from '../workers/clients';
import type { TableRef } from '../workers/dataset-tables';
import { describeError } from './error-message';
import { ensureTrainingTable } from './training-table';
import { compareMetrics, diffParams, nameRuns, overlayCurves } from './run-comparison';
import { describeRegistryError, registerRun } from './registry-state.svelte';
import { ANY_RUN, filterRuns, listRunFacets, sortRuns, type RunFilter, type RunRow, type RunSort } from './runs-view';
import type { Studio } from './studio.svelte';

export class RunsState {
  rows = $state.raw<RunRow[]>([]);
  modelNames = $state.raw<string[]>([]);
  loaded = $state(false);
  error = $state<string | null>(null);
  filter = $state<RunFilter>({ ...ANY_RUN });
  sort = $state.raw<RunSort>({ kind: 'trained' });
  /** Ids of the ticked runs, in the order they were ticked. */
  selected = $state.raw<string[]>([]);
  /** The run whose tags and note are being edited in place (null: none). */
  editing = $state<string | null>(null);
  /** Reproduce per run id: running, its report, or the error that stopped it. */
  reproductions = $state.raw<Record<string, { status: 'running' } | { status: 'done'; report: ReproduceReport } | { status: 'error'; error: string }>>({});

  readonly facets = $derived(listRunFacets(this.rows));
  readonly visible = $derived(sortRuns(filterRuns(this.rows, this.filter), this.sort));
  /** The comparison of the ticked runs, null until two are ticked. */
  readonly comparison = $derived.by(() => {
    const runs = this.selected.map((id) => this.rows.find((row) => row.id === id)?.run).filter((run): run is RunSummary => run !== undefined);
    if (runs.length < 2) return null;
    const names = nameRuns(runs);
    return { names, params: diffParams(runs), metrics: compareMetrics(runs), curves: overlayCurves(runs, names) };
  });

  constructor(readonly studio: Studio) {}

  /** Reloads the runs, the notebooks' names and the registry's versions. */
  async load(): Promise<void> {
    try {
      await this.studio.refresh();
      const db = await this.studio.db();
      const [runs, models] = await Promise.all([listAllRuns(db), listModels(db)]);
      const names = new Map(this.studio.notebooks.map((n) => [n.id as string, n.name]));
      const versionsOf = new Map<string, ModelVersion[]>();
      for (const version of models.flatMap((m) => m.versions)) versionsOf.set(version.runId, [...(versionsOf.get(version.runId) ?? []), version]);
      this.rows = runs.map((stored) => ({
        id: stored.id, notebookId: stored.notebookId, notebookName: names.get(stored.notebookId) ?? '(deleted notebook)', run: stored.run,
        versions: (versionsOf.get(stored.id) ?? []).map(({ modelName, version, stage }) => ({ modelName, version, stage })),
      }));
      this.modelNames = models.map((m) => m.model.name).sort();
      this.selected = this.selected.filter((id) => runs.some((r) => r.id === id));
      this.error = null;
    } catch (error) {
      this.error = describeRegistryError(error);
    }
    this.loaded = true;
  }

  toggle(runId: string): void {
    this.selected = this.selected.includes(runId) ? this.selected.filter((id) => id !== runId) : [...this.selected, runId];
  }

  async register(request: { modelName: string; runId: string; reason: string }): Promise<boolean> {
    const version = await registerRun(this.studio, request);
    await this.load();
    return version !== null;
  }

  /** Stores a run's tags and note (the row shows them at once). */
  async saveNotes(runId: string, tags: readonly string[], note: string): Promise<void> {
    await this.#updateRun(runId, (db) => updateRunNotes(db, runId, { tags, note }));
  }

  /** Archives (hidden unless "Show archived") or restores a run. */
  async setArchived(runId: string, archived: boolean): Promise<void> {
    await this.#updateRun(runId, (db) => setRunArchived(db, runId, archived));
    this.studio.toasts.push(archived ? 'Run archived.' : 'Run restored.');
  }

  async #updateRun(runId: string, update: (db: Awaited<ReturnType<Studio['db']>>) => Promise<RunSummary>): Promise<void> {
    try {
      const run = await update(await this.studio.db());
      this.rows = this.rows.map((row) => (row.id === runId ? { ...row, run } : row));
    } catch (error) {
      this.studio.toasts.push(describeError(error), 'error');
    }
  }

  /**
   * Trains run `runId` again from its record: the stored dataset with its recorded content hash (column kinds set as
   * the run's Data cell had them), the recorded split, problem, steps, family, parameters and seed; nothing is stored.
   */
  async reproduce(runId: string): Promise<void> {
    const row = this.rows.find((r) => r.id === runId);
    if (!row) return;
    this.reproductions = { ...this.reproductions, [runId]: { status: 'running' } };
    try {
      const db = await this.studio.db();
      const hash = row.run.provenance?.dataset.contentHash;
      const stored = hash ? await findDatasetsByHash(db, hash) : [];
      const plan = planReproduction(row.run, stored.map((meta) => ({ id: meta.id, columns: meta.columns })));
      const report: ReproduceReport = plan.kind === 'blocked'
        ? { outcome: 'mismatch', message: plan.problems.join(' '), differences: [], pipelineMatches: null, notes: [] }
        : await getTrainingPool().run(async (api) => {
          const ref: TableRef = { key: describeDatasetKey(plan.datasetId, plan.overrides), source: { dbName: this.studio.dbName, datasetId: plan.datasetId, overrides: plan.overrides } };
          await ensureTrainingTable(api, { ref });
          return api.reproduceStoredRun(ref, { dbName: this.studio.dbName, runId }, plan.notes);
        });
      this.reproductions = { ...this.reproductions, [runId]: { status: 'done', report } };
    } catch (error) {
      this.reproductions = { ...this.reproductions, [runId]: { status: 'error', error: describeError(error) } };
    }
  }

  /** Deletes a run; the registry refuses (with a message naming the versions) while a version is made of it. */
  async remove(runId: string): Promise<void> {
    try {
      await deleteRun(await this.studio.db(), runId);
      this.studio.toasts.push('Run deleted.');
    } catch (error) {
      this.studio.toasts.push(describeRegistryError(error), 'error');
    }
    await this.load();
  }
}
