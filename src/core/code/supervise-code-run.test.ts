import { describe, expect, it } from 'vitest';
import type { CodeRunMessage } from './code-thread-protocol';
import { superviseCodeRun, type CodeThread } from './supervise-code-run';

/** A thread the test drives: `say` sends messages as the thread would, `fail` kills it. */
function createFakeThread() {
  let onMessage: (data: unknown) => void = () => {};
  let onFailure: (reason: string) => void = () => {};
  const fake = {
    posted: [] as CodeRunMessage[],
    terminated: false,
    say: (message: Record<string, unknown>) => onMessage({ token: fake.posted[0].token, ...message }),
    fail: (reason: string) => onFailure(reason),
    thread: {
      post: (message: CodeRunMessage) => void fake.posted.push(message),
      listen: (message: (data: unknown) => void, failure: (reason: string) => void) => {
        onMessage = message;
        onFailure = failure;
      },
      terminate: () => void (fake.terminated = true),
    } satisfies CodeThread,
  };
  return fake;
}

const job = { source: 'return 1;', input: null, timeLimitMs: 50 };
const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('superviseCodeRun', () => {
  it('posts the run, passes console lines on, ignores messages without its token, ends with the outcome', async () => {
    const fake = createFakeThread();
    const heard: string[] = [];
    const run = superviseCodeRun(() => fake.thread, job, (line) => heard.push(line.text));
    expect([fake.posted[0].type, fake.posted[0].source]).toEqual(['run', 'return 1;']);
    fake.say({ type: 'started' });
    fake.say({ type: 'console', line: { level: 'log', text: 'hi' } });
    fake.say({ type: 'done', outcome: { kind: 'none' }, consoleDropped: 0, token: 'forged' });
    fake.say({ type: 'done', outcome: { kind: 'value', json: '1', truncated: false }, consoleDropped: 2 });
    const result = await run;
    expect([result.outcome, result.console, result.consoleDropped, heard, fake.terminated]).toEqual([{ kind: 'value', json: '1', truncated: false }, [{ level: 'log', text: 'hi' }], 2, ['hi'], true]);
  });

  it('ends at the time limit, counted from the start of the code (not the loading), and terminates the thread', async () => {
    const fake = createFakeThread();
    let settled = false;
    const run = superviseCodeRun(() => fake.thread, { ...job, timeLimitMs: 100 }, () => {});
    void run.then(() => (settled = true));
    await wait(150);
    expect(settled).toBe(false);
    fake.say({ type: 'started' });
    const result = await run;
    expect([result.outcome, fake.terminated, result.durationMs >= 90]).toEqual([
      { kind: 'error', error: { reason: 'time-limit', message: 'Stopped by the time limit: the code ran longer than 0.1 s. Make it faster (a loop that never ends?), or raise the time limit (at most 600 s).', line: null } },
      true,
      true,
    ]);
  });

  it('Stop ends with an error result, cancel rejects with an AbortError, a dead thread says why', async () => {
    const stop = new AbortController();
    const stopped = createFakeThread();
    const run = superviseCodeRun(() => stopped.thread, { ...job, timeLimitMs: 10_000 }, () => {}, { stop: stop.signal });
    stopped.say({ type: 'started' });
    stop.abort();
    expect((await run).outcome).toMatchObject({ kind: 'error', error: { reason: 'stopped' } });

    const cancel = new AbortController();
    const cancelled = createFakeThread();
    const aborted = superviseCodeRun(() => cancelled.thread, job, () => {}, { signal: cancel.signal });
    cancel.abort();
    await expect(aborted).rejects.toMatchObject({ name: 'AbortError' });
    expect(cancelled.terminated).toBe(true);

    const dying = createFakeThread();
    const died = superviseCodeRun(() => dying.thread, job, () => {});
    dying.fail('out of memory');
    expect((await died).outcome).toEqual({ kind: 'error', error: { reason: 'crashed', message: "The Code cell's thread stopped: out of memory", line: null } });
  });
});
