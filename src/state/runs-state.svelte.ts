// The Runs page's state: every stored run of every notebook (with its notebook's name and registry versions),
// the filter, the sort, the selection of runs to compare and the comparison of those runs.

import type { ModelVersion } from '../core/registry/types';
import type { RunSummary } from '../core/train/types';
import { listModels } from '../storage/registry';
import { deleteRun, listAllRuns } from '../storage/runs';
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
