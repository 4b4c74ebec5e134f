import { describe, expect, it } from 'vitest';
import { choosePoolSize, createTrainingPool } from './training-pool';

/** Fake workers whose api answers after `ms`; the log records starts, terminations and job order. */
function startFake(log: string[]) {
  let n = 0;
  return () => {
    const id = ++n;
    log.push(`start ${id}`);
    return {
      worker: { terminate: () => log.push(`terminate ${id}`) },
      api: {
        echo: (value: string, ms: number) => new Promise<string>((resolve) => setTimeout(() => { log.push(`done ${id}:${value}`); resolve(`${id}:${value}`); }, ms)),
        stop: (jobId: string) => log.push(`stop ${id}:${jobId}`),
      },
    };
  };
}

describe('createTrainingPool', () => {
  it('runs up to `size` jobs side by side on lazily started workers; the rest wait in order', async () => {
    const log: string[] = [];
    const pool = createTrainingPool(2, startFake(log));
    expect(log).toEqual([]);
    const results = await Promise.all([pool.run((api) => api.echo('a', 30)), pool.run((api) => api.echo('b', 5)), pool.run((api) => api.echo('c', 5))]);
    expect(results).toEqual(['1:a', '2:b', '2:c']);
    expect(log).toEqual(['start 1', 'start 2', 'done 2:b', 'done 2:c', 'done 1:a']);
  });

  it('an abort terminates only that job\'s worker; the next job starts a fresh one', async () => {
    const log: string[] = [];
    const pool = createTrainingPool(2, startFake(log));
    const controller = new AbortController();
    const slow = pool.run((api) => api.echo('slow', 1000), controller.signal);
    const other = pool.run((api) => api.echo('other', 10));
    await new Promise((r) => setTimeout(r, 0));
    controller.abort();
    await expect(slow).rejects.toEqual(expect.objectContaining({ name: 'AbortError' }));
    expect([await other, await pool.run((api) => api.echo('next', 0))]).toEqual(['2:other', '3:next']);
    expect(log).toEqual(['start 1', 'start 2', 'terminate 1', 'done 2:other', 'start 3', 'done 3:next']);
  });

  it('cancels one candidate: only its worker ends, the others go on, and the queue moves to a fresh worker', async () => {
    const log: string[] = [];
    const pool = createTrainingPool(2, startFake(log));
    const cancelled = new AbortController();
    const running = pool.run((api) => api.echo('cancel-me', 1000), cancelled.signal);
    const other = pool.run((api) => api.echo('other', 30));
    const queued = pool.run((api) => api.echo('queued', 5));
    await new Promise((r) => setTimeout(r, 0));
    cancelled.abort();
    await expect(running).rejects.toEqual(expect.objectContaining({ name: 'AbortError' }));
    expect([await other, await queued]).toEqual(['2:other', '3:queued']);
    expect(log).toEqual(['start 1', 'start 2', 'terminate 1', 'start 3', 'done 3:queued', 'done 2:other']);
  });

  it('a waiting job that is cancelled leaves the queue at once and never starts', async () => {
    const log: string[] = [];
    const pool = createTrainingPool(1, startFake(log));
    const cancelled = new AbortController();
    const first = pool.run((api) => api.echo('first', 20));
    const waiting = pool.run((api) => api.echo('waiting', 0), cancelled.signal);
    const last = pool.run((api) => api.echo('last', 0));
    cancelled.abort();
    await expect(waiting).rejects.toEqual(expect.objectContaining({ name: 'AbortError' }));
    expect(log).toEqual(['start 1']);
    expect([await first, await last]).toEqual(['1:first', '1:last']);
    expect(log).toEqual(['start 1', 'done 1:first', 'done 1:last']);
  });

  it('broadcasts to started workers only', async () => {
    const log: string[] = [];
    const pool = createTrainingPool(3, startFake(log));
    await pool.run((api) => api.echo('a', 0));
    pool.broadcast((api) => api.stop('run-1'));
    expect(log).toEqual(['start 1', 'done 1:a', 'stop 1:run-1']);
  });
});

describe('choosePoolSize', () => {
  it('uses the cores, between 1 and 4', () => {
    expect([undefined, 0, 1, 2, 3, 16].map(choosePoolSize)).toEqual([1, 1, 1, 2, 3, 4]);
  });
});

/** A fake worker that can die: `die()` fires its `error` listeners, as a real Worker does when it crashes. */
function startMortal(log: string[]) {
  const workers: { die: () => void }[] = [];
  let n = 0;
  const start = () => {
    const id = ++n;
    const listeners: (() => void)[] = [];
    log.push(`start ${id}`);
    workers.push({ die: () => listeners.forEach((listener) => listener()) });
    return {
      worker: { terminate: () => log.push(`terminate ${id}`), addEventListener: (_type: string, listener: () => void) => void listeners.push(listener) },
      api: { echo: (value: string, ms: number) => new Promise<string>((resolve) => setTimeout(() => resolve(`${id}:${value}`), ms)) },
      describeActivity: () => 'fitting Random forest',
    };
  };
  return { start, workers };
}

describe('a worker that dies', () => {
  it('rejects its job with a WorkerError naming what it was doing, and the next job gets a fresh worker', async () => {
    const log: string[] = [];
    const { start, workers } = startMortal(log);
    const pool = createTrainingPool(2, start);
    const doomed = pool.run((api) => api.echo('forest', 60_000));
    const other = pool.run((api) => api.echo('other', 10));
    await new Promise((r) => setTimeout(r, 0));
    workers[0].die();

    await expect(doomed).rejects.toEqual(expect.objectContaining({
      name: 'WorkerError',
      message: 'The training worker stopped unexpectedly (it may have run out of memory) while fitting Random forest; nothing stored was changed. Retry, or train on a sample / fewer trees.',
    }));
    expect([await other, await pool.run((api) => api.echo('retry', 0))]).toEqual(['2:other', '3:retry']);
    expect(log).toEqual(['start 1', 'start 2', 'terminate 1', 'start 3']);
  });

  it('an idle worker that dies is replaced on the next job; a second event from it changes nothing', async () => {
    const log: string[] = [];
    const { start, workers } = startMortal(log);
    const pool = createTrainingPool(1, start);
    await pool.run((api) => api.echo('a', 0));
    workers[0].die();
    workers[0].die();
    expect(await pool.run((api) => api.echo('b', 0))).toBe('2:b');
    expect(log).toEqual(['start 1', 'terminate 1', 'start 2']);
  });
});
