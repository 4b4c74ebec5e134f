// The dataset content hash behind "this file is already stored": SHA-256 over the SHA-256 digests of the file's
// consecutive 8 MiB blocks, so several workers can digest a file's blocks and the importer combines them.
// Every import path computes it this way, so a file's hash does not depend on how (or in how many ranges) it was read.

import { readSlice } from './read-text';

/** Bytes per hashed block (the last block of a file may be shorter). */
export const HASH_BLOCK_BYTES = 8 * 1024 * 1024;

/** SHA-256 digest (32 bytes) of one block's bytes. */
export async function digestBlock(bytes: Uint8Array<ArrayBuffer>): Promise<Uint8Array<ArrayBuffer>> {
  return new Uint8Array(await crypto.subtle.digest('SHA-256', bytes));
}

/** ImportResult.contentHash (hex) from the digests of all of a file's blocks, in file order. */
export async function combineBlockDigests(digests: readonly Uint8Array[]): Promise<string> {
  const joined = new Uint8Array(digests.length * 32);
  digests.forEach((digest, b) => joined.set(digest, b * 32));
  const digest = await crypto.subtle.digest('SHA-256', joined);
  return Array.from(new Uint8Array(digest), (byte) => byte.toString(16).padStart(2, '0')).join('');
}

/** ImportResult.contentHash of `blob`, read one block at a time (the next read while the last is digested). */
export async function hashBlob(blob: Blob): Promise<string> {
  return combineBlockDigests(await digestFileBlocks(blob, 0, countHashBlocks(blob.size)));
}

/** Hash blocks in a file of `bytes` bytes. */
export function countHashBlocks(bytes: number): number {
  return Math.ceil(bytes / HASH_BLOCK_BYTES);
}

/** Digests of hash blocks [from, to) of `file`, in order. */
export async function digestFileBlocks(file: Blob, from: number, to: number): Promise<Uint8Array<ArrayBuffer>[]> {
  const digests: Promise<Uint8Array<ArrayBuffer>>[] = [];
  for (let b = from; b < to; b++) {
    const bytes = new Uint8Array(await readSlice(file, b * HASH_BLOCK_BYTES, (b + 1) * HASH_BLOCK_BYTES));
    const digest = digestBlock(bytes);
    digest.catch(() => undefined); // awaited below
    digests.push(digest);
  }
  return Promise.all(digests);
}
