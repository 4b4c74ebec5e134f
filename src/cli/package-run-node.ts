// An Export cell's bundle in a headless run: the runtime scripts built from core here (as the page's build does),
// then the same packaging as in the browser.

import type { ExportedBundle } from '../core/notebook/runtime/compute-port';
import type { TrainedRun } from '../core/train/types';
import { STUDIO_VERSION } from '../core/version';
import { packageRun } from '../core/export/package-run';

/** `run` packaged as a bundle named `name`, the zip as a Blob. */
export async function packageRunAsZip(run: TrainedRun, name: string): Promise<ExportedBundle> {
  const { buildExportRuntime } = await import('../export-runtime/build-runtime');
  const packaged = packageRun(run, name, await buildExportRuntime(), STUDIO_VERSION, Date.now());
  return { zip: new Blob([packaged.zip as Uint8Array<ArrayBuffer>], { type: 'application/zip' }), manifest: packaged.manifest, notes: packaged.notes };
}
