// The memory one import or training job may plan to use, from what the platform tells (passed in: core reads no
// globals). Estimates (estimate-import-bytes.ts, estimate-training-bytes.ts) are checked against it before work starts.

const GIB = 1024 ** 3;

/**
 * The budget when the platform tells nothing (Firefox and Safari report no device memory): 4 GiB, what an 8 GB device
 * gets from its share below, and about what a 64-bit tab can hold in typed arrays besides its JS heap.
 */
export const DEFAULT_MEMORY_BUDGET_BYTES = 4 * GIB;
/** Share of the device's (or machine's) memory one job may plan to use: the tab, the OS and other tabs need the rest. */
export const MEMORY_SHARE = 0.5;
/** The least budget any platform figure gives: below it the estimates' fixed costs dominate. */
export const MIN_MEMORY_BUDGET_BYTES = 256 * 1024 ** 2;

/** What the platform says about memory; every field optional. */
export interface PlatformMemory {
  /** `navigator.deviceMemory` (GiB, rounded down to a power of two, at most 8; Chromium only). */
  readonly deviceMemoryGiB?: number;
  /** `performance.memory.jsHeapSizeLimit` (bytes; Chromium's page only): the JS heap's ceiling. */
  readonly jsHeapSizeLimitBytes?: number;
  /** Node: `os.totalmem()` (bytes). */
  readonly totalMemoryBytes?: number;
}

/**
 * The budget in bytes: MEMORY_SHARE of the machine's memory in Node, of the device's memory in Chromium, else the JS
 * heap's ceiling where known, else DEFAULT_MEMORY_BUDGET_BYTES; never below MIN_MEMORY_BUDGET_BYTES. Figures that are
 * missing, zero or not finite are skipped.
 */
export function deriveMemoryBudgetBytes(platform: PlatformMemory = {}): number {
  const usable = (x: number | undefined): x is number => typeof x === 'number' && Number.isFinite(x) && x > 0;
  let bytes = DEFAULT_MEMORY_BUDGET_BYTES;
  if (usable(platform.totalMemoryBytes)) bytes = platform.totalMemoryBytes * MEMORY_SHARE;
  else if (usable(platform.deviceMemoryGiB)) bytes = platform.deviceMemoryGiB * GIB * MEMORY_SHARE;
  else if (usable(platform.jsHeapSizeLimitBytes)) bytes = platform.jsHeapSizeLimitBytes;
  return Math.max(MIN_MEMORY_BUDGET_BYTES, Math.floor(bytes));
}

const BYTE_UNITS = ['B', 'KB', 'MB', 'GB', 'TB'];

/** 1024-based, one decimal from KB up (as the UI's formatBytes): 2147483648 → "2.0 GB". */
export function formatBytes(bytes: number): string {
  let value = Math.max(0, bytes);
  let unit = 0;
  while (value >= 1024 && unit < BYTE_UNITS.length - 1) {
    value /= 1024;
    unit++;
  }
  return unit === 0 ? `${Math.round(value)} B` : `${value.toFixed(1)} ${BYTE_UNITS[unit]}`;
}

/** A count for a sentence: exact below a million ("840,000"), then in millions ("1.2 M"). */
export function formatRows(count: number): string {
  return count < 1_000_000 ? count.toLocaleString('en-US') : `${(count / 1_000_000).toFixed(1)} M`;
}
