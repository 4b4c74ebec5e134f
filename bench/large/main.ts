/// <reference types="vite/client" />
// The large-file bench page: hands the chosen File to a worker that streams it into IndexedDB with the studio's
// worker code, samples the page's JS heap meanwhile, then deletes the bench database. `bench/large/suite.mjs`
// calls window.runLargeBench through Playwright.
import type { LargeRunResult, LargeWorkerReply } from './messages';

const DB_NAME = 'large-bench';

declare global {
  interface Window {
    runLargeBench(withoutStorage?: boolean): Promise<LargeRunResult & { peakPageHeapBytes: number | null; startEpochMs: number; endEpochMs: number; wallMs: number }>;
  }
}

function deleteDatabase(name: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.deleteDatabase(name);
    request.onsuccess = () => resolve();
    request.onerror = () => reject(request.error);
  });
}

window.runLargeBench = async (withoutStorage = false) => {
  const input = document.querySelector<HTMLInputElement>('#file')!;
  const file = input.files?.[0];
  if (!file) throw new Error('Choose a file first (#file).');
  await deleteDatabase(DB_NAME);
  const memory = (performance as { memory?: { usedJSHeapSize: number } }).memory;
  let peakPage = memory?.usedJSHeapSize ?? null;
  const heapTimer = setInterval(() => { if (memory) peakPage = Math.max(peakPage ?? 0, memory.usedJSHeapSize); }, 50);
  const startEpochMs = Date.now();
  const started = performance.now();
  const worker = new Worker(new URL('./stream.worker.ts', import.meta.url), { type: 'module' });
  try {
    const result = await new Promise<LargeRunResult>((resolve, reject) => {
      let lastLog = 0;
      worker.onmessage = (event: MessageEvent<LargeWorkerReply>) => {
        const reply = event.data;
        if (reply.kind === 'done') resolve(reply.result);
        else if (reply.kind === 'failed') reject(new Error(reply.message));
        else if (performance.now() - lastLog > 10_000) {
          lastLog = performance.now();
          console.log(`${(reply.bytesRead / 1e6).toFixed(0)} MB read, ${reply.rows} rows`);
        }
      };
      worker.onerror = (event) => reject(new Error(`worker failed: ${event.message}`));
      worker.postMessage({ file, dbName: DB_NAME, withoutStorage });
    });
    return { ...result, peakPageHeapBytes: peakPage, startEpochMs, endEpochMs: Date.now(), wallMs: performance.now() - started };
  } finally {
    clearInterval(heapTimer);
    worker.terminate();
    await deleteDatabase(DB_NAME);
  }
};
