// Several .jsonl files chosen or dropped together are one prediction log: zipped (in name order, stored) into one
// file the importer reads as it reads a zip of the log, so each file keeps its name in the import's warnings.

import { zipLogFiles } from '../../../core/ingest/import-prediction-log';

/** True when `files` are several prediction-log files (.jsonl or .ndjson) to import as one. */
export function isLogFileSet(files: readonly { name: string }[]): boolean {
  return files.length > 1 && files.every((file) => /\.(jsonl|ndjson)$/i.test(file.name));
}

/** One zip File of `files`, named after the first in name order: "predictions-…-00001 + 2 more.zip". */
export async function combineLogFiles(files: readonly File[]): Promise<File> {
  const entries = await Promise.all(files.map(async (file) => ({ name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) })));
  const first = [...files].map((file) => file.name).sort()[0];
  return new File([zipLogFiles(entries) as BlobPart], `${first.replace(/\.[^.]+$/, '')} + ${files.length - 1} more.zip`, { type: 'application/zip' });
}
