// One bundle the service serves, read from its folder or straight from its zip (fflate, in memory; each file the
// manifest lists is checked against its SHA-256), with the version that tags its answers and log lines.

import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { unzipSync } from 'fflate';
import type { InputContract } from '../../core/export/input-contract';
import { computeLogSchemaHash, loadBundle, type BundleParts, type Predictor } from '../predict';
import { OptionsError } from './read-serve-options';

export interface ServedModel {
  /** Registry model@vN when the manifest carries a registry entry, else the run id ("unversioned" without a manifest). */
  version: string;
  predictor: Predictor;
  /** The input contract's hash (computeLogSchemaHash), written on every log line. */
  schemaHash: string;
  /** What GET /metadata answers: manifest, schema, metrics and model card (null when the bundle lacks the file). */
  metadata: { manifest: unknown; schema: InputContract; metrics: unknown; modelCard: string | null };
}

type ReadText = (name: string) => Promise<string | null>;

/** The bundle at `source` (a folder or a .zip); an OptionsError naming `flag` and the problem when it cannot be served. */
export async function loadServedModel(source: string, flag: '--model' | '--canary'): Promise<ServedModel> {
  const fail = (problem: string): never => {
    throw new OptionsError(`${flag} "${source}": ${problem}`);
  };
  const info = await stat(source).catch((error: NodeJS.ErrnoException) => fail(`cannot be read (${error.code ?? error.message}); give a bundle's folder or zip.`));
  const read = info.isDirectory() ? readFromFolder(source) : readFromZip(await readFile(source), fail);
  const json = async (name: string, required: boolean) => {
    const text = await read(name);
    if (text === null) return required ? fail(`has no ${name}; it is not a complete ML Studio bundle (export it again).`) : null;
    try {
      return JSON.parse(text) as unknown;
    } catch (error) {
      return fail(`${name} is not valid JSON (${(error as Error).message}); export the bundle again.`);
    }
  };
  const [pipeline, model, schema, manifest, metrics, modelCard] = await Promise.all([json('pipeline.json', true), json('model.json', true), json('schema.json', true), json('manifest.json', false), json('metrics.json', false), read('model-card.md')]);
  const predictor = await loadBundle({ pipeline, model, schema, manifest: manifest ?? undefined } as BundleParts).catch((error: Error) => fail(`cannot be loaded: ${error.message}`));
  return {
    version: readModelVersion(manifest),
    predictor,
    schemaHash: computeLogSchemaHash(predictor.schema),
    metadata: { manifest, schema: predictor.schema, metrics, modelCard },
  };
}

/** `model@vN` for a bundle registered in the studio's registry (manifest.registry), else the manifest's run id. */
export function readModelVersion(manifest: unknown): string {
  const m = (manifest ?? {}) as { name?: unknown; runId?: unknown; registry?: { model?: unknown; version?: unknown } };
  if (m.registry && (typeof m.registry.version === 'number' || typeof m.registry.version === 'string')) {
    return `${String(m.registry.model ?? m.name ?? 'model')}@v${m.registry.version}`;
  }
  return typeof m.runId === 'string' && m.runId !== '' ? m.runId : 'unversioned';
}

function readFromFolder(folder: string): ReadText {
  return (name) => readFile(join(folder, name), 'utf8').catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return null;
    throw error;
  });
}

/** The zip's files; a zip of the bundle's folder (one folder at the top) is read from inside that folder. */
function readFromZip(bytes: Uint8Array, fail: (problem: string) => never): ReadText {
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(bytes);
  } catch (error) {
    return fail(`is neither a folder nor a readable zip (${(error as Error).message}).`);
  }
  const manifestPath = Object.keys(files).filter((path) => /(^|\/)manifest\.json$/.test(path)).sort((a, b) => a.length - b.length)[0];
  const prefix = manifestPath === undefined ? '' : manifestPath.slice(0, -'manifest.json'.length);
  const decoder = new TextDecoder();
  if (manifestPath !== undefined) checkManifestHashes(files, prefix, decoder.decode(files[manifestPath]), fail);
  return async (name) => (Object.hasOwn(files, prefix + name) ? decoder.decode(files[prefix + name]) : null);
}

function checkManifestHashes(files: Record<string, Uint8Array>, prefix: string, manifestText: string, fail: (problem: string) => never): void {
  let listed: { path: string; sha256: string }[] = [];
  try {
    listed = (JSON.parse(manifestText) as { files?: { path: string; sha256: string }[] }).files ?? [];
  } catch {
    fail('manifest.json is not valid JSON; export the bundle again.');
  }
  for (const file of listed) {
    const bytes = files[prefix + file.path];
    if (bytes === undefined) continue; // a file the service does not read may have been left out on purpose
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    if (sha256 !== file.sha256) fail(`"${file.path}" was changed after export (SHA-256 ${sha256.slice(0, 12)}…, the manifest says ${file.sha256.slice(0, 12)}…); export the bundle again.`);
  }
}
