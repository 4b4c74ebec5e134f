// A Code cell's run headless: a worker thread per run whose small CommonJS bootstrap registers tsx, imports core's
// serveCodeRun (the code the browser's code.worker.ts runs) and hands it the run; core's supervisor keeps the time
// limit and terminates the thread. The thread's global is sealed the same way (no fetch, no process, no eval).

import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { ConsoleLine } from '../core/code/code-types';
import { superviseCodeRun, type CodeJob, type CodeRun, type CodeThread } from '../core/code/supervise-code-run';

// `process` is read once here: the user's code finds it switched off. A promise the code leaves rejected must not
// end the thread before it answers.
const BOOTSTRAP = `
const { parentPort, workerData } = require('node:worker_threads');
process.on('unhandledRejection', () => {});
const ready = import(workerData.tsx).then((api) => {
  api.register();
  return import(workerData.entry);
});
parentPort.once('message', async (message) => {
  const { serveCodeRun } = await ready;
  await serveCodeRun(message, globalThis, (reply, transfer) => parentPort.postMessage(reply, transfer));
});
`;

const THREAD_DATA = {
  tsx: findTsxApi(),
  entry: new URL('../core/code/code-thread-protocol.ts', import.meta.url).href,
};

/** The file URL of tsx's ESM `register` (require.resolve would give its CommonJS build, which cannot register the ESM hooks). */
function findTsxApi(): string {
  const require = createRequire(import.meta.url);
  const manifest = require.resolve('tsx/package.json');
  const { exports } = require(manifest) as { exports: Record<string, { import: { default: string } }> };
  return new URL(exports['./esm/api'].import.default, pathToFileURL(manifest)).href;
}

/** Runs `job` in a new worker thread; see superviseCodeRun for how it ends. */
export function runCodeInThread(job: CodeJob, onConsole: (line: ConsoleLine) => void, control?: { signal?: AbortSignal; stop?: AbortSignal }): Promise<CodeRun> {
  return superviseCodeRun(startCodeThread, job, onConsole, control);
}

function startCodeThread(): CodeThread {
  const worker = new Worker(BOOTSTRAP, { eval: true, workerData: THREAD_DATA });
  return {
    post: (message) => worker.postMessage(message),
    listen(onMessage, onFailure) {
      worker.on('message', onMessage);
      worker.on('error', (error) => onFailure(error.message));
      worker.on('exit', (code) => onFailure(`it exited with code ${code}`));
    },
    terminate: () => void worker.terminate(),
  };
}
