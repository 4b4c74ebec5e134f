// The starting side of a Code cell's run, the same in the page and in Node: a fresh thread per run, the time limit
// counted from the moment the user's code starts, Stop and cancel, and a thread that dies — each ends the run by
// terminating the thread, so a loop that never yields cannot hold anything up.

import { createAbortError } from '../errors';
import { nowMs } from '../time/now-ms';
import { scheduleAt } from '../time/schedule-at';
import type { CodeError, CodeInputTable, CodeOutcome, ConsoleLine, CodeConsole } from './code-types';
import type { CodeRunMessage, CodeThreadMessage } from './code-thread-protocol';

/** A thread started for one run (a Worker, a worker_threads Worker), as the supervisor drives it. */
export interface CodeThread {
  post(message: CodeRunMessage): void;
  /** `onMessage` for each message of the thread; `onFailure` when it could not start or died (out of memory…). */
  listen(onMessage: (data: unknown) => void, onFailure: (reason: string) => void): void;
  terminate(): void;
}

/** A finished run: what the code made and what its console kept. */
export interface CodeRun extends CodeConsole {
  readonly outcome: CodeOutcome;
}

/** The run's job: the source, the table above and the time limit. */
export interface CodeJob {
  readonly source: string;
  readonly input: CodeInputTable | null;
  readonly timeLimitMs: number;
}

/** How long a thread may take to load before the user's code starts (its modules, in Node the TypeScript loader). */
const STARTUP_LIMIT_MS = 60_000;

/**
 * Runs `job` on a thread from `startThread`. Resolves with the outcome — an error outcome when the time limit
 * passes, `control.stop` fires or the thread dies; rejects with an AbortError when `control.signal` aborts.
 */
export function superviseCodeRun(startThread: () => CodeThread, job: CodeJob, onConsole: (line: ConsoleLine) => void, control: { signal?: AbortSignal; stop?: AbortSignal } = {}): Promise<CodeRun> {
  if (control.signal?.aborted) return Promise.reject(createAbortError());
  return new Promise<CodeRun>((resolve, reject) => {
    const token = crypto.randomUUID();
    const lines: ConsoleLine[] = [];
    const thread = startThread();
    let startedMs: number | null = null;
    let cancelLimit = scheduleAt(nowMs() + STARTUP_LIMIT_MS, () => fail('crashed', `The Code cell's thread did not start within ${STARTUP_LIMIT_MS / 1000} s.`));
    let ended = false;
    const end = (): number => {
      ended = true;
      cancelLimit();
      thread.terminate();
      control.signal?.removeEventListener('abort', onAbort);
      control.stop?.removeEventListener('abort', onStop);
      return startedMs === null ? 0 : nowMs() - startedMs;
    };
    const finish = (outcome: CodeOutcome, consoleDropped: number) => {
      if (ended) return;
      const durationMs = end();
      resolve({ outcome, console: lines, consoleDropped, durationMs });
    };
    const fail = (reason: CodeError['reason'], message: string) => finish({ kind: 'error', error: { reason, message, line: null } }, 0);
    const onAbort = () => {
      if (ended) return;
      end();
      reject(createAbortError());
    };
    const onStop = () => fail('stopped', `Stopped${startedMs === null ? ' before the code started' : ` after ${formatSeconds(nowMs() - startedMs)}`}: you pressed Stop.`);
    control.signal?.addEventListener('abort', onAbort, { once: true });
    control.stop?.addEventListener('abort', onStop, { once: true });
    thread.listen(
      (data) => {
        const message = data as CodeThreadMessage | null;
        if (ended || typeof message !== 'object' || message === null || message.token !== token) return;
        if (message.type === 'started' && startedMs === null) {
          startedMs = nowMs();
          cancelLimit();
          cancelLimit = scheduleAt(startedMs + job.timeLimitMs, () => fail('time-limit', describeTimeLimit(job.timeLimitMs)));
        } else if (message.type === 'console') {
          lines.push(message.line);
          onConsole(message.line);
        } else if (message.type === 'done') finish(message.outcome, message.consoleDropped);
      },
      (reason) => fail('crashed', `The Code cell's thread stopped: ${reason}`),
    );
    thread.post({ type: 'run', token, source: job.source, input: job.input });
    if (control.stop?.aborted) onStop();
  });
}

/** The time-limit message: how long the code ran and what to do. */
export function describeTimeLimit(timeLimitMs: number): string {
  return `Stopped by the time limit: the code ran longer than ${formatSeconds(timeLimitMs)}. Make it faster (a loop that never ends?), or raise the time limit (at most 600 s).`;
}

function formatSeconds(ms: number): string {
  const seconds = ms / 1000;
  return `${Number.isInteger(seconds) ? seconds : seconds.toFixed(1)} s`;
}
