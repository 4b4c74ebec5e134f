// Reads a Blob as text in chunks: decides the encoding (UTF-16 when it looks so, else UTF-8, else windows-1252 when
// the first MB is not valid UTF-8), strips a byte-order mark (also a UTF-8 one before a windows-1252 body) and
// decodes characters split across chunk borders.

import { createAbortError, DataError } from '../errors';
import { decodeWindows1252 } from './decode-windows-1252';
import { detectUtf16, type Utf16Encoding } from './detect-utf16';
import type { ImportOptions } from './types';

/** Bytes read per chunk. */
export const CHUNK_BYTES = 1 << 20;

/** The encodings text is decoded from. */
export type TextEncoding = 'utf-8' | 'windows-1252' | Utf16Encoding;

export interface TextSource {
  encoding: TextEncoding;
  /** True when 'auto' fell back to windows-1252. */
  fellBack: boolean;
  /** Size of the source in bytes. */
  bytesTotal: number;
  /** Decoded text chunks; `onBytes` gets the bytes read so far after each. */
  chunks(onBytes: (bytesRead: number) => void): AsyncGenerator<string>;
}

/**
 * Opens `blob` as text; `first` is its first chunk of bytes, already read. UTF-16 (a byte-order mark, or the NUL
 * pattern of detectUtf16) is read as such whatever `encoding` says: its NUL bytes make it neither UTF-8 nor windows-1252.
 */
export function openText(blob: Blob, first: Uint8Array, encoding: ImportOptions['encoding'], signal?: AbortSignal): TextSource {
  const utf16 = detectUtf16(first);
  let chosen: TextEncoding = utf16 ?? (encoding === 'windows-1252' ? 'windows-1252' : 'utf-8');
  let fellBack = false;
  if (encoding === 'auto' && utf16 === null) {
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
      // TextDecoder keeps a character split across chunks (stream) and drops a UTF-8 or UTF-16 byte-order mark.
      const decoder = chosen === 'windows-1252' ? null : new TextDecoder(chosen);
      // The next slice is read while this one is parsed: a disk-backed File answers in milliseconds, not at once.
      let next: Promise<ArrayBuffer> | null = null;
      for (let start = 0; start < blob.size; start += CHUNK_BYTES) {
        if (signal?.aborted) throw createAbortError();
        const bytes = start === 0 ? first : new Uint8Array(await next!);
        if (signal?.aborted) throw createAbortError();
        const end = Math.min(blob.size, start + CHUNK_BYTES);
        next = end < blob.size ? readSlice(blob, end, end + CHUNK_BYTES) : null;
        next?.catch(() => undefined); // awaited on the next turn; a generator closed early must not leave it unhandled
        // Before a windows-1252 body a UTF-8 byte-order mark would read as "ï»¿".
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
