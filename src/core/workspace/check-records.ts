// What makes a workspace's records storable and consistent: each kind's key fields have the right type, keys are
// unique within the file, and registry records name models and runs the file holds. Checked before anything is written.

import { NotebookFormatError, StudioError } from '../errors';
import { checkNotebookFile } from '../notebook/file/read-notebook-file';
import { WORKSPACE_FILES, WORKSPACE_KINDS, type WorkspaceContents, type WorkspaceKind, type WorkspaceRecord } from './workspace-format';

type FieldRule = 'text' | 'count' | 'list' | 'object' | 'number';

/** The fields every record of a kind must have, and how each record's key reads (for duplicates and messages). */
const RULES: { readonly [K in WorkspaceKind]: { fields: Readonly<Record<string, FieldRule>>; key: (r: WorkspaceRecord) => string } } = {
  datasets: { fields: { id: 'text', name: 'text', rowCount: 'count', columns: 'list', storedBytes: 'number' }, key: (r) => String(r.id) },
  notebooks: { fields: { id: 'text', name: 'text', cells: 'list', updatedAt: 'number' }, key: (r) => String(r.id) },
  cellOutputs: { fields: { notebookId: 'text', cellId: 'text' }, key: (r) => `${String(r.notebookId)} / ${String(r.cellId)}` },
  runs: { fields: { id: 'text', notebookId: 'text', cellId: 'text', run: 'object' }, key: (r) => String(r.id) },
  runFits: { fields: { id: 'text', notebookId: 'text' }, key: (r) => String(r.id) },
  models: { fields: { name: 'text' }, key: (r) => String(r.name) },
  modelVersions: { fields: { id: 'text', modelName: 'text', version: 'count', runId: 'text', notebookId: 'text' }, key: (r) => String(r.id) },
  registryLog: { fields: { id: 'text', modelName: 'text', sequence: 'count' }, key: (r) => String(r.id) },
};

/** Throws a StorageError naming the file, the record and the field of the first problem found. */
export function checkWorkspaceRecords(contents: WorkspaceContents): void {
  for (const kind of WORKSPACE_KINDS) {
    const seen = new Set<string>();
    contents[kind].forEach((record, index) => {
      const where = `${WORKSPACE_FILES[kind]}, record ${index + 1} of ${contents[kind].length}`;
      if (typeof record !== 'object' || record === null || Array.isArray(record)) throw damaged(`${where} is not an object`);
      for (const [field, rule] of Object.entries(RULES[kind].fields)) {
        if (!follows(record[field], rule)) throw damaged(`${where}: "${field}" must be ${describeRule(rule)} (got ${JSON.stringify(record[field]) ?? 'nothing'})`);
      }
      const key = RULES[kind].key(record);
      if (seen.has(key)) throw damaged(`${where}: the key "${key}" appears twice`);
      seen.add(key);
    });
  }
  checkRegistryKeys(contents);
  contents.notebooks.forEach(checkNotebook);
}

/** A stored notebook read as a version-0 notebook file: its cells' kinds and specs against the notebook file's schema. */
function checkNotebook(notebook: WorkspaceRecord, index: number): void {
  try {
    checkNotebookFile(notebook);
  } catch (error) {
    if (!(error instanceof NotebookFormatError)) throw error;
    const shown = error.problems.slice(0, 3).join('; ');
    const more = error.problems.length > 3 ? `; and ${error.problems.length - 3} more` : '';
    throw damaged(`${WORKSPACE_FILES.notebooks}, record ${index + 1} ("${String(notebook.name).slice(0, 60)}"): ${shown}${more}`);
  }
}

function checkRegistryKeys(contents: WorkspaceContents): void {
  const models = new Set(contents.models.map((m) => m.name));
  const runs = new Set(contents.runs.map((r) => r.id));
  const fits = new Set(contents.runFits.map((r) => r.id));
  contents.modelVersions.forEach((v, index) => {
    const where = `${WORKSPACE_FILES.modelVersions}, record ${index + 1}`;
    if (v.id !== `${String(v.modelName)}@${String(v.version)}`) throw damaged(`${where}: the id "${String(v.id)}" is not "${String(v.modelName)}@${String(v.version)}"`);
    if (!models.has(v.modelName)) throw damaged(`${where}: its model "${String(v.modelName)}" is not in ${WORKSPACE_FILES.models}`);
    if (!runs.has(v.runId) || !fits.has(v.runId)) throw damaged(`${where}: ${String(v.modelName)} v${String(v.version)} is the run "${String(v.runId)}", which ${WORKSPACE_FILES.runs} and ${WORKSPACE_FILES.runFits} do not both hold`);
  });
  contents.registryLog.forEach((change, index) => {
    const where = `${WORKSPACE_FILES.registryLog}, record ${index + 1}`;
    if (change.id !== `${String(change.modelName)}#${String(change.sequence)}`) throw damaged(`${where}: the id "${String(change.id)}" is not "${String(change.modelName)}#${String(change.sequence)}"`);
    if (!models.has(change.modelName)) throw damaged(`${where}: its model "${String(change.modelName)}" is not in ${WORKSPACE_FILES.models}`);
  });
}

function follows(value: unknown, rule: FieldRule): boolean {
  switch (rule) {
    case 'text': return typeof value === 'string' && value !== '';
    case 'count': return Number.isInteger(value) && (value as number) >= 0;
    case 'list': return Array.isArray(value);
    case 'object': return typeof value === 'object' && value !== null;
    case 'number': return typeof value === 'number';
  }
}

function describeRule(rule: FieldRule): string {
  return { text: 'non-empty text', count: 'a whole number ≥ 0', list: 'a list', object: 'an object', number: 'a number' }[rule];
}

function damaged(what: string): StudioError {
  return new StudioError('StorageError', `The workspace file is damaged: ${what}. Nothing was imported; export the workspace again.`);
}
