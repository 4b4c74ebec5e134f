// Makes a training worker hold a dataset's table before a job on it: the worker reads it from IndexedDB itself
// the first time (and again after a cancel terminated it); the page sends the key and where the table comes from.

import type { Remote } from 'comlink';
import type { TableRef } from '../workers/dataset-tables';
import type { TrainingApi } from '../workers/training-api';

/** Makes sure the worker behind `api` holds the table `dataset.ref` names. */
export async function ensureTrainingTable(api: Remote<TrainingApi>, dataset: { readonly ref: TableRef }): Promise<void> {
  await api.holdDataset({ key: dataset.ref.key, source: { ...dataset.ref.source, overrides: { ...dataset.ref.source.overrides } } });
}
