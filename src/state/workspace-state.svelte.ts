// Home's Workspace panel: storage use per kind, what nothing refers to any more (Clean up), and the workspace
// file's export and import. Every failure becomes an error toast; after an import or a clean-up the Home lists reload.

import type { Studio } from './studio.svelte';
import { describeError } from './error-message';
import { deleteUnreferenced, listUnreferenced, measureStorageUse, type CleanupKind, type StorageUse, type Unreferenced } from '../storage/storage-use';
import { exportWorkspace, importWorkspace, type WorkspaceImportReport } from '../storage/workspace';

const KIND_WORDS: Record<keyof WorkspaceImportReport['added'], [string, string]> = {
  datasets: ['dataset', 'datasets'], notebooks: ['notebook', 'notebooks'], cellOutputs: ['cell output', 'cell outputs'], runs: ['run', 'runs'],
  runFits: ['fitted model', 'fitted models'], models: ['model', 'models'], modelVersions: ['model version', 'model versions'], registryLog: ['registry change', 'registry changes'],
};

/** "2 notebooks, 1 run" for the non-zero counts of `counts`; "nothing" when all are zero. */
export function describeCounts(counts: WorkspaceImportReport['added']): string {
  const parts = (Object.keys(KIND_WORDS) as (keyof typeof KIND_WORDS)[]).filter((kind) => counts[kind] > 0).map((kind) => `${counts[kind]} ${KIND_WORDS[kind][counts[kind] === 1 ? 0 : 1]}`);
  return parts.length > 0 ? parts.join(', ') : 'nothing';
}

/** The sentence shown after an import: what was added, what was here already, and what got a new id or name. */
export function describeImport(fileName: string, report: WorkspaceImportReport): string {
  const skipped = describeCounts(report.skipped);
  const sentences = [`Imported “${fileName}”: added ${describeCounts(report.added)}${skipped === 'nothing' ? '' : `; already here: ${skipped}`}.`];
  const renamed = report.renamedModels.map(({ from, to }) => `model “${from}” was imported as “${to}”`);
  if (report.remapped > 0) {
    const what = report.remapped === 1 ? '1 record got a new id because this browser has a different one' : `${report.remapped} records got new ids because this browser has different ones`;
    sentences.push(`${[`${what} under the same id`, ...renamed].join('; ')}.`);
  } else if (renamed.length > 0) {
    const text = renamed.join('; ');
    sentences.push(`${text[0].toUpperCase()}${text.slice(1)} because this browser has another model of that name.`);
  }
  return sentences.join(' ');
}

/** The download name of a workspace exported at `epochMs`: ml-studio-workspace-YYYY-MM-DD.zip (UTC date). */
export function nameWorkspaceFile(epochMs: number): string {
  return `ml-studio-workspace-${new Date(epochMs).toISOString().slice(0, 10)}.zip`;
}

export class WorkspaceState {
  use = $state.raw<StorageUse | null>(null);
  unreferenced = $state.raw<Unreferenced | null>(null);
  busy = $state<'export' | 'import' | 'cleanup' | null>(null);
  /** The last import's sentence ("Added 1 notebook, …"), shown under the buttons. */
  lastImport = $state<string | null>(null);

  constructor(private readonly studio: Studio) {}

  /** Re-reads the use per kind and the unreferenced records. */
  async refresh(): Promise<void> {
    await this.#report(async () => {
      const db = await this.studio.db();
      [this.use, this.unreferenced] = await Promise.all([measureStorageUse(db), listUnreferenced(db)]);
    });
  }

  /** The whole workspace as a zip to download, or null after an error toast. */
  async exportFile(): Promise<{ blob: Blob; fileName: string } | null> {
    if (this.busy) return null;
    this.busy = 'export';
    try {
      const now = Date.now();
      const zip = await exportWorkspace(await this.studio.db(), now);
      return { blob: new Blob([zip as Uint8Array<ArrayBuffer>], { type: 'application/zip' }), fileName: nameWorkspaceFile(now) };
    } catch (error) {
      this.studio.toasts.push(`Could not export the workspace: ${describeError(error)}`, 'error');
      return null;
    } finally {
      this.busy = null;
    }
  }

  /** Imports a workspace file (all or nothing), then reloads the Home lists. */
  async importFile(file: File): Promise<void> {
    if (this.busy) return;
    this.busy = 'import';
    this.lastImport = null;
    try {
      const report = await importWorkspace(await this.studio.db(), new Uint8Array(await file.arrayBuffer()));
      this.lastImport = describeImport(file.name, report);
    } catch (error) {
      this.studio.toasts.push(`Could not import “${file.name}”: ${describeError(error)}`, 'error');
    } finally {
      this.busy = null;
      await Promise.all([this.studio.refresh(), this.refresh()]);
    }
  }

  /** Deletes what nothing refers to, of `kinds`, then reloads. */
  async cleanUp(kinds: readonly CleanupKind[]): Promise<void> {
    if (this.busy) return;
    this.busy = 'cleanup';
    try {
      const gone = await deleteUnreferenced(await this.studio.db(), kinds);
      this.studio.toasts.push(`Deleted ${gone.datasets.length} datasets, ${gone.runs.length} runs and ${gone.outputs.length} cell outputs that nothing used.`);
    } catch (error) {
      this.studio.toasts.push(`Could not clean up: ${describeError(error)}`, 'error');
    } finally {
      this.busy = null;
      await Promise.all([this.studio.refresh(), this.refresh()]);
    }
  }

  async #report(task: () => Promise<void>): Promise<void> {
    try {
      await task();
    } catch (error) {
      this.studio.toasts.push(describeError(error), 'error');
    }
  }
}
