// The version ladder of notebook files: find a document's version, then apply each step up to the current one
// (like storage/db.ts's `oldVersion` ladder). Version 0 is a notebook as IndexedDB stores it — no wrapper.

import { NotebookFormatError } from '../../errors';
import { NOTEBOOK_FILE_FORMAT, NOTEBOOK_FILE_VERSION } from './file-types';

type JsonObject = Record<string, unknown>;

/** UPGRADES[n] turns a version-n document into version n + 1; its length is NOTEBOOK_FILE_VERSION. */
export const UPGRADES: readonly ((parsed: JsonObject) => JsonObject)[] = [upgradeFromStoredNotebook];

/** The versions this build reads, oldest first. */
export const READABLE_VERSIONS: readonly number[] = Array.from({ length: NOTEBOOK_FILE_VERSION + 1 }, (_, version) => version);

/** The parsed file as a current-version file (its content unchecked); a file of no known version is a NotebookFormatError. */
export function upgradeNotebookFile(parsed: unknown): JsonObject {
  const version = detectFileVersion(parsed);
  let upgraded = parsed as JsonObject;
  for (let from = version; from < NOTEBOOK_FILE_VERSION; from++) upgraded = UPGRADES[from](upgraded);
  return upgraded;
}

/** 0 for a stored notebook (`cells` and no `format`), else the file's `formatVersion` when this build reads it. */
export function detectFileVersion(parsed: unknown): number {
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
    const found = Array.isArray(parsed) ? 'a list' : JSON.stringify(parsed);
    throw fail(`it holds ${found}, not a notebook (an object with "format": "${NOTEBOOK_FILE_FORMAT}")`);
  }
  const { format, formatVersion, cells } = parsed as JsonObject;
  if (format === undefined) {
    if (Array.isArray(cells)) return 0;
    throw fail(`it has no "format": "${NOTEBOOK_FILE_FORMAT}" field, so it is not an ML Studio notebook`);
  }
  if (format !== NOTEBOOK_FILE_FORMAT) throw fail(`format is ${JSON.stringify(format)}, not "${NOTEBOOK_FILE_FORMAT}", so it is not an ML Studio notebook`);
  if (typeof formatVersion !== 'number' || !Number.isInteger(formatVersion) || formatVersion < 1) {
    throw fail(`formatVersion must be a whole number of at least 1 (got ${JSON.stringify(formatVersion) ?? 'nothing'})`);
  }
  if (formatVersion > NOTEBOOK_FILE_VERSION) {
    throw fail(`formatVersion ${formatVersion} is newer than this build reads (versions ${READABLE_VERSIONS.join(', ')}); open it in a newer ML Studio`);
  }
  return formatVersion;
}

/** 0 → 1: the stored notebook `{ formatVersion, id, name, cells, createdAt, updatedAt }` wrapped; ids and times are the importing browser's business. */
function upgradeFromStoredNotebook(parsed: JsonObject): JsonObject {
  const cells = Array.isArray(parsed.cells) ? parsed.cells.map(keepCellFields) : parsed.cells;
  return { format: NOTEBOOK_FILE_FORMAT, formatVersion: 1, notebook: { name: parsed.name, cells }, datasets: [] };
}

function keepCellFields(cell: unknown): unknown {
  if (cell === null || typeof cell !== 'object') return cell;
  const { id, kind, title, spec } = cell as JsonObject;
  return { id, kind, ...(typeof title === 'string' && title !== '' ? { title } : {}), spec };
}

function fail(reason: string): NotebookFormatError {
  return new NotebookFormatError(`Cannot read this notebook file: ${reason}.`, [reason]);
}
