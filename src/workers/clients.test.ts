import { describe, expect, it } from 'vitest';
import { createWorkerLane } from './clients';

/** A fake worker whose api answers when told to. */
function startFake(log: string[]) {
  let n = 0;
  return () => {
    const id = ++n;
    log.push(`start ${id}`);
    return {
      worker: { terminate: () => log.push(`terminate ${id}`) },
      api: { echo: (value: string, ms: number) => new Promise<string>((resolve) => setTimeout(() => resolve(`${id}:${value}`), ms)) },
    };
  };
}

describe('createWorkerLane', () => {
  it('starts the worker lazily and reuses it', async () => {
    const log: string[] = [];
    const lane = createWorkerLane(startFake(log));
    expect(log).toEqual([]);
    expect([await lane.call((api) => api.echo('a', 0)), await lane.call((api) => api.echo('b', 0))]).toEqual(['1:a', '1:b']);
    expect(log).toEqual(['start 1']);
  });

  it('on abort terminates the worker, rejects with an AbortError and starts a fresh one next time', async () => {
    const log: string[] = [];
    const lane = createWorkerLane(startFake(log));
    const controller = new AbortController();
    const pending = lane.call((api) => api.echo('slow', 1000), controller.signal);
    controller.abort();
    await expect(pending).rejects.toEqual(expect.objectContaining({ name: 'AbortError' }));
    expect(await lane.call((api) => api.echo('next', 0))).toBe('2:next');
    expect(log).toEqual(['start 1', 'terminate 1', 'start 2']);
  });

  it('a cancel ends the other calls on the same worker with an error saying so (they would never answer)', async () => {
    const log: string[] = [];
    const lane = createWorkerLane(startFake(log));
    const controller = new AbortController();
    const sibling = lane.call((api) => api.echo('long', 5000));
    const cancelled = lane.call((api) => api.echo('slow', 5000), controller.signal);
    controller.abort();
    await expect(cancelled).rejects.toEqual(expect.objectContaining({ name: 'AbortError' }));
    await expect(sibling).rejects.toEqual(expect.objectContaining({ name: 'WorkerError', message: 'This job was interrupted: another job on the same worker was cancelled. Run it again.' }));
    expect(log).toEqual(['start 1', 'terminate 1']);
  });

  it('rejects at once for an already aborted signal, starting nothing', async () => {
    const log: string[] = [];
    const lane = createWorkerLane(startFake(log));
    await expect(lane.call((api) => api.echo('x', 0), AbortSignal.abort())).rejects.toEqual(expect.objectContaining({ name: 'AbortError' }));
    expect(log).toEqual([]);
  });
});
