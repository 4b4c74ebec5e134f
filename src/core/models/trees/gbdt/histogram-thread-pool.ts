// A pool of histogram helpers over whatever threads the platform spawns (Node worker_threads, browser workers):
// started lazily on the first fit, lent to one fit at a time (a second fit meanwhile runs on one thread), and
// given up for good when a helper fails, so that every later fit takes the one-thread path.

import type { HistogramSession, HistogramThreads } from './histogram-threads';

/** What a helper replies to a session: ready (it now serves the control block) or why it could not start. */
export type HelperReply = { ready: true } | { error: string };

/** One helper thread as the platform gives it. */
export interface HelperPort {
  postMessage(session: HistogramSession): void;
  /** `onReply` gets each reply; a thread that dies or fails to load replies { error }. */
  listen(onReply: (reply: HelperReply) => void): void;
  terminate(): void;
}

/** `count` helpers made by `spawn` on the first start; `close` terminates them. */
export function createHistogramThreadPool(count: number, spawn: () => HelperPort, minUpdates?: number): HistogramThreads & { close(): void } {
  if (!Number.isInteger(count) || count < 1) throw new RangeError(`histogram threads: count ${count} is not a whole number ≥ 1; pass the helper threads besides the fitting one.`);
  let helpers: { port: HelperPort; waiting: ((reply: HelperReply) => void) | null }[] | null = null;
  let busy = false;
  let broken = false;
  const spawnAll = () =>
    Array.from({ length: count }, () => {
      const helper = { port: spawn(), waiting: null as ((reply: HelperReply) => void) | null };
      helper.port.listen((reply) => {
        if ('error' in reply) broken = true;
        const waiting = helper.waiting;
        helper.waiting = null;
        waiting?.(reply);
      });
      return helper;
    });
  return {
    count,
    minUpdates,
    async start(session) {
      if (busy || broken) return null;
      busy = true;
      helpers ??= spawnAll();
      const replies = helpers.map((helper) => new Promise<HelperReply>((resolve) => {
        helper.waiting = resolve;
        helper.port.postMessage(session);
      }));
      const ready = (await Promise.all(replies)).every((reply) => 'ready' in reply);
      if (!ready) {
        busy = false;
        return null;
      }
      return () => void (busy = false);
    },
    close() {
      helpers?.forEach((helper) => helper.port.terminate());
      helpers = null;
      broken = true;
    },
  };
}
