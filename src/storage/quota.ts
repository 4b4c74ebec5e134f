// Writes that may meet a full disk. A QuotaExceededError — thrown by a request, or the reason a transaction aborted —
// becomes one StorageError naming what was being written, its size, the biggest stored items and where to free
// space; listeners (the studio's banner) hear of it. Each write is one transaction, so nothing of it is kept.

import { StudioError } from '../core/errors';
import type { StudioDb } from './db';
import { listLargestItems, type StoredItem } from './largest-items';

/** What a refused write was and what the store holds most of. `bytes` are estimates before the browser compresses. */
export interface QuotaReport {
  readonly what: string;
  readonly bytes: number;
  readonly largest: readonly StoredItem[];
  readonly message: string;
}

const listeners = new Set<(report: QuotaReport) => void>();

/** Hears every refused write of this page; returns the unsubscribe function. */
export function listenForQuota(listener: (report: QuotaReport) => void): () => void {
  listeners.add(listener);
  return () => void listeners.delete(listener);
}

/** True for the browser's "storage is full" (a DOMException named QuotaExceededError, or a transaction aborted by one). */
export function isQuotaError(error: unknown): boolean {
  return (error as { name?: unknown } | null)?.name === 'QuotaExceededError';
}

/**
 * Runs `write` (one transaction); a quota failure becomes a StorageError whose message names `what.label`, its
 * `what.bytes` and the three biggest stored items. Other failures pass through unchanged.
 */
export async function guardQuota<T>(db: StudioDb, what: { label: string; bytes: number }, write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (!isQuotaError(error)) throw error;
    const largest = await listLargestItems(db, 3).catch(() => []);
    const report: QuotaReport = { what: what.label, bytes: what.bytes, largest, message: describeQuota(what, largest) };
    for (const listener of listeners) listener(report);
    throw new StudioError('StorageError', report.message);
  }
}

function describeQuota(what: { label: string; bytes: number }, largest: readonly StoredItem[]): string {
  const biggest = largest.length > 0 ? ` Biggest stored: ${largest.map((item) => `${item.kind} “${item.name}” (${formatMegabytes(item.bytes)})`).join(', ')}.` : '';
  return `Browser storage is full: ${what.label} (about ${formatMegabytes(what.bytes)}) could not be saved, and nothing of it was written.${biggest} Free space on Home (Workspace › Clean up, or delete datasets and notebooks you no longer need), then try again.`;
}

/** Megabytes with one decimal, at least 0.1 MB. */
export function formatMegabytes(bytes: number): string {
  return `${Math.max(0.1, Math.round(bytes / 104_857.6) / 10)} MB`;
}
