// One worker thread of the trees suite's forest: loads the bundled entry, builds the training job from the
// rows it was given (before the clock), then fits each range of trees it is sent with fitForestPart.
import { parentPort, workerData } from 'node:worker_threads';

const bench = await import(workerData.entryUrl);
const { X, y, cols, trainRows, params } = workerData;
const job = bench.makeForestJob(X, y, cols, trainRows, params);
parentPort.on('message', async ({ start, end }) => {
  const started = performance.now();
  const part = await bench.fitForestRange(job, start, end);
  parentPort.postMessage({ part, ms: performance.now() - started });
});
parentPort.postMessage({ ready: true });
