// Main-thread long tasks for journeys: a PerformanceObserver installed before the app's own scripts on every
// load of the page (reloads included), and a summary of what it saw in a window of the page's clock.

import type { Page } from '@playwright/test';

/** Long tasks of one stretch: the longest, how many passed 50 and 200 ms, and each as [start, duration] ms. */
export interface LongTaskSummary {
  longestMs: number;
  over50: number;
  over200: number;
  tasks: [number, number][];
}

/** Starts recording every `longtask` entry of this page and of every later load of it. */
export async function watchLongTasks(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const tasks: [number, number][] = [];
    (window as unknown as { __longTasks: [number, number][] }).__longTasks = tasks;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) tasks.push([Math.round(entry.startTime), Math.round(entry.duration)]);
    }).observe({ type: 'longtask', buffered: true });
  });
}

/** The page's clock now (ms since this load began). */
export function readPageClock(page: Page): Promise<number> {
  return page.evaluate(() => performance.now());
}

/** The long tasks that overlap [fromMs, toMs] of the current load (waits a moment: entries arrive after their task). */
export async function summarizeLongTasks(page: Page, fromMs: number, toMs: number): Promise<LongTaskSummary> {
  await page.waitForTimeout(300);
  const all = await page.evaluate(() => (window as unknown as { __longTasks: [number, number][] }).__longTasks);
  const tasks = all.filter(([start, duration]) => start + duration >= fromMs && start <= toMs);
  return {
    longestMs: tasks.reduce((max, [, duration]) => Math.max(max, duration), 0),
    over50: tasks.filter(([, duration]) => duration > 50).length,
    over200: tasks.filter(([, duration]) => duration > 200).length,
    tasks,
  };
}
