// Clean-up after work the page did not finish. Every save is one transaction, so an interrupted one leaves nothing;
// these remove what older builds or a run cut short could leave: dataset chunks without their record, and the
// fit a training worker stored for a run whose summary the page never wrote (the page went away mid-training).

import type { DatasetId, NotebookId } from '../core/notebook/types';
import { selectDatasetChunks } from './chunks';
import type { StudioDb } from './db';

/** Deletes chunks whose dataset record is missing, in one transaction; returns the dataset ids they belonged to. */
export async function removeOrphanChunks(db: StudioDb): Promise<DatasetId[]> {
  const transaction = db.transaction(['datasets', 'datasetChunks'], 'readwrite');
  const chunks = transaction.objectStore('datasetChunks');
  const orphans: DatasetId[] = [];
  // One step per dataset: after reading a dataset's first chunk key the cursor jumps past all its chunks.
  for (let cursor = await chunks.openKeyCursor(); cursor; ) {
    const datasetId = cursor.key[0];
    if ((await transaction.objectStore('datasets').count(datasetId)) === 0) {
      orphans.push(datasetId);
      await chunks.delete(selectDatasetChunks(datasetId));
    }
    cursor = await cursor.continue([datasetId, []] as unknown as [DatasetId, number, number]);
  }
  await transaction.done;
  return orphans;
}

/**
 * Deletes notebook `notebookId`'s fits that have no run summary (a training cut short after its worker stored the
 * model), in one transaction; returns their run ids. Call it only while no training of that notebook is running.
 */
export async function removeUnsummarisedFits(db: StudioDb, notebookId: NotebookId): Promise<string[]> {
  const transaction = db.transaction(['runs', 'runFits'], 'readwrite');
  const fits = transaction.objectStore('runFits');
  const fitIds = await fits.index('by-notebook').getAllKeys(notebookId);
  const counts = await Promise.all(fitIds.map((id) => transaction.objectStore('runs').count(id)));
  const orphans = fitIds.filter((_, i) => counts[i] === 0);
  await Promise.all([...orphans.map((id) => fits.delete(id)), transaction.done]);
  return orphans;
}
