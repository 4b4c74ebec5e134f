// The model registry of one headless run, in memory: the versions the notebook file embeds (with their stages and
// monitoring history) plus what Retrain cells register, every change planned by the same rules as the browser's
// registry (core/registry/stage-rules.ts) and logged with its reason. `ml-studio run` writes it to registry.json
// and the history to monitor-history.json.

import { RegistryError } from '../core/errors';
import { appendHistory, type MonitorHistoryEntry } from '../core/monitor/monitor-history';
import type { EmbeddedModel } from '../core/notebook/file';
import type { NotebookId } from '../core/notebook/types';
import { checkModelName, findProduction, formatVersionId, planRegistration, planStageChange } from '../core/registry/stage-rules';
import { EMPTY_CARD_EDITS, type ModelVersion, type RegistryChange, type Stage } from '../core/registry/types';
import type { TrainedRun } from '../core/train/types';

const HEADLESS_NOTEBOOK = 'headless' as NotebookId;

/** A version in registry.json: its record's facts, what its run is, and whether the file brought it or this run registered it. */
export interface RegistryVersionFacts {
  readonly version: number;
  readonly stage: Stage;
  readonly runId: string;
  readonly label: string;
  readonly family: string;
  /** Epoch ms. */
  readonly registeredAt: number;
  readonly origin: 'notebook file' | 'this run';
}

/** registry.json: every model, its versions with their stages, and the changes this run made, oldest first. */
export interface RegistrySnapshot {
  readonly format: 'ml-studio-registry';
  readonly formatVersion: 1;
  readonly models: readonly { readonly name: string; readonly production: number | null; readonly versions: readonly RegistryVersionFacts[]; readonly changes: readonly RegistryChange[] }[];
}

/** monitor-history.json: each version's monitored batches, oldest first (the file's history and this run's batches). */
export interface MonitorHistorySnapshot {
  readonly format: 'ml-studio-monitor-history';
  readonly formatVersion: 1;
  readonly versions: readonly { readonly model: string; readonly version: number; readonly batches: readonly MonitorHistoryEntry[] }[];
}

export interface HeadlessRegistry {
  /** The embedded versions' runs (the port keeps them with the runs it trains). */
  readonly runs: readonly TrainedRun[];
  /** A version (null: the one in production); a RegistryError naming the models and versions there are. */
  findVersion(modelName: string, version: number | null): ModelVersion;
  /** `run` as the next version of `modelName` (stage none), put in production when `promote`; each change logs `reason`. */
  register(modelName: string, run: TrainedRun, promote: boolean, reason: string): { version: number; stage: Stage };
  /** Keeps a monitored batch in its version's history; the history, oldest first. */
  recordBatch(entry: MonitorHistoryEntry): MonitorHistoryEntry[];
  describe(): RegistrySnapshot;
  describeHistory(): MonitorHistorySnapshot;
}

