import { describe, expect, it } from 'vitest';
import { createWorkerLane, describeTrainingCall, watchCalls } from './clients';

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

describe('a lane whose worker dies', () => {
  it('rejects every call in flight with the kind of worker, and starts a fresh worker next time', async () => {
    const log: string[] = [];
    const listeners: (() => void)[] = [];
    let n = 0;
    const lane = createWorkerLane(() => {
      const id = ++n;
      log.push(`start ${id}`);
      return {
        worker: { terminate: () => log.push(`terminate ${id}`), addEventListener: (_type: string, listener: () => void) => void listeners.push(listener) },
        api: { echo: (value: string, ms: number) => new Promise<string>((resolve) => setTimeout(() => resolve(`${id}:${value}`), ms)) },
      };
    }, 'import');
    const calls = [lane.call((api) => api.echo('a', 60_000)), lane.call((api) => api.echo('b', 60_000))];
    listeners.forEach((listener) => listener());

    const message = 'The import worker stopped unexpectedly (it may have run out of memory); nothing stored was changed. Retry, or import a smaller file.';
    for (const call of calls) await expect(call).rejects.toEqual(expect.objectContaining({ name: 'WorkerError', message }));
    expect(await lane.call((api) => api.echo('next', 0))).toBe('2:next');
    expect(log).toEqual(['start 1', 'terminate 1', 'start 2']);
  });
});

describe('watchCalls and describeTrainingCall', () => {
  it('report each call (method and arguments) after sending it, and say what a training worker is doing', async () => {
    const calls: string[] = [];
    const api = watchCalls({ trainRun: async (_key: string, request: { family: string }) => request.family, requestStop: async () => 'stop' }, (method, args) => calls.push(`${method}: ${describeTrainingCall(method, args)}`));
    expect([await api.trainRun('k', { family: 'random_forest' }), await api.requestStop()]).toEqual(['random_forest', 'stop']);
    expect(calls).toEqual(['trainRun: fitting Random forest', 'requestStop: undefined']);
    expect(['holdDataset', 'scoreStoredRun', 'somethingElse'].map((method) => describeTrainingCall(method, []))).toEqual(['reading the dataset', 'scoring a model', null]);
  });
});
