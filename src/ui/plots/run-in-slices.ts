// Runs many small synchronous steps without holding the main thread: after each step that ends a slice of
// `sliceMs`, it waits for the next task so input, rendering and messages go first.

/** Lets the event loop run: scheduler.yield where the browser has it, else a message-channel task (no 4 ms timer clamp). */
export function yieldToEventLoop(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  if (scheduler?.yield) return scheduler.yield();
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}

/**
 * Calls `steps` in order, yielding (`yieldNow`) whenever `sliceMs` have passed since the last yield; a step that
 * throws is skipped (the caller's next use of what it made reports the error). Resolves to the number of yields.
 */
export async function runInSlices(steps: readonly (() => unknown)[], sliceMs = 25, yieldNow = yieldToEventLoop, now = () => performance.now()): Promise<number> {
  let sliceStart = now();
  let yields = 0;
  for (const step of steps) {
    try {
      step();
    } catch {
      // Plotly's module initialisers throw again, with their real error, when the entry needs them.
    }
    if (now() - sliceStart < sliceMs) continue;
    await yieldNow();
    yields += 1;
    sliceStart = now();
  }
  return yields;
}
