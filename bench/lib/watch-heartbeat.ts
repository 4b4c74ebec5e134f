// Main-thread responsiveness for the bench pages: a 5 ms heartbeat whose longest gap cross-checks the
// long-task observer (a frozen page shows as one long gap).

/** Starts the heartbeat; the returned stop() gives the longest gap between beats, in ms. */
export function watchHeartbeat(): () => number {
  let last = performance.now();
  let maxGap = 0;
  const timer = setInterval(() => {
    const now = performance.now();
    maxGap = Math.max(maxGap, now - last);
    last = now;
  }, 5);
  return () => {
    clearInterval(timer);
    return Math.max(maxGap, performance.now() - last);
  };
}
