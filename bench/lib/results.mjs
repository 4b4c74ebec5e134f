// The committed results of the bench suites: bench/results/<YYYY-MM-DD>.json (UTC day), one entry per suite —
// its newest result of that day, when it ran, the load average before and after, and the machine.
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { resolve } from 'node:path';

export const RESULTS_DIR = resolve(import.meta.dirname, '../results');
const DAY_FILE = /^\d{4}-\d{2}-\d{2}\.json$/;

/** The machine a suite ran on (`chromium`: the bench browser's version, or null when none was opened). */
export function describeMachine(chromium = null) {
  const cpus = os.cpus();
  return { cpus: cpus.length, cpuModel: cpus[0]?.model ?? null, memoryGiB: Math.round(os.totalmem() / 2 ** 30), node: process.version, chromium };
}

/** `uptime`'s 1-, 5- and 15-minute load averages, rounded to 0.01. */
export function readLoad() {
  return os.loadavg().map((value) => Math.round(value * 100) / 100);
}

/** The results file name of `date`'s UTC day: "2026-12-07.json". */
export function nameResultsFile(date) {
  return `${date.toISOString().slice(0, 10)}.json`;
}

/** A day's results with `suite`'s entry put in (replacing that suite's earlier one); the input is not changed. */
export function mergeSuiteEntry(day, dayName, suite, entry) {
  const base = day ?? { day: dayName, suites: {} };
  return { ...base, suites: { ...base.suites, [suite]: entry } };
}

function readDayFile(path) {
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new Error(`Bench results file ${path} is not valid JSON (${error.message}); fix or delete it, then rerun the suite.`);
  }
}

/**
 * Merges one suite's entry into its day's file (made when missing) and returns the file's path.
 * `entry`: { ranAt, finishedAt, loadBefore, loadAfter, machine, result, ratios }.
 */
export function recordSuiteEntry(suite, entry, { dir = RESULTS_DIR, now = new Date() } = {}) {
  const name = nameResultsFile(now);
  const path = resolve(dir, name);
  const day = existsSync(path) ? readDayFile(path) : null;
  mkdirSync(dir, { recursive: true });
  // Written aside and renamed: another bench process reading the file never sees half of it.
  const aside = `${path}.${process.pid}.tmp`;
  writeFileSync(aside, JSON.stringify(mergeSuiteEntry(day, name.slice(0, 10), suite, entry), null, 2) + '\n');
  renameSync(aside, path);
  return path;
}

/** The day files in `dir`, oldest first. */
export function listResultsFiles(dir = RESULTS_DIR) {
  return existsSync(dir) ? readdirSync(dir).filter((name) => DAY_FILE.test(name)).sort() : [];
}

/** Suite → its newest entry over every day file (with `file`: the day file it came from). */
export function readLatestEntries(dir = RESULTS_DIR) {
  const latest = {};
  for (const name of listResultsFiles(dir)) {
    const day = readDayFile(resolve(dir, name));
    for (const [suite, entry] of Object.entries(day.suites ?? {})) latest[suite] = { ...entry, file: name };
  }
  return latest;
}
