// The Models pages' state: the registered models with their versions, one model's versions, change log and the
// model card of a chosen version; every change is broadcast to other tabs, and their changes reload this one.

import type { ModelCardEdits, ModelVersion, RegisteredModel, RegistryChange, Stage } from '../core/registry/types';
import { writeModelCard } from '../core/registry/model-card';
import { listChanges, listModels, loadModelVersions, registerVersion, rollback, setStage, updateCardEdits } from '../storage/registry';
import { listAllRuns, loadTrainedRun, type StoredRun } from '../storage/runs';
import { describeError } from './error-message';
import { broadcastRegistryChange, listenToRegistryChanges } from './registry-channel';
import type { Studio } from './studio.svelte';

/** The ids of changes this tab made, so a broadcast echo is not announced as another tab's. */
const ownChangeIds = new Set<string>();

/** describeError, with the registry's own errors shown as they are (their message names the model and what to do). */
export function describeRegistryError(error: unknown): string {
  const name = (error as { name?: string } | null)?.name;
  return name === 'RegistryError' ? (error as Error).message : describeError(error);
}

/** Tells other tabs about `change` (this tab's own changes are remembered, not announced). */
export function announceChange(change: RegistryChange): void {
  ownChangeIds.add(change.id);
  broadcastRegistryChange(change);
}

/** Registers run `runId` as the next version of `modelName`; toasts the result; returns the version or null after an error toast. */
export async function registerRun(studio: Studio, request: { modelName: string; runId: string; reason: string }): Promise<ModelVersion | null> {
  try {
    const version = await registerVersion(await studio.db(), { modelName: request.modelName.trim(), runId: request.runId, reason: request.reason });
    const changes = await listChanges(await studio.db(), version.modelName);
    const change = changes.find((c) => c.action === 'register' && c.version === version.version);
    if (change) announceChange(change);
    studio.toasts.push(`Registered as ${version.modelName} v${version.version}.`);
    return version;
  } catch (error) {
    studio.toasts.push(describeRegistryError(error), 'error');
    return null;
  }
}

export type ModelListing = { model: RegisteredModel; versions: ModelVersion[]; lastChange: RegistryChange | null };

/** The Models list: each model with its versions and its latest change; reloads on any change from another tab. */
export class ModelsState {
  models = $state.raw<ModelListing[]>([]);
  loaded = $state(false);
  error = $state<string | null>(null);
  #stopListening: (() => void) | null = null;

  constructor(readonly studio: Studio) {}

  async load(): Promise<void> {
    try {
      const db = await this.studio.db();
      const models = await listModels(db);
      const logs = await Promise.all(models.map((m) => listChanges(db, m.model.name)));
      this.models = models.map((m, i) => ({ ...m, lastChange: logs[i].reduce<RegistryChange | null>((last, c) => (last && last.at >= c.at ? last : c), null) }));
      this.error = null;
    } catch (error) {
      this.error = describeRegistryError(error);
    }
    this.loaded = true;
  }

  start(): void {
    void this.load();
    this.#stopListening = listenToRegistryChanges(() => void this.load());
  }

  dispose(): void {
    this.#stopListening?.();
  }
}

/** One model's page: versions (with their runs), the change log, a chosen version's card and stage actions. */
export class ModelState {
  versions = $state.raw<ModelVersion[]>([]);
  changes = $state.raw<RegistryChange[]>([]);
  runs = $state.raw<Record<string, StoredRun>>({});
  loaded = $state(false);
  error = $state<string | null>(null);
  /** "Another tab changed this model: …", until dismissed. */
  notice = $state<string | null>(null);
  cardVersion = $state<number | null>(null);
  card = $state.raw<{ markdown: string; html: string } | null>(null);
  busy = $state(false);
  #stopListening: (() => void) | null = null;

  constructor(
    readonly studio: Studio,
    readonly modelName: string,
  ) {}

  start(): void {
    void this.load();
    this.#stopListening = listenToRegistryChanges((change) => {
      if (change.modelName !== this.modelName) return;
      if (!ownChangeIds.has(change.id)) this.notice = `Another tab changed this model: ${describeChange(change)}.`;
      void this.load();
    });
  }

  dispose(): void {
    this.#stopListening?.();
  }

  async load(): Promise<void> {
    try {
      const db = await this.studio.db();
      const [versions, changes, runs] = await Promise.all([loadModelVersions(db, this.modelName), listChanges(db, this.modelName), listAllRuns(db)]);
      const used = new Set(versions.map((v) => v.runId));
      this.runs = Object.fromEntries(runs.filter((r) => used.has(r.id)).map((r) => [r.id, r]));
      this.versions = [...versions].sort((a, b) => a.version - b.version);
      this.changes = [...changes].sort((a, b) => b.at - a.at);
      this.error = versions.length === 0 ? `There is no registered model named “${this.modelName}”. Register a run on the Runs page first.` : null;
      if (this.cardVersion === null && this.versions.length > 0) this.cardVersion = this.versions[this.versions.length - 1].version;
      await this.#loadCard();
    } catch (error) {
      this.error = describeRegistryError(error);
    }
    this.loaded = true;
  }

  /** Shows the card of `version`. */
  async chooseCard(version: number): Promise<void> {
    this.cardVersion = version;
    await this.#loadCard();
  }

  setStage(version: number, stage: Stage, reason: string): Promise<boolean> {
    return this.#change(async (db) => setStage(db, { modelName: this.modelName, version, stage, reason }));
  }

  rollback(toVersion: number, reason: string): Promise<boolean> {
    return this.#change(async (db) => rollback(db, { modelName: this.modelName, toVersion, reason }));
  }

  saveCardEdits(version: number, card: ModelCardEdits): Promise<boolean> {
    return this.#change(async (db) => updateCardEdits(db, { modelName: this.modelName, version, card }));
  }

  async #change(task: (db: Awaited<ReturnType<Studio['db']>>) => Promise<RegistryChange>): Promise<boolean> {
    this.busy = true;
    try {
      announceChange(await task(await this.studio.db()));
      await this.load();
      return true;
    } catch (error) {
      this.studio.toasts.push(describeRegistryError(error), 'error');
      return false;
    } finally {
      this.busy = false;
    }
  }

  async #loadCard(): Promise<void> {
    const version = this.versions.find((v) => v.version === this.cardVersion);
    if (!version) return void (this.card = null);
    const run = await loadTrainedRun(await this.studio.db(), version.runId);
    this.card = run ? writeModelCard({ version, run, history: this.changes }) : null;
  }
}

/** "v2 set to production (reason: better recall)". */
export function describeChange(change: RegistryChange): string {
  const verb = { register: 'registered', 'set-stage': 'stage changed', rollback: 'production rolled back to', 'edit-card': 'card edited' }[change.action];
  const stage = change.after.find((s) => s.version === change.version)?.stage;
  const what = change.action === 'rollback' ? `${verb} v${change.version}` : change.action === 'set-stage' ? `v${change.version} set to ${stage}` : `v${change.version} ${verb}`;
  return change.reason ? `${what} (reason: ${change.reason})` : what;
}

/** The registered models' names, alphabetical (the Register dialog's choices); [] when the registry cannot be read. */
export async function listModelNames(studio: Studio): Promise<string[]> {
  try {
    return (await listModels(await studio.db())).map((m) => m.model.name).sort();
  } catch {
    return [];
  }
}
