// Main-thread responsiveness of the app page: every `longtask` entry (PerformanceObserver, ≥ 50 ms by
// definition) and every gap over 50 ms between animation frames (the rAF heartbeat, as bench/lib/watch-heartbeat.ts
// does with a timer), recorded from the first script on, on every load of the page (reloads included).

/** Runs in the page before its own scripts (page.addInitScript): keeps the entries on window.__mainThread. */
export function installMainThreadWatch() {
  const record = { tasks: [], gaps: [] };
  window.__mainThread = record;
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) record.tasks.push({ startMs: entry.startTime, durationMs: entry.duration });
  }).observe({ type: 'longtask', buffered: true });
  let last = performance.now();
  const beat = (now) => {
    if (now - last > 50) record.gaps.push({ startMs: last, durationMs: now - last });
    last = now;
    requestAnimationFrame(beat);
  };
  requestAnimationFrame(beat);
}

/** The page's clock now (ms since this load's time origin). */
export function readPageClock(page) {
  return page.evaluate(() => performance.now());
}

/**
 * Long tasks and heartbeat gaps overlapping [fromMs, toMs] of the page's current load: longest task, count over
 * 50 ms and over 200 ms, and the longest gap. Waits a moment first: observers report after the task ends.
 */
export async function summarizePhase(page, fromMs, toMs) {
  await page.waitForTimeout(300);
  const { tasks, gaps } = await page.evaluate(() => window.__mainThread);
  const overlaps = (entry) => entry.startMs + entry.durationMs >= fromMs && entry.startMs <= toMs;
  const inPhase = tasks.filter(overlaps);
  const longest = inPhase.reduce((max, t) => Math.max(max, t.durationMs), 0);
  return {
    durationMs: toMs - fromMs,
    longestTaskMs: longest,
    tasksOver50: inPhase.filter((t) => t.durationMs > 50).length,
    tasksOver200: inPhase.filter((t) => t.durationMs > 200).length,
    longestGapMs: gaps.filter(overlaps).reduce((max, g) => Math.max(max, g.durationMs), 0),
    tasks: inPhase.map((t) => [Math.round(t.startMs), Math.round(t.durationMs)]),
  };
}
