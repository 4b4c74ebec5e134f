/// <reference types="vite/client" />
// Bench part (d): saves one imported table with the studio's saveDataset into a scratch database and compares
// what it costs on disk (navigator.storage.estimate before/after) with the table's in-memory size.

import { collectTransferables } from '../../src/core/table/table-buffers';
import type { Table } from '../../src/core/table/types';

/** Sizes in bytes; tableBytes counts the table's typed arrays (text included, packed) by byteLength. */
export interface StorageMeasurement {
  available: boolean;
  reason?: string;
  tableBytes?: number;
  typedArrayBytes?: number;
  metaStoredBytes?: number;
  usageDeltaBytes?: number;
  saveMs?: number;
  /** rows × columns of the saved table. */
  cellCount?: number;
}

interface BenchColumn {
  kind: string;
  values?: ArrayBufferView | readonly (string | null)[];
  codes?: Int32Array;
}
interface BenchImport {
  table: { rowCount: number; columns: BenchColumn[] };
}
interface DbModule {
  openStudioDb(name?: string): Promise<{ close(): void }>;
}
interface DatasetsModule {
  saveDataset(db: unknown, input: { name: string; sourceFileName: string; table: unknown; result: unknown }):
    Promise<{ storedBytes: number }>;
}

const dbModules = import.meta.glob<DbModule>('../../src/storage/db.ts');
const datasetModules = import.meta.glob<DatasetsModule>('../../src/storage/datasets.ts');
const SCRATCH_DB = 'ml-studio-bench';

function measureTable(table: BenchImport['table']): { typedArrayBytes: number; tableBytes: number } {
  // Every column is typed arrays now (text is packed UTF-8 + offsets + missing flags).
  const typedArrayBytes = collectTransferables(table as unknown as Table).reduce((sum, buffer) => sum + buffer.byteLength, 0);
  return { typedArrayBytes, tableBytes: typedArrayBytes };
}

function deleteScratchDb(): Promise<void> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.deleteDatabase(SCRATCH_DB);
    request.onsuccess = () => resolve();
    request.onerror = () => reject(request.error);
  });
}

async function readUsageBytes(): Promise<number> {
  return (await navigator.storage.estimate()).usage ?? 0;
}

/** Saves `imported.table` once and measures it; the scratch database is deleted before and after. */
export async function measureStorage(imported: unknown, sourceFileName: string): Promise<StorageMeasurement> {
  const loadDb = Object.values(dbModules)[0];
  const loadDatasets = Object.values(datasetModules)[0];
  if (!loadDb || !loadDatasets) return { available: false, reason: 'src/storage/db.ts or datasets.ts is missing' };
  const [{ openStudioDb }, { saveDataset }] = await Promise.all([loadDb(), loadDatasets()]);
  const { table } = imported as BenchImport;
  await deleteScratchDb();
  const db = await openStudioDb(SCRATCH_DB);
  try {
    const usageBefore = await readUsageBytes();
    const startMs = performance.now();
    const meta = await saveDataset(db, { name: 'bench', sourceFileName, table, result: imported });
    const saveMs = performance.now() - startMs;
    const usageDeltaBytes = (await readUsageBytes()) - usageBefore;
    return { available: true, ...measureTable(table), metaStoredBytes: meta.storedBytes, usageDeltaBytes, saveMs,
      cellCount: table.rowCount * table.columns.length };
  } finally {
    db.close();
    await deleteScratchDb();
  }
}
