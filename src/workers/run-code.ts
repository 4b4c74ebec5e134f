// The page's side of a Code cell's run: a fresh module worker (code.worker.ts) per run, driven by core's
// supervisor (time limit from the code's start, Stop, cancel), terminated whatever the end — so a loop that never
// yields costs the page nothing.

import type { ConsoleLine } from '../core/code/code-types';
import { superviseCodeRun, type CodeJob, type CodeRun, type CodeThread } from '../core/code/supervise-code-run';

/** Runs `job` in a new worker; see superviseCodeRun for how it ends. */
export function runCodeInWorker(job: CodeJob, onConsole: (line: ConsoleLine) => void, control?: { signal?: AbortSignal; stop?: AbortSignal }): Promise<CodeRun> {
  return superviseCodeRun(startCodeWorker, job, onConsole, control);
}

function startCodeWorker(): CodeThread {
  const worker = new Worker(new URL('./code.worker.ts', import.meta.url), { type: 'module', name: 'code-cell' });
  return {
    post: (message) => worker.postMessage(message),
    listen(onMessage, onFailure) {
      worker.onmessage = (event) => onMessage(event.data);
      worker.onerror = (event) => {
        event.preventDefault();
        onFailure(event.message || 'it could not start or ran out of memory');
      };
      worker.onmessageerror = () => onFailure('its answer could not be read');
    },
    terminate: () => worker.terminate(),
  };
}
