// Sends the dataset table to a training worker once (by key): later jobs on that worker reuse it, and a
// fresh worker (after a cancel terminated the old one) gets it again.

import { transfer, type Remote } from 'comlink';
import { collectTransferables } from '../core/table/table-buffers';
import type { Table } from '../core/table/types';
import type { TrainingApi } from '../workers/training-api';
import { copyTableForTransfer } from './copy-table-for-transfer';

/** Makes sure the worker behind `api` holds `dataset`'s table (a copy is transferred, the shown table stays usable). */
export async function ensureTrainingTable(api: Remote<TrainingApi>, dataset: { readonly key: string; readonly table: Table }): Promise<void> {
  if (await api.hasTable(dataset.key)) return;
  const copy = await copyTableForTransfer(dataset.table);
  await api.putTable(dataset.key, transfer(copy, collectTransferables(copy)));
}
