import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Debouncer } from './debouncer';

describe('Debouncer', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('runs once, delayMs after the last schedule', () => {
    const calls: number[] = [];
    const debouncer = new Debouncer(() => calls.push(Date.now()), 300);
    const start = Date.now();
    debouncer.schedule();
    vi.advanceTimersByTime(200);
    debouncer.schedule();
    vi.advanceTimersByTime(299);
    expect(calls).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(calls).toEqual([start + 500]);
  });

  it('flush runs a pending call at once and only once', () => {
    let count = 0;
    const debouncer = new Debouncer(() => count++, 300);
    debouncer.flush();
    debouncer.schedule();
    const pendingBefore = debouncer.isPending;
    debouncer.flush();
    vi.advanceTimersByTime(1000);
    expect({ count, pendingBefore, pendingAfter: debouncer.isPending }).toEqual({ count: 1, pendingBefore: true, pendingAfter: false });
  });

  it('cancel drops the pending call', () => {
    let count = 0;
    const debouncer = new Debouncer(() => count++, 300);
    debouncer.schedule();
    debouncer.cancel();
    vi.advanceTimersByTime(1000);
    expect(count).toBe(0);
  });
});
