// Peak memory of the Chromium this Node process launched: every `intervalMs` it sums the resident set (VmRSS in
// /proc/<pid>/status) of its renderer processes — the page and all its workers, nested ones included, live in
// one renderer — found as descendants of this process (other people's Chromiums on the machine are not counted).
// Linux only; elsewhere `available` is false and no samples are taken.
import { existsSync, readdirSync, readFileSync } from 'node:fs';

function readStatus(pid) {
  try {
    return readFileSync(`/proc/${pid}/status`, 'utf8');
  } catch {
    return null; // the process ended between listing and reading
  }
}

function readField(status, name) {
  const match = new RegExp(`^${name}:\\s+(\\d+)`, 'm').exec(status);
  return match ? Number(match[1]) : null;
}

/** Pids of the renderer processes descended from `rootPid`. */
export function listRendererPids(rootPid = process.pid) {
  const parents = new Map();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    const status = readStatus(name);
    const ppid = status && readField(status, 'PPid');
    if (ppid !== null) parents.set(Number(name), ppid);
  }
  const isDescendant = (pid) => {
    for (let p = parents.get(pid), hops = 0; p !== undefined && hops < 32; p = parents.get(p), hops += 1) {
      if (p === rootPid) return true;
    }
    return false;
  };
  return [...parents.keys()].filter((pid) => {
    if (!isDescendant(pid)) return false;
    try {
      return readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('--type=renderer');
    } catch {
      return false;
    }
  });
}

/** Resident bytes of the given pids, summed (ended ones count 0). */
function sumRssBytes(pids) {
  return pids.reduce((sum, pid) => sum + (readField(readStatus(pid) ?? '', 'VmRSS') ?? 0) * 1024, 0);
}

/**
 * Starts sampling; stop() returns { available, samples: [{ epochMs, rssBytes }] }. The renderer list is refreshed
 * every 20 samples (a new page or browser context starts a new renderer).
 */
export function sampleRendererMemory({ intervalMs = 50 } = {}) {
  if (!existsSync('/proc/self/status')) return { stop: () => ({ available: false, samples: [] }) };
  const samples = [];
  let pids = listRendererPids();
  let count = 0;
  const timer = setInterval(() => {
    if (count++ % 20 === 0) pids = listRendererPids();
    samples.push({ epochMs: Date.now(), rssBytes: sumRssBytes(pids) });
  }, intervalMs);
  return {
    stop() {
      clearInterval(timer);
      return { available: true, samples };
    },
  };
}

/**
 * The largest sample inside [fromMs, toMs] and the rise above the smallest sample from `leadMs` before it to its
 * end (memory a previous run left behind may still be released during this one); bytes, or null without samples.
 */
export function findPeak(samples, fromMs, toMs, leadMs = 1000) {
  let peak = null;
  let low = null;
  for (const { epochMs, rssBytes } of samples) {
    if (epochMs < fromMs - leadMs || epochMs > toMs) continue;
    low = Math.min(low ?? Infinity, rssBytes);
    if (epochMs >= fromMs) peak = Math.max(peak ?? 0, rssBytes);
  }
  return { peakBytes: peak, riseBytes: peak === null ? null : peak - low };
}