/** A registry holding the file's `models`; `now` stamps the changes (epoch ms). */
export function createHeadlessRegistry(models: readonly EmbeddedModel[], now: () => number = Date.now): HeadlessRegistry {
  const versions = new Map<string, ModelVersion[]>();
  const facts = new Map<string, Pick<RegistryVersionFacts, 'label' | 'family' | 'origin'>>();
  const history = new Map<string, MonitorHistoryEntry[]>();
  const changes: RegistryChange[] = [];
  for (const model of models) {
    versions.set(model.name, [...model.versions].sort((a, b) => a.version - b.version).map((entry) => {
      const id = formatVersionId(model.name, entry.version);
      facts.set(id, { label: entry.run.label, family: entry.run.family, origin: 'notebook file' });
      history.set(id, [...(entry.monitorHistory ?? [])]);
      return { id, modelName: model.name, version: entry.version, runId: entry.run.id, notebookId: HEADLESS_NOTEBOOK, registeredAt: entry.registeredAt, stage: entry.stage, card: EMPTY_CARD_EDITS };
    }));
  }
  /** Writes a plan's version records (replacing those of the same number, adding new ones) and logs its change. */
  const apply = (modelName: string, changed: readonly ModelVersion[], change: RegistryChange) => {
    const current = versions.get(modelName) ?? [];
    const replaced = current.map((v) => changed.find((c) => c.version === v.version) ?? v);
    versions.set(modelName, [...replaced, ...changed.filter((c) => !current.some((v) => v.version === c.version))]);
    changes.push(change);
  };
  const context = (modelName: string) => ({ now: now(), sequence: changes.filter((c) => c.modelName === modelName).length + 1 });
  return {
    runs: models.flatMap((model) => model.versions.map((entry) => entry.run)),
    findVersion: (modelName, version) => findVersion(versions, modelName, version),
    register(rawName, run, promote, reason) {
      const modelName = checkModelName(rawName);
      const existing = versions.get(modelName) ?? [];
      const twin = existing.find((v) => v.runId === run.id);
      if (twin) throw new RegistryError(`The run "${run.label}" is already ${modelName} v${twin.version}; register another run to make a new version.`);
      const planned = planRegistration(existing, { modelName, runId: run.id, notebookId: HEADLESS_NOTEBOOK, reason }, context(modelName));
      apply(modelName, [planned.version], planned.change);
      facts.set(planned.version.id, { label: run.label, family: run.family, origin: 'this run' });
      if (!promote) return { version: planned.version.version, stage: planned.version.stage };
      const plan = planStageChange(versions.get(modelName)!, { version: planned.version.version, stage: 'production', reason }, context(modelName));
      if (plan.kind === 'refused') throw new RegistryError(plan.message);
      apply(modelName, plan.versions, plan.change);
      return { version: planned.version.version, stage: 'production' };
    },
    recordBatch(entry) {
      const id = formatVersionId(entry.modelName, entry.version);
      const updated = appendHistory(history.get(id) ?? [], entry);
      history.set(id, updated);
      return updated;
    },
    describe: () => ({
      format: 'ml-studio-registry', formatVersion: 1,
      models: [...versions].map(([name, list]) => ({
        name, production: findProduction(list)?.version ?? null,
        versions: list.map((v) => ({ version: v.version, stage: v.stage, runId: v.runId, ...facts.get(v.id)!, registeredAt: v.registeredAt })),
        changes: changes.filter((c) => c.modelName === name),
      })),
    }),
    describeHistory: () => ({
      format: 'ml-studio-monitor-history', formatVersion: 1,
      versions: [...versions.values()].flat().filter((v) => (history.get(v.id)?.length ?? 0) > 0).map((v) => ({ model: v.modelName, version: v.version, batches: history.get(v.id)! })),
    }),
  };
}

function findVersion(versions: ReadonlyMap<string, readonly ModelVersion[]>, modelName: string, version: number | null): ModelVersion {
  const list = versions.get(modelName) ?? [];
  const describeAll = () => [...versions].map(([name, vs]) => `"${name}" (${describeVersions(vs)})`).join(', ');
  if (list.length === 0) {
    throw new RegistryError(versions.size === 0
      ? `No model "${modelName}" is registered: the notebook file carries no model versions. Export the notebook from ML Studio with this Monitor cell picking a registered model (the export embeds its versions).`
      : `No model "${modelName}" is registered; the notebook file carries ${describeAll()}. Pick one of those in the Monitor cell.`);
  }
  const chosen = version === null ? findProduction(list) : list.find((v) => v.version === version);
  if (chosen) return chosen;
  throw new RegistryError(version === null
    ? `"${modelName}" has no version in production (${describeVersions(list)}); pin a version in the Monitor cell, or promote one and export the notebook again.`
    : `"${modelName}" has no v${version}; its versions: ${describeVersions(list)}. Pick one of those in the Monitor cell, or leave the version empty for the one in production.`);
}

function describeVersions(list: readonly ModelVersion[]): string {
  return list.map((v) => `v${v.version} ${v.stage}`).join(', ');
}
