// The champion's own data in a headless run: the dataset its run recorded (provenance), found by name — a
// `--data NAME=path`, else the bundled sample of that name, else the notebook file's embedded dataset of that name —
// checked against the recorded content hash, its columns read as the run's Data cell read them (planReproduction),
// and split again by the recorded request, so its training and validation rows are the ones it had.

import { openAsBlob } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { DataError } from '../core/errors';
import { importFile } from '../core/ingest/import-file';
import type { ImportOptions } from '../core/ingest/types';
import { EMBEDDED_CSV_OPTIONS } from '../core/notebook/file';
import { DEFAULT_IMPORT_OPTIONS } from '../core/notebook/types';
import { runSplit } from '../core/split/run-split';
import { applyColumnOverrides } from '../core/table/apply-column-overrides';
import type { RowIndices, Table } from '../core/table/types';
import { planReproduction } from '../core/train/plan-reproduction';
import type { TrainedRun } from '../core/train/types';

/** Where a headless run may find a dataset a registered version was trained on. */
export interface TrainingDataSources {
  /** `--data NAME=path` of the command line, by dataset name. */
  readonly given: ReadonlyMap<string, string>;
  /** public/samples (with its index.json); null: no bundled samples. */
  readonly samplesDir: string | null;
  /** Datasets the notebook file embeds, each with the content hash of the file it stands for (its Data cell's binding). */
  readonly embedded: ReadonlyMap<string, { readonly text: string; readonly fileName: string; readonly contentHash: string }>;
  /** The import options of the notebook's Data cell of a dataset name (else the defaults). */
  readonly importOptions: ReadonlyMap<string, ImportOptions>;
}

/** The run's table as it trained with its training and validation rows, or a sentence saying why it is not at hand. */
export type TrainingRows = { readonly table: Table; readonly train: RowIndices; readonly validation: RowIndices } | { readonly missing: string };

/** Opens `run`'s recorded dataset; a `--data` file with another content hash is a DataError naming both. */
export async function openTrainingRows(run: TrainedRun, sources: TrainingDataSources, signal?: AbortSignal): Promise<TrainingRows> {
  const provenance = run.provenance;
  if (!provenance) return { missing: `"${run.label}" was trained before runs recorded their data, so its training rows cannot be found.` };
  const { name, contentHash } = provenance.dataset;
  const found = await findDataset(run, sources, signal);
  if (!found) {
    return { missing: `The data "${run.label}" was trained on (dataset "${name}", content hash ${contentHash.slice(0, 12)}…) is not at hand: pass --data ${quoteName(name)}=path/to/that file.` };
  }
  const plan = planReproduction(run, [{ id: 0, columns: found.columns.map((c) => ({ name: c.name, kind: c.kind })) }]);
  if (plan.kind === 'blocked') return { missing: `The data "${run.label}" was trained on (dataset "${name}") does not fit its record: ${plan.problems.join(' ')}` };
  const { table } = applyColumnOverrides(found, plan.overrides);
  const split = runSplit(table, provenance.split.request);
  return { table, train: split.train, validation: split.validation };
}

async function findDataset(run: TrainedRun, sources: TrainingDataSources, signal?: AbortSignal): Promise<Table | null> {
  const { name, contentHash } = run.provenance!.dataset;
  const options = sources.importOptions.get(name) ?? DEFAULT_IMPORT_OPTIONS;
  const given = sources.given.get(name);
  if (given !== undefined) {
    const result = await importFile(await openFile(given, name), basename(given), options, undefined, signal);
    if (result.contentHash !== contentHash) {
      throw new DataError(`--data ${quoteName(name)}=${given}: the file's content hash is ${result.contentHash.slice(0, 12)}…, but "${run.label}" was trained on dataset "${name}" with content hash ${contentHash.slice(0, 12)}…; pass the file it was trained on.`);
    }
    return result.table;
  }
  for (const path of await findSamples(sources.samplesDir, name)) {
    const result = await importFile(await openFile(path, name), basename(path), options, undefined, signal);
    if (result.contentHash === contentHash) return result.table;
  }
  const embedded = sources.embedded.get(name);
  if (embedded && embedded.contentHash === contentHash) return (await importFile(new Blob([embedded.text]), embedded.fileName, EMBEDDED_CSV_OPTIONS, undefined, signal)).table;
  return null;
}

/** The bundled samples whose id, name or file name (without extension) is `name`. */
async function findSamples(samplesDir: string | null, name: string): Promise<string[]> {
  if (samplesDir === null) return [];
  let index: unknown;
  try {
    index = JSON.parse(await readFile(join(samplesDir, 'index.json'), 'utf8'));
  } catch {
    return []; // no samples here: the other sources remain
  }
  const samples = (index as { samples?: unknown } | null)?.samples;
  if (!Array.isArray(samples)) return [];
  return samples
    .filter((s): s is { id: string; name: string; file: string } => typeof s?.file === 'string')
    .filter((s) => [s.id, s.name, s.file.replace(/\.[^.]+$/, '')].includes(name))
    .map((s) => join(samplesDir, s.file));
}

async function openFile(path: string, name: string): Promise<Blob> {
  try {
    return await openAsBlob(path);
  } catch (error) {
    throw new DataError(`Cannot read "${path}" for the dataset "${name}": ${error instanceof Error ? error.message : String(error)}.`);
  }
}

/** NAME as a shell argument: quoted when it holds a space or a quote. */
function quoteName(name: string): string {
  return /^[\w.-]+$/.test(name) ? name : JSON.stringify(name);
}
