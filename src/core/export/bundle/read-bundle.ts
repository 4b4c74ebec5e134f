// Reads a bundle zip back into the run it was made from, refusing anything that is not exactly what was exported:
// not a zip, no manifest, another format version, a listed file missing or changed (SHA-256).

import { unzipSync } from 'fflate';
import { ExportError } from '../../errors';
import type { TrainedRun } from '../../train/types';
import type { InputContract } from '../input-contract';
import { BUNDLE_FORMAT_VERSION, type BundleManifest } from './bundle-types';
import { computeSha256Hex } from './sha256';

const decoder = new TextDecoder();

/** The run, its contract and manifest of a bundle zip; an ExportError saying what is wrong otherwise. */
export function readBundle(zip: Uint8Array): { run: TrainedRun; contract: InputContract; manifest: BundleManifest } {
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(zip);
  } catch (error) {
    throw new ExportError(`This file is not a readable zip (${error instanceof Error ? error.message : String(error)}); export the bundle again.`);
  }
  const read = (path: string) => (Object.hasOwn(files, path) ? files[path] : undefined);
  const manifestBytes = read('manifest.json');
  if (manifestBytes === undefined) throw new ExportError('The zip has no manifest.json, so it is not an ML Studio bundle; choose the zip the Export cell made.');
  const manifest = parseJson<BundleManifest>(manifestBytes, 'manifest.json');
  if (typeof manifest !== 'object' || manifest === null || !Array.isArray(manifest.files)) throw new ExportError('manifest.json does not describe a bundle (no list of files); export the bundle again.');
  if (manifest.formatVersion !== BUNDLE_FORMAT_VERSION) {
    throw new ExportError(`The bundle's format version is ${String(manifest.formatVersion)}; this ML Studio reads version ${BUNDLE_FORMAT_VERSION}. Export it again with this version.`);
  }
  for (const file of manifest.files) {
    const bytes = read(file.path);
    if (bytes === undefined) throw new ExportError(`The bundle lists "${file.path}" but the zip does not hold it; the bundle is incomplete.`);
    const sha256 = computeSha256Hex(bytes);
    if (sha256 !== file.sha256) throw new ExportError(`"${file.path}" was changed after export: its SHA-256 is ${sha256}, the manifest says ${file.sha256}.`);
  }
  const need = (path: string) => {
    const bytes = manifest.files.some((f) => f.path === path) ? read(path) : undefined;
    if (bytes === undefined) throw new ExportError(`The bundle has no "${path}" in its manifest; it cannot be read back.`);
    return parseJson<unknown>(bytes, path);
  };
  const contract = need('schema.json') as InputContract;
  const run: TrainedRun = { ...manifest.run, curve: [], model: need('model.json') as TrainedRun['model'], pipeline: need('pipeline.json') as TrainedRun['pipeline'], inputContract: contract };
  return { run, contract, manifest };
}

function parseJson<T>(bytes: Uint8Array, path: string): T {
  try {
    return JSON.parse(decoder.decode(bytes)) as T;
  } catch (error) {
    throw new ExportError(`"${path}" in the bundle is not valid JSON (${error instanceof Error ? error.message : String(error)}).`);
  }
}
