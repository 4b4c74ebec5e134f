// Gives an imported workspace's records new ids where this browser holds other records under the same ones, and
// rewrites every reference to them: a dataset's chunks and the Data/Predict cells naming it, a notebook's outputs,
// runs, fits and model versions, a run's fit, summary, cell specs, Train outputs and model versions, and a model's
// versions and registry changes (a model's id is its name: it gets a new name). Pure: storage/workspace.ts decides
// what conflicts and draws the new ids.

import { MODEL_NAME_MAX_CHARS } from '../registry/stage-rules';
import type { WorkspaceKind, WorkspaceRecord } from './workspace-format';

/** Old id → new id per kind of referenced record; `models` maps an old model name to the new one. */
export interface IdRemap {
  readonly datasets: ReadonlyMap<string, string>;
  readonly notebooks: ReadonlyMap<string, string>;
  readonly runs: ReadonlyMap<string, string>;
  readonly models: ReadonlyMap<string, string>;
}

export type RemapKind = WorkspaceKind | 'datasetChunks';

/** The id of the record a record belongs to, and the kind of that id: what remapping it follows. */
export function findOwner(kind: RemapKind, record: WorkspaceRecord): { kind: keyof IdRemap; id: string } | null {
  switch (kind) {
    case 'datasets': return { kind: 'datasets', id: String(record.id) };
    case 'datasetChunks': return { kind: 'datasets', id: String(record.datasetId) };
    case 'notebooks': return { kind: 'notebooks', id: String(record.id) };
    case 'runs':
    case 'runFits': return { kind: 'runs', id: String(record.id) };
    case 'models': return { kind: 'models', id: String(record.name) };
    case 'modelVersions':
    case 'registryLog': return { kind: 'models', id: String(record.modelName) };
    case 'cellOutputs': return null;
  }
}

/** `record` with every remapped id it holds or refers to replaced; the same object when nothing changes. */
export function remapRecord(kind: RemapKind, record: WorkspaceRecord, remap: IdRemap): WorkspaceRecord {
  const map = (ids: ReadonlyMap<string, string>, id: unknown) => (typeof id === 'string' ? (ids.get(id) ?? id) : id);
  switch (kind) {
    case 'datasets': return patch(record, { id: map(remap.datasets, record.id) });
    case 'datasetChunks': return patch(record, { datasetId: map(remap.datasets, record.datasetId) });
    case 'notebooks': {
      const cells = Array.isArray(record.cells) ? record.cells.map((cell: unknown) => remapCell(cell, remap)) : record.cells;
      const sameCells = Array.isArray(record.cells) && (cells as unknown[]).every((cell, i) => cell === (record.cells as unknown[])[i]);
      return patch(record, { id: map(remap.notebooks, record.id), cells: sameCells ? record.cells : cells });
    }
    case 'cellOutputs': {
      const notebookId = map(remap.notebooks, record.notebookId);
      return patch(record, { notebookId, output: replaceIdsDeep(record.output, createIdReplacer(remap)) });
    }
    case 'runs': {
      const run = record.run as WorkspaceRecord | null;
      const summary = typeof run === 'object' && run !== null ? patch(run, { id: map(remap.runs, run.id) }) : run;
      return patch(record, { id: map(remap.runs, record.id), notebookId: map(remap.notebooks, record.notebookId), run: summary });
    }
    case 'runFits': return patch(record, { id: map(remap.runs, record.id), notebookId: map(remap.notebooks, record.notebookId) });
    case 'models': return patch(record, { name: map(remap.models, record.name) });
    case 'modelVersions': {
      const modelName = map(remap.models, record.modelName);
      const id = modelName === record.modelName ? record.id : `${String(modelName)}@${String(record.version)}`;
      return patch(record, { id, modelName, runId: map(remap.runs, record.runId), notebookId: map(remap.notebooks, record.notebookId) });
    }
    case 'registryLog': {
      const modelName = map(remap.models, record.modelName);
      const id = modelName === record.modelName ? record.id : `${String(modelName)}#${String(record.sequence)}`;
      return patch(record, { id, modelName });
    }
  }
}

