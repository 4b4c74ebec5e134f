// Runs a task once after a quiet period (autosave); `flush` runs a pending task at once (pagehide).

/** Calls `task` `delayMs` after the last `schedule()`; at most one pending call at a time. */
export class Debouncer {
  #timer: ReturnType<typeof setTimeout> | null = null;

  constructor(
    private readonly task: () => void,
    private readonly delayMs: number,
  ) {}

  /** Restarts the quiet period. */
  schedule(): void {
    if (this.#timer !== null) clearTimeout(this.#timer);
    this.#timer = setTimeout(() => {
      this.#timer = null;
      this.task();
    }, this.delayMs);
  }

  /** True while a call is waiting. */
  get isPending(): boolean {
    return this.#timer !== null;
  }

  /** Runs the pending call now; does nothing when none is pending. */
  flush(): void {
    if (this.#timer === null) return;
    clearTimeout(this.#timer);
    this.#timer = null;
    this.task();
  }

  /** Drops the pending call without running it. */
  cancel(): void {
    if (this.#timer !== null) clearTimeout(this.#timer);
    this.#timer = null;
  }
}
