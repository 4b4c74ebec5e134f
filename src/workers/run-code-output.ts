// Stores a Code cell's returned table as a dataset of this browser, so every worker reads it by id as it reads a
// Data cell's. The same table returned again (same name, content hash and column kinds) reuses the stored one:
// the key stays, and the cells below an unchanged result stay current.

import type { CodeOutcome } from '../core/code/code-types';
import type { DatasetId } from '../core/notebook/types';
import { findDatasetsByHash, saveDataset } from '../storage/datasets';
import type { StudioDb } from '../storage/db';

/** The id of the stored dataset holding `outcome`'s table under `name` (saved now, or found already stored). */
export async function storeCodeOutput(db: StudioDb, outcome: Extract<CodeOutcome, { kind: 'table' }>, name: string): Promise<DatasetId> {
  const { table, inference, warnings, contentHash } = outcome;
  const kinds = table.columns.map((column) => `${column.name}:${column.kind}`).join('|');
  const stored = (await findDatasetsByHash(db, contentHash)).find((meta) => meta.name === name && meta.columns.map((column) => `${column.name}:${column.kind}`).join('|') === kinds);
  if (stored) return stored.id;
  const result = { table, inference: [...inference], warnings: [...warnings], format: 'json' as const, encoding: 'utf-8' as const, sourceBytes: 0, contentHash, durationMs: 0 };
  return (await saveDataset(db, { name, sourceFileName: 'a Code cell', table, result })).id;
}