/** The name a model gets when this browser holds another model under its name: "<name> imported", then "… imported 2"… */
export function nameImportedModel(name: string, isTaken: (candidate: string) => boolean): string {
  // Not "(imported)": a model name is letters, digits, spaces, ".", "-" and "_" only (stage-rules.ts checkModelName).
  for (let n = 1; ; n++) {
    const suffix = n === 1 ? ' imported' : ` imported ${n}`;
    const candidate = `${name.slice(0, MODEL_NAME_MAX_CHARS - suffix.length).trimEnd()}${suffix}`;
    if (!isTaken(candidate)) return candidate;
  }
}

/** A cell whose spec names a remapped dataset (Data, Predict file) or run (Evaluate, Explain, Predict, Export, Compare). */
function remapCell(cell: unknown, remap: IdRemap): unknown {
  if (typeof cell !== 'object' || cell === null) return cell;
  const spec = (cell as WorkspaceRecord).spec;
  if (typeof spec !== 'object' || spec === null) return cell;
  const s = spec as WorkspaceRecord;
  const runOf = (id: unknown) => (typeof id === 'string' ? (remap.runs.get(id) ?? id) : id);
  const file = s.file as WorkspaceRecord | null | undefined;
  const changes: Record<string, unknown> = {};
  if ('datasetId' in s) changes.datasetId = typeof s.datasetId === 'string' ? (remap.datasets.get(s.datasetId) ?? s.datasetId) : s.datasetId;
  if (typeof file === 'object' && file !== null && typeof file.datasetId === 'string') changes.file = patch(file, { datasetId: remap.datasets.get(file.datasetId) ?? file.datasetId });
  for (const field of ['runId', 'runA', 'runB']) if (field in s) changes[field] = runOf(s[field]);
  const newSpec = patch(s, changes);
  return newSpec === s ? cell : { ...(cell as object), spec: newSpec };
}

/** `record` with `changes` applied, or `record` itself when every change keeps the value it has. */
function patch(record: WorkspaceRecord, changes: Record<string, unknown>): WorkspaceRecord {
  const changed = Object.entries(changes).some(([field, value]) => value !== record[field]);
  return changed ? { ...record, ...changes } : record;
}

/**
 * Replaces every remapped dataset, notebook and run id inside the strings of a cell output (a Train output's runs,
 * an Evaluate output's run, input keys such as "…|run=<id>|…"). Ids are random (32 hex digits or a UUID), so a
 * substring match is theirs. Null when nothing is remapped.
 */
function createIdReplacer(remap: IdRemap): ((text: string) => string) | null {
  const all = new Map([...remap.datasets, ...remap.notebooks, ...remap.runs]);
  if (all.size === 0) return null;
  const escaped = [...all.keys()].sort((a, b) => b.length - a.length).map((id) => id.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  const pattern = new RegExp(escaped.join('|'), 'g');
  return (text) => text.replace(pattern, (id) => all.get(id)!);
}

/** `value` with `replace` applied to every string in plain objects, arrays, Maps and Sets; other objects (Blobs, typed arrays) kept as they are. */
function replaceIdsDeep(value: unknown, replace: ((text: string) => string) | null): unknown {
  if (replace === null) return value;
  if (typeof value === 'string') return replace(value);
  if (typeof value !== 'object' || value === null) return value;
  const again = (item: unknown) => replaceIdsDeep(item, replace);
  if (Array.isArray(value)) {
    const items = value.map(again);
    return items.every((item, i) => item === value[i]) ? value : items;
  }
  if (value instanceof Map) {
    const before = [...value];
    const after = before.map(([k, v]) => [again(k), again(v)] as const);
    return after.every(([k, v], i) => k === before[i][0] && v === before[i][1]) ? value : new Map(after);
  }
  if (value instanceof Set) {
    const before = [...value];
    const after = before.map(again);
    return after.every((item, i) => item === before[i]) ? value : new Set(after);
  }
  if (Object.getPrototypeOf(value) !== Object.prototype && Object.getPrototypeOf(value) !== null) return value;
  const entries = Object.entries(value).map(([k, v]) => [k, again(v)] as const);
  return entries.every(([k, v]) => v === (value as Record<string, unknown>)[k]) ? value : Object.fromEntries(entries);
}
