// `ml-studio export <run.json> --out <bundle.zip | dir>`: a run that `ml-studio run` wrote (runs/<id>.json) packaged
// as the deployable bundle — the same packaging as the Export cell, with the runtime scripts built here.

import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { unzipSync } from 'fflate';
import { packageRun } from '../core/export/package-run';
import type { TrainedRun } from '../core/train/types';
import { STUDIO_VERSION } from '../core/version';
import { buildExportRuntime } from '../export-runtime/build-runtime';

export interface ExportOptions {
  out: string;
  name?: string;
}

/** Exports the run in `file` as `options.out` (a .zip, else a folder of the bundle's files); resolves with the exit code. */
export async function exportCommand(file: string, options: ExportOptions, say: (line: string) => void): Promise<number> {
  let run: TrainedRun;
  try {
    run = readRunJson(await readFile(resolve(file), 'utf8'), file);
  } catch (error) {
    process.stderr.write(`ml-studio: ${error instanceof Error ? error.message : String(error)}\n`);
    return 2;
  }
  if (!run.inputContract) {
    process.stderr.write(`ml-studio: the run "${run.label}" in ${file} has no input contract (it was trained before ML Studio recorded the columns a run reads); run the notebook again with this version and export the new runs/<id>.json.\n`);
    return 1;
  }
  const name = options.name ?? run.label;
  let packaged: ReturnType<typeof packageRun>;
  try {
    packaged = packageRun(run, name, await buildExportRuntime(), STUDIO_VERSION, Date.now());
  } catch (error) {
    process.stderr.write(`ml-studio: ${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  }
  const out = resolve(options.out);
  if (out.toLowerCase().endsWith('.zip')) {
    await mkdir(dirname(out), { recursive: true });
    await writeFile(out, packaged.zip);
  } else {
    for (const [path, bytes] of Object.entries(unzipSync(packaged.zip))) {
      await mkdir(dirname(join(out, path)), { recursive: true });
      await writeFile(join(out, path), bytes);
    }
  }
  for (const note of packaged.notes) say(`ml-studio: note: ${note}`);
  say(`ml-studio: exported "${run.label}" (${run.family}) as ${options.out} — ${packaged.manifest.files.length + 1} files`);
  return 0;
}

/** The TrainedRun in a runs/<id>.json text; an Error naming the file when it is not one. */
function readRunJson(text: string, file: string): TrainedRun {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new Error(`${file} is not JSON (${(error as Error).message}); pass a runs/<id>.json that \`ml-studio run --out\` wrote.`);
  }
  const run = parsed as Partial<TrainedRun> | null;
  if (typeof run !== 'object' || run === null || typeof run.family !== 'string' || typeof run.model !== 'object' || typeof run.pipeline !== 'object') {
    throw new Error(`${file} is not a trained run (no family, model and pipeline); pass a runs/<id>.json that \`ml-studio run --out\` wrote.`);
  }
  return run as TrainedRun;
}
