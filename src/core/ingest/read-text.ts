// Reads a Blob as text in chunks: decides the encoding (UTF-8, else windows-1252 when the first MB is not
// valid UTF-8), strips a UTF-8 byte-order mark (also before a windows-1252 body) and decodes characters split
// across chunk borders.

import { createAbortError, DataError } from '../errors';
import { decodeWindows1252 } from './decode-windows-1252';
import type { ImportOptions } from './types';

/** Bytes read per chunk. */
export const CHUNK_BYTES = 1 << 20;

export interface TextSource {
  encoding: 'utf-8' | 'windows-1252';
  /** True when 'auto' fell back to windows-1252. */
  fellBack: boolean;
  /** Size of the source in bytes. */
  bytesTotal: number;
  /** Decoded text chunks; `onBytes` gets the bytes read so far after each. */
  chunks(onBytes: (bytesRead: number) => void): AsyncGenerator<string>;
}

/** Opens `blob` as text; `first` is its first chunk of bytes, already read. */
export function openText(blob: Blob, first: Uint8Array, encoding: ImportOptions['encoding'], signal?: AbortSignal): TextSource {
  let chosen: 'utf-8' | 'windows-1252' = encoding === 'windows-1252' ? 'windows-1252' : 'utf-8';
  let fellBack = false;
  if (encoding === 'auto') {
    try {
      new TextDecoder('utf-8', { fatal: true }).decode(first, { stream: true });
    } catch {
      chosen = 'windows-1252';
      fellBack = true;
    }
  }
  return {
    encoding: chosen,
    fellBack,
    bytesTotal: blob.size,
    async *chunks(onBytes) {
      const decoder = chosen === 'utf-8' ? new TextDecoder('utf-8') : null;
      // The next slice is read while this one is parsed: a disk-backed File answers in milliseconds, not at once.
      let next: Promise<ArrayBuffer> | null = null;
      for (let start = 0; start < blob.size; start += CHUNK_BYTES) {
        if (signal?.aborted) throw createAbortError();
        const bytes = start === 0 ? first : new Uint8Array(await next!);
        if (signal?.aborted) throw createAbortError();
        const end = Math.min(blob.size, start + CHUNK_BYTES);
        next = end < blob.size ? readSlice(blob, end, end + CHUNK_BYTES) : null;
        next?.catch(() => undefined); // awaited on the next turn; a generator closed early must not leave it unhandled
        // TextDecoder drops a UTF-8 byte-order mark; before a windows-1252 body it would read as "ï»¿".
        const body = decoder === null && start === 0 && hasUtf8Bom(bytes) ? bytes.subarray(3) : bytes;
        const text = decoder === null ? decodeWindows1252(body) : decoder.decode(body, { stream: end < blob.size });
        onBytes(end);
        yield text;
      }
    },
  };
}

function hasUtf8Bom(bytes: Uint8Array): boolean {
  return bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
}

/** Reads bytes [start, end) of `blob`. */
export async function readSlice(blob: Blob, start: number, end: number): Promise<ArrayBuffer> {
  try {
    return await blob.slice(start, end).arrayBuffer();
  } catch (error) {
    throw new DataError(`The file could not be read (${(error as Error).message}). Check that it still exists and try again.`);
  }
}
