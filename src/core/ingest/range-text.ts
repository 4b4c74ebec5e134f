// Reads one byte range of a large CSV as text, as a range worker parses it: a copy of the header line, then the
// range's bytes read in large pieces (8 MiB reads of a disk-backed File cost less per byte than 1 MiB ones) and
// decoded a chunk at a time. On the way it counts the range's line feeds and quotes: the importer derives line
// numbers from them and checks that no cut fell inside a quoted field.

import { CHUNK_BYTES, readSlice, type TextSource } from './read-text';

/** Bytes read from the file at once. */
const PIECE_BYTES = 8 * 1024 * 1024;

/** Bytes [start, end) of a file; `start` is 0 or the first byte of a row. */
export interface CsvByteRange {
  start: number;
  end: number;
}

/** A range opened as text; `counts` are complete once `source` has been read to its end. */
export interface RangeText {
  source: TextSource;
  /** LF and '"' bytes in [start, end), counted on the first read through. */
  counts: { lineFeeds: number; quotes: number };
}

/** Opens `range` of `file` (bytes [0, headerEnd) are its header line, parsed first by every range but the first). */
export function openRangeText(file: Blob, headerEnd: number, range: CsvByteRange): RangeText {
  const counts = { lineFeeds: 0, quotes: 0 };
  const headerBytes = range.start === 0 ? 0 : headerEnd;
  let readBefore = false;
  const source: TextSource = {
    encoding: 'utf-8',
    fellBack: false,
    bytesTotal: headerBytes + range.end - range.start,
    async *chunks(onBytes) {
      const firstRead = !readBefore; // a re-read (rare, see rereadTexts) must not count again
      readBefore = true;
      const decoder = new TextDecoder('utf-8');
      let header = headerBytes > 0 ? decoder.decode(new Uint8Array(await readSlice(file, 0, headerEnd)), { stream: true }) : '';
      let bytesRead = headerBytes;
      const readPiece = (from: number) => (from < range.end ? readSlice(file, from, Math.min(range.end, from + PIECE_BYTES)) : null);
      let next = readPiece(range.start);
      for (let from = range.start; from < range.end; from += PIECE_BYTES) {
        const piece = new Uint8Array(await next!);
        next = readPiece(from + PIECE_BYTES); // read while this piece is parsed
        next?.catch(() => undefined);
        for (let at = 0; at < piece.length; at += CHUNK_BYTES) {
          const bytes = piece.subarray(at, Math.min(piece.length, at + CHUNK_BYTES));
          bytesRead += bytes.length;
          const text = decoder.decode(bytes, { stream: bytesRead < source.bytesTotal });
          if (firstRead) countBreaksAndQuotes(text, counts);
          onBytes(bytesRead);
          yield header + text;
          header = '';
        }
      }
    },
  };
  return { source, counts };
}

/** Adds the '\n' and '"' characters of decoded text (one per LF and per 0x22 byte); String indexOf is ~5× faster than a byte loop. */
function countBreaksAndQuotes(text: string, counts: { lineFeeds: number; quotes: number }): void {
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) counts.lineFeeds++;
  for (let i = text.indexOf('"'); i !== -1; i = text.indexOf('"', i + 1)) counts.quotes++;
}
