// The biggest things the studio stores — datasets by their column chunks, trained runs by their model and summary —
// so a "storage is full" message can say what to delete. Sizes are estimates before the browser compresses.

import type { StudioDb } from './db';
import { estimateBytes } from './storage-use';

/** One stored item and its estimated bytes. */
export interface StoredItem {
  readonly kind: 'dataset' | 'run';
  readonly name: string;
  readonly bytes: number;
}

/** The `limit` biggest datasets and runs, biggest first. Fits are read one at a time (a forest can be megabytes). */
export async function listLargestItems(db: StudioDb, limit: number): Promise<StoredItem[]> {
  const transaction = db.transaction(['datasets', 'runs', 'runFits'], 'readonly');
  const [datasets, runs] = await Promise.all([transaction.objectStore('datasets').getAll(), transaction.objectStore('runs').getAll()]);
  const labels = new Map(runs.map((record) => [record.id, { label: record.run.label, bytes: estimateBytes(record) }]));
  const items: StoredItem[] = datasets.map((meta) => ({ kind: 'dataset', name: meta.name, bytes: meta.storedBytes }));
  for (let cursor = await transaction.objectStore('runFits').openCursor(); cursor; cursor = await cursor.continue()) {
    const summary = labels.get(cursor.value.id);
    items.push({ kind: 'run', name: summary?.label ?? 'a model without its summary', bytes: estimateBytes(cursor.value) + (summary?.bytes ?? 0) });
  }
  return items.sort((a, b) => b.bytes - a.bytes || a.name.localeCompare(b.name)).slice(0, limit);
}
