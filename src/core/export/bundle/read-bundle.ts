// Reads a bundle zip back into the run it was made from, refusing anything that is not exactly what was exported:
// not a zip, no manifest, another format version, a listed file missing or changed (SHA-256).

import { unzipWithinLimits, type ZipLimits } from '../../budget/unzip-within-limits';
import * as v from 'valibot';
import { ExportError } from '../../errors';
import { describeRule, formatIssue } from '../../notebook/file/format-issues';
import { trainedRun } from '../../notebook/file/model-schemas';
import type { TrainedRun } from '../../train/types';
import type { InputContract } from '../input-contract';
import { BUNDLE_FORMAT_VERSION, type BundleManifest } from './bundle-types';
import { computeSha256Hex } from './sha256';

const decoder = new TextDecoder();
const MIB = 1024 * 1024;

/**
 * What a bundle zip may hold: a bundle has about a dozen files, and its largest (model.json, model.onnx) stay far
 * under 512 MiB, the most text a JS string holds; more is a zip bomb or not a bundle.
 */
export const BUNDLE_ZIP_LIMITS: ZipLimits = { what: 'model bundle', retry: 'export the bundle again', maxEntries: 1000, maxEntryBytes: 512 * MIB, maxTotalBytes: 1024 * MIB };

/** The run, its contract and manifest of a bundle zip; an ExportError saying what is wrong otherwise. */
export function readBundle(zip: Uint8Array): { run: TrainedRun; contract: InputContract; manifest: BundleManifest } {
  const files = unzipWithinLimits(zip, BUNDLE_ZIP_LIMITS, (message) => new ExportError(message));
  const read = (path: string) => (Object.hasOwn(files, path) ? files[path] : undefined);
  const manifestBytes = read('manifest.json');
  if (manifestBytes === undefined) throw new ExportError('The zip has no manifest.json, so it is not an ML Studio bundle; choose the zip the Export cell made.');
  const manifest = parseJson<BundleManifest>(manifestBytes, 'manifest.json');
  if (typeof manifest !== 'object' || manifest === null || !Array.isArray(manifest.files)) throw new ExportError('manifest.json does not describe a bundle (no list of files); export the bundle again.');
  if (manifest.formatVersion !== BUNDLE_FORMAT_VERSION) {
    throw new ExportError(`The bundle's format version is ${String(manifest.formatVersion)}; this ML Studio reads version ${BUNDLE_FORMAT_VERSION}. Export it again with this version.`);
  }
  const badEntry = manifest.files.findIndex((file) => typeof file?.path !== 'string' || typeof file.sha256 !== 'string');
  if (badEntry >= 0) throw new ExportError(`manifest.json: files[${badEntry}] must be {"path": text, "sha256": text}; export the bundle again.`);
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
  const run = checkRun({ ...manifest.run, curve: [], model: need('model.json'), pipeline: need('pipeline.json'), inputContract: need('schema.json') });
  return { run, contract: run.inputContract as InputContract, manifest };
}

/** The run read back, checked against the schema of a run (model-schemas.ts): ExportError naming every problem's path. */
function checkRun(run: unknown): TrainedRun {
  const checked = v.safeParse(trainedRun, run, { message: describeRule });
  if (checked.success) return checked.output;
  const problems = checked.issues.map((issue) => formatIssue(issue, ['run']));
  const more = problems.length > 3 ? `; and ${problems.length - 3} more` : '';
  throw new ExportError(`This bundle's run is not one ML Studio exports: ${problems.slice(0, 3).join('; ')}${more}. Export the bundle again.`);
}

function parseJson<T>(bytes: Uint8Array, path: string): T {
  try {
    return JSON.parse(decoder.decode(bytes)) as T;
  } catch (error) {
    throw new ExportError(`"${path}" in the bundle is not valid JSON (${error instanceof Error ? error.message : String(error)}).`);
  }
}
