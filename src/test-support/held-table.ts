// A table a test hands a worker API directly: held under `key` in this thread's dataset-tables (as a worker holds
// the table it read), with a source that is never read.

import type { DatasetId } from '../core/notebook/types';
import type { Table } from '../core/table/types';
import { holdTable, type TableRef } from '../workers/dataset-tables';

export function holdTestTable(key: string, table: Table): TableRef {
  holdTable(key, table);
  return { key, source: { dbName: 'not-read', datasetId: key as DatasetId, overrides: {} } };
}
