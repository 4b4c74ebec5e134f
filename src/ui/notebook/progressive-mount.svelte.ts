// Mounts a list one item per animation frame: a notebook opening renders its cells over several short tasks instead
// of one long one (the first render of every cell on a 1,000,000-row notebook held the main thread over 100 ms).

export class ProgressiveMount {
  /** How many items are mounted so far. */
  count = $state(0);

  /** Call from an effect with the number of items; one more mounts each frame until all are. Returns the cleanup. */
  follow(total: number): (() => void) | undefined {
    if (this.count >= total) return undefined;
    const frame = requestAnimationFrame(() => (this.count = Math.min(total, this.count + 1)));
    return () => cancelAnimationFrame(frame);
  }
}
