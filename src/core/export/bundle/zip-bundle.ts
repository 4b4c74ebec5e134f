// The bundle as one zip (fflate, deflate level 6): in one call, or in slices so the page can write a large bundle
// to disk without holding the whole zip. Entries get the export time as their date, so a bundle zips the same twice.

import { Zip, ZipDeflate, zipSync, type Zippable } from 'fflate';

/** Every file of `files` (path → bytes) in one zip; `mtimeMs` is each entry's date (default 1980-01-01). */
export function zipBundle(files: ReadonlyMap<string, Uint8Array>, mtimeMs = Date.UTC(1980, 0, 1)): Uint8Array {
  const entries: Zippable = {};
  for (const [path, bytes] of files) entries[path] = bytes;
  return zipSync(entries, { level: 6, mtime: mtimeMs });
}

/** The same zip as zipBundle, handed to `onChunk` slice by slice (`final` on the last); synchronous. */
export function zipBundleInChunks(files: ReadonlyMap<string, Uint8Array>, onChunk: (chunk: Uint8Array, final: boolean) => void, mtimeMs = Date.UTC(1980, 0, 1)): void {
  let failure: Error | null = null;
  const zip = new Zip((error, chunk, final) => {
    if (error) failure = error;
    else onChunk(chunk, final);
  });
  for (const [path, bytes] of files) {
    const entry = new ZipDeflate(path, { level: 6 });
    entry.mtime = mtimeMs;
    zip.add(entry);
    entry.push(bytes, true);
  }
  zip.end();
  if (failure) throw failure;
}
