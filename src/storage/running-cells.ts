// Which cells of a notebook are running, written as runs start and end. localStorage is written at once (an
// IndexedDB write still in flight dies with the page), so cells still marked when the notebook opens again were
// running when the page went away: they were interrupted. Where storage is blocked the marks are simply not kept.

const keyOf = (notebookId: string) => `ml-studio:running:${notebookId}`;

/** Records `cellIds` as the running cells of `notebookId` (none: the mark is removed). */
export function writeRunningCells(notebookId: string, cellIds: readonly string[]): void {
  try {
    if (cellIds.length === 0) globalThis.localStorage?.removeItem(keyOf(notebookId));
    else globalThis.localStorage?.setItem(keyOf(notebookId), JSON.stringify(cellIds));
  } catch {
    // Blocked or full: an interruption will not be reported, nothing else changes.
  }
}

/** The cells recorded as running in `notebookId` (empty when none, or unreadable). */
export function readRunningCells(notebookId: string): string[] {
  try {
    const stored: unknown = JSON.parse(globalThis.localStorage?.getItem(keyOf(notebookId)) ?? '[]');
    return Array.isArray(stored) ? stored.filter((id): id is string => typeof id === 'string') : [];
  } catch {
    return [];
  }
}
