// A returned table's cell texts typed exactly as an import types them (numbers, categories, true/false, dates
// where every value is one, text; the import's missing tokens read as missing), with the content hash its CSV
// would get, so a run trained on it records which data it saw and Reproduce can find it.

import { writeCsv } from '../csv/write-csv';
import { combineBlockDigests, digestBlock, HASH_BLOCK_BYTES } from '../ingest/hash-blocks';
import { inferTable, type RawColumn } from '../ingest/infer-table';
import { DEFAULT_MISSING_TOKENS } from '../notebook/types';
import type { Table } from '../table/types';
import type { CodeOutcome } from './code-types';

/** The typed table of `columns` (each `rowCount` texts, null for missing) and its content hash. */
export async function inferReturnedTable(columns: readonly RawColumn[], rowCount: number): Promise<Extract<CodeOutcome, { kind: 'table' }>> {
  const tokens = new Set(DEFAULT_MISSING_TOKENS.map((token) => token.trim()));
  const { table, inference, warnings } = inferTable(columns, rowCount, tokens, null);
  return { kind: 'table', table, inference, warnings, contentHash: await hashTableCsv(table) };
}

/** The hash an import of the table's CSV (core/csv/write-csv.ts) would give: SHA-256 over its 8 MiB blocks' SHA-256s. */
export async function hashTableCsv(table: Table): Promise<string> {
  const bytes = new TextEncoder().encode(writeCsv(table));
  const digests: Uint8Array[] = [];
  for (let start = 0; start < bytes.length; start += HASH_BLOCK_BYTES) digests.push(await digestBlock(bytes.slice(start, start + HASH_BLOCK_BYTES)));
  return combineBlockDigests(digests);
}
