// The training worker's jobs for the Monitor and Retrain cells: a batch monitored against a stored run (with its
// reference rows re-cut from the run's own dataset when the page found it stored), a run scored on a retrain's
// holdout, and the champion's training rows appended to a batch's, stored as a dataset every worker can read.

import { monitorBatch, type MonitorOptions, type MonitorReport, type ReferenceRows } from '../core/monitor/monitor-batch';
import { scoreOnHoldout, type HoldoutScores } from '../core/monitor/score-on-holdout';
import type { ProblemSpec } from '../core/problem/types';
import { runSplit, type SplitRequest } from '../core/split/run-split';
import { appendTableRows } from '../core/table/append-table';
import type { RowIndices } from '../core/table/types';
import type { DatasetId } from '../core/notebook/types';
import { saveDataset } from '../storage/datasets';
import { openStudioDb } from '../storage/db';
import { openTable, readHeldTable, requireTable, type TableRef } from './dataset-tables';
import { readStoredRun, type StoredRunRef } from './stored-runs';

/** Where the champion's own rows are: its stored dataset (with the recorded column kinds) and split request, or why they are not at hand. */
export type ReferenceSource = { readonly table: TableRef; readonly split: SplitRequest } | { readonly missing: string };

/** Batch `batchKey` (held by this worker) against stored run `ref`; see core/monitor/monitor-batch.ts. */
async function monitorStoredRun(batchKey: string, reference: ReferenceSource, ref: StoredRunRef, problem: ProblemSpec, options: MonitorOptions): Promise<MonitorReport> {
  const run = await readStoredRun(ref);
  const batch = readHeldTable(batchKey);
  let rows: ReferenceRows;
  if ('missing' in reference) rows = reference;
  else {
    const table = await requireTable(reference.table);
    rows = { table, rows: runSplit(table, reference.split).validation };
  }
  return monitorBatch(batch, run, problem, rows, options);
}

/** Stored run `ref` on `rows` of table `tableKey` (held by this worker) for a retrain's gate. */
async function scoreStoredRunOnHoldout(tableKey: string, rows: RowIndices, ref: StoredRunRef, problem: ProblemSpec, sliceColumn: string | null): Promise<HoldoutScores> {
  return scoreOnHoldout(readHeldTable(tableKey), rows, await readStoredRun(ref), problem, sliceColumn);
}

/**
 * The champion's training rows (`split` re-cut on its dataset) then `batchRows` of the batch, stored as a new dataset
 * "<old> + <batch>" so every training worker reads it by id; the new dataset's id and each part's rows in it.
 */
async function appendStoredRows(old: { table: TableRef; split: SplitRequest }, batch: TableRef, batchRows: RowIndices, dbName: string): Promise<{ datasetId: DatasetId; old: RowIndices; batch: RowIndices }> {
  const opened = await openTable(old.table);
  const batchTable = await requireTable(batch);
  const trainRows = runSplit(opened.table, old.split).train;
  const { table, a, b } = appendTableRows(opened.table, trainRows, batchTable, batchRows);
  const db = await openStudioDb(dbName);
  try {
    const meta = await saveDataset(db, {
      name: `${opened.meta.name} + new rows (retrain)`, sourceFileName: opened.meta.sourceFileName, table,
      result: { table, inference: opened.meta.inference, warnings: [], format: opened.meta.format, encoding: 'utf-8', sourceBytes: 0, contentHash: '', durationMs: 0 },
    });
    return { datasetId: meta.id, old: a, batch: b };
  } finally {
    db.close();
  }
}

export const monitorApi = { monitorStoredRun, scoreStoredRunOnHoldout, appendStoredRows };
