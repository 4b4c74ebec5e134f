// Picks how to read a file: the user's choice, else a prediction log's first record or a zip, else its extension,
// else a look at its first bytes.

import { isPredictionLogHead } from './import-prediction-log';
import type { ImportFormat, ImportOptions } from './types';

const EXTENSIONS: Record<string, ImportFormat> = {
  csv: 'csv', txt: 'csv', tsv: 'tsv', tab: 'tsv', json: 'json', parquet: 'parquet', pq: 'parquet',
  jsonl: 'prediction-log', ndjson: 'prediction-log', zip: 'prediction-log',
};

/** The format to read `fileName` as, given its first bytes `head`. */
export function detectFormat(option: ImportOptions['format'], fileName: string, head: Uint8Array): ImportFormat {
  if (option !== 'auto') return option;
  if (isPredictionLogHead(head)) return 'prediction-log';
  const dot = fileName.lastIndexOf('.');
  const byName = dot === -1 ? undefined : EXTENSIONS[fileName.slice(dot + 1).toLowerCase()];
  if (byName !== undefined && Object.hasOwn(EXTENSIONS, fileName.slice(dot + 1).toLowerCase())) return byName;
  if (head[0] === 0x50 && head[1] === 0x41 && head[2] === 0x52 && head[3] === 0x31) return 'parquet'; // "PAR1"
  // Past whitespace, byte-order marks (UTF-8 EF BB BF, UTF-16 FF FE / FE FF) and UTF-16's NUL high bytes.
  for (const b of head) {
    if (b === 0x20 || b === 0x09 || b === 0x0a || b === 0x0d || b === 0xef || b === 0xbb || b === 0xbf || b === 0xff || b === 0xfe || b === 0) continue;
    return b === 0x5b || b === 0x7b ? 'json' : 'csv'; // "[" or "{"
  }
  return 'csv';
}
