// The one clock of core: milliseconds from the runtime's monotonic timer (browsers, workers and Node ≥ 20 all
// have `performance.now()`). Declared here rather than taken from the DOM library, which core compiles without.

const runtime = globalThis as unknown as { performance: { now(): number } };

/** Monotonic time in milliseconds (fractional); only differences mean anything. */
export function nowMs(): number {
  return runtime.performance.now();
}
