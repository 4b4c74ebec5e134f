// Whether a file must be imported streamed: a CSV/TSV whose ordinary import would not fit the memory budget
// (the estimate checkImportBudget refuses), decided from its first chunk before anything else is read.

import { estimateImportBytes } from '../budget/estimate-import-bytes';
import { detectFormat } from './detect-format';
import { CHUNK_BYTES, readSlice } from './read-text';
import type { ImportOptions } from './types';

/** True when `file` is delimited text whose ordinary import is estimated above `budgetBytes` (other formats: false). */
export async function isOverImportBudget(file: Blob, fileName: string, options: ImportOptions, budgetBytes: number): Promise<boolean> {
  if (file.size === 0) return false;
  const first = new Uint8Array(await readSlice(file, 0, Math.min(file.size, CHUNK_BYTES)));
  const format = detectFormat(options.format, fileName, first);
  if (format !== 'csv' && format !== 'tsv') return false;
  return estimateImportBytes(format, file.size, first, options.delimiter).bytes > budgetBytes;
}
