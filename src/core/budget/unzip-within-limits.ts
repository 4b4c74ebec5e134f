// Unzips a user's zip (a model bundle, a workspace) within stated caps, before anything is inflated: the number of
// entries, the declared size of each and of all, and entry names that are plain relative paths. fflate inflates an
// entry into a buffer of its declared size (and stops there), so declared sizes bound the memory a zip bomb can take.

import { unzipSync } from 'fflate';
import { formatBytes } from './memory-budget';

/** The caps one kind of zip is read under. */
export interface ZipLimits {
  /** What the zip is, for messages: "model bundle", "workspace file". */
  readonly what: string;
  /** What to do instead, ending the messages: "export the bundle again". */
  readonly retry: string;
  readonly maxEntries: number;
  /** Most bytes any one entry may inflate to. */
  readonly maxEntryBytes: number;
  /** Most bytes all entries together may inflate to. */
  readonly maxTotalBytes: number;
}

/**
 * The files of `zip` by name, or the error `fail` makes (the caller's named error) from a sentence saying what was
 * refused and what to do: more entries than the cap, an entry or all of them declaring more bytes than theirs (a zip
 * bomb), a name that is not a plain relative path (describeUnsafeName); a damaged zip is `fail`ed too. The central
 * directory is read first, inflating nothing, so a refused zip costs no memory. Only entries `keep` accepts (by name)
 * are checked and inflated; the others are left out.
 */
export function unzipWithinLimits(zip: Uint8Array, limits: ZipLimits, fail: (message: string) => Error, keep: (name: string) => boolean = () => true): Record<string, Uint8Array> {
  let entries = 0;
  let totalBytes = 0;
  let refusal: string | null = null;
  const look = (file: { name: string; originalSize: number }): boolean => {
    if (!keep(file.name)) return false;
    const unsafe = describeUnsafeName(file.name);
    totalBytes += file.originalSize;
    if (++entries > limits.maxEntries) refusal = `it holds more than ${limits.maxEntries.toLocaleString('en-US')} entries`;
    else if (unsafe !== null) refusal = `its entry ${quoteName(file.name)} ${unsafe}`;
    else if (file.originalSize > limits.maxEntryBytes) refusal = `its entry ${quoteName(file.name)} would inflate to ${formatBytes(file.originalSize)}, more than the ${formatBytes(limits.maxEntryBytes)} one entry may`;
    else if (totalBytes > limits.maxTotalBytes) refusal = `its entries would inflate to more than ${formatBytes(limits.maxTotalBytes)} in all`;
    if (refusal !== null) throw new RefusedZip();
    return false; // looked at, not inflated
  };
  try {
    unzipSync(zip, { filter: look });
    // fflate inflates an entry into a buffer of its declared size and stops there: the sizes checked above bound this.
    return unzipSync(zip, { filter: (file) => keep(file.name) });
  } catch (error) {
    if (refusal !== null) throw fail(`This ${limits.what} was refused: ${refusal}, which one ML Studio made never does; ${limits.retry}.`);
    throw fail(`This file is not a readable zip (${error instanceof Error ? error.message : String(error)}); ${limits.retry}.`);
  }
}

/** Thrown inside fflate's filter to stop reading at a refusal. */
class RefusedZip extends Error {}

/** Why `name` is not a plain relative path inside the zip, or null when it is one. */
export function describeUnsafeName(name: string): string | null {
  if (name === '__proto__') return 'is named "__proto__"';
  if (name.includes('\0')) return 'has a NUL character in its name';
  if (name.includes('\\')) return 'has a backslash in its path (zip paths use "/")';
  if (name.startsWith('/')) return 'has an absolute path';
  if (/^[A-Za-z]:/.test(name)) return 'starts with a drive letter';
  if (name.split('/').includes('..')) return 'climbs out of the folder with ".."';
  return null;
}

function quoteName(name: string): string {
  return JSON.stringify(name.length > 60 ? `${name.slice(0, 59)}…` : name);
}
