// The large-file bench worker: runs the studio's streamed import into IndexedDB exactly as the import worker does
// (importStreamedIntoDb), sampling this worker's JS heap, then times the profile's figures from the sketches.
import { DEFAULT_IMPORT_OPTIONS, type DatasetId } from '../../src/core/notebook/types';
import { describeSketches } from '../../src/core/profile/describe-sketches';
import { importStreamedIntoDb } from '../../src/workers/stream-import';
import { importCsvStreamed } from '../../src/core/ingest/stream-import';
import { importFile } from '../../src/core/ingest/import-file';
import type { LargeWorkerReply } from './messages';

const post = (reply: LargeWorkerReply) => postMessage(reply);

function watchHeap(): () => number | null {
  const memory = (performance as { memory?: { usedJSHeapSize: number } }).memory;
  if (!memory) return () => null;
  let peak = memory.usedJSHeapSize;
  const timer = setInterval(() => (peak = Math.max(peak, memory.usedJSHeapSize)), 50);
  return () => {
    clearInterval(timer);
    return Math.max(peak, memory.usedJSHeapSize);
  };
}

onmessage = async (event: MessageEvent<{ file: File; dbName: string; withoutStorage: boolean }>) => {
  const { file, dbName, withoutStorage } = event.data;
  try {
    // Optionally first the same import into a sink that stores nothing: parsing, typing and sketching alone.
    // And the ordinary in-memory import of the same file in this worker (one thread), as the reference.
    let noStorageMs: number | null = null;
    let ordinaryMs: number | null = null;
    if (withoutStorage) {
      let started = performance.now();
      await importFile(file, file.name, DEFAULT_IMPORT_OPTIONS, undefined, undefined, Number.POSITIVE_INFINITY);
      ordinaryMs = performance.now() - started;
      started = performance.now();
      await importCsvStreamed(file, file.name, DEFAULT_IMPORT_OPTIONS, { sink: { write: async () => undefined, discard: async () => undefined } });
      noStorageMs = performance.now() - started;
    }
    const stopHeap = watchHeap();
    const started = performance.now();
    const meta = await importStreamedIntoDb(file, file.name, DEFAULT_IMPORT_OPTIONS, { dbName, datasetId: crypto.randomUUID() as DatasetId, name: 'large' }, (p) => post({ kind: 'progress', bytesRead: p.bytesRead, rows: p.rows }));
    const importMs = performance.now() - started;
    const peakWorkerHeapBytes = stopHeap();
    const levels = Object.fromEntries(meta.columns.filter((c) => c.levels).map((c) => [c.name, c.levels!]));
    const profileStarted = performance.now();
    const stats = describeSketches(meta.streamed!.sketches, levels);
    const profileFromSketchesMs = performance.now() - profileStarted;
    post({
      kind: 'done',
      result: {
        rows: meta.rowCount, chunks: meta.streamed!.chunkCount, columns: meta.columnCount, sampleRows: meta.streamed!.sampleRows, storedBytes: meta.storedBytes,
        importMs, noStorageMs, ordinaryMs, profileFromSketchesMs, peakWorkerHeapBytes,
        preview: stats.slice(0, 6).map((s) => ({ name: s.name, mean: s.mean, p50: s.quantiles?.p50 ?? null, distinct: s.distinct, missing: s.missing })),
      },
    });
  } catch (error) {
    post({ kind: 'failed', message: error instanceof Error ? `${error.name}: ${error.message}` : String(error) });
  }
};
