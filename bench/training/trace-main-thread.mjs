// Optional (TRAINING_BENCH_TRACE=1): a Chromium trace of the page's main thread during one phase, to tell a
// task's CPU time from its wall time. On a loaded machine a task the observer reports at 200 ms may hold the
// CPU for 5 ms and wait for a core the rest of the time; the trace shows which.
import { readFileSync, rmSync } from 'node:fs';

const CATEGORIES = ['devtools.timeline', 'disabled-by-default-devtools.timeline'];

/** Starts tracing `page` into `path`; returns stop(), which resolves to the main thread's tasks over 50 ms. */
export async function traceMainThread(browser, page, path) {
  await browser.startTracing(page, { path, categories: CATEGORIES });
  return async () => {
    await browser.stopTracing();
    const summary = summarizeTrace(JSON.parse(readFileSync(path, 'utf8')).traceEvents);
    rmSync(path, { force: true });
    return summary;
  };
}

/** The renderer main thread's tasks over 50 ms (wall and CPU ms, longest first) and the largest CPU time among them. */
export function summarizeTrace(events) {
  const names = new Map(events.filter((e) => e.name === 'thread_name').map((e) => [`${e.pid}:${e.tid}`, e.args.name]));
  const counts = new Map();
  for (const e of events) {
    const key = `${e.pid}:${e.tid}`;
    if (names.get(key) === 'CrRendererMain') counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  const main = [...counts].sort((a, b) => b[1] - a[1])[0]?.[0];
  const onMain = events.filter((e) => `${e.pid}:${e.tid}` === main && e.ph === 'X');
  const tasks = onMain
    .filter((e) => e.name === 'RunTask' && e.dur > 50_000)
    .map((e) => ({ wallMs: Math.round(e.dur / 1000), cpuMs: Math.round((e.tdur ?? e.dur) / 1000), inside: describeInside(onMain, e) }))
    .sort((a, b) => b.wallMs - a.wallMs);
  return { tasks, longestCpuMs: tasks.reduce((max, t) => Math.max(max, t.cpuMs), 0) };
}

/** What took the time inside `task`: the longest events it contains (name, ms, and a script's URL or function when the trace names one). */
function describeInside(events, task) {
  const end = task.ts + task.dur;
  return events
    .filter((e) => e !== task && e.ts >= task.ts && e.ts + e.dur <= end && e.dur > 5_000 && e.name !== 'RunTask')
    .sort((a, b) => b.dur - a.dur)
    .slice(0, 6)
    .map((e) => {
      const data = e.args?.data ?? e.args?.beginData ?? {};
      const where = data.url ? ` ${String(data.url).split('/').pop()}` : data.functionName ? ` ${data.functionName}` : data.type ? ` ${data.type}` : '';
      return `${e.name}${where} ${Math.round(e.dur / 1000)}`;
    });
}
