// What the split summary draws, capped so that no target fills the page: the most frequent classes (the rest
// counted as "N more"), the first issues and fold sizes, and a regression target's describe rows formatted for a table.

import type { PartSummary } from '../../../core/split/summarize-split';
import { formatNumber } from '../../../core/table/format-cell';

/** Classes drawn as bars per part, issues and fold sizes listed before "and N more". */
export const MAX_CLASS_BARS = 12;
export const MAX_ISSUES = 6;
export const MAX_FOLD_SIZES = 10;

/** The first `max` items and how many were left out. */
export function capList<T>(items: readonly T[], max: number): { shown: T[]; more: number } {
  return { shown: items.slice(0, max), more: Math.max(0, items.length - max) };
}

/** The `max` class labels with the most rows over all parts, in their own order (as the parts list them), and how many more there are. */
export function pickClassLabels(parts: readonly PartSummary[], max = MAX_CLASS_BARS): { shown: string[]; more: number } {
  const totals = new Map<string, number>();
  for (const part of parts) for (const [label, n] of Object.entries(part.classCounts ?? {})) totals.set(label, (totals.get(label) ?? 0) + n);
  const labels = [...totals.keys()];
  const kept = new Set([...labels].sort((a, b) => (totals.get(b) as number) - (totals.get(a) as number)).slice(0, max));
  return { shown: labels.filter((label) => kept.has(label)), more: labels.length - kept.size };
}

/** The describe columns of a numeric target, in pandas' order. */
export const TARGET_STATS = [
  ['count', 'count'], ['mean', 'mean'], ['std', 'std'], ['min', 'min'], ['p5', '5 %'], ['p25', '25 %'], ['p50', '50 %'], ['p75', '75 %'], ['p95', '95 %'], ['max', 'max'],
] as const;

/** One row of formatted cells per part that has a numeric target summary ('—' where a statistic is undefined). */
export function formatTargetRows(parts: readonly PartSummary[]): { part: string; cells: string[] }[] {
  return parts.filter((p) => p.targetSummary).map((p) => ({
    part: p.part,
    cells: TARGET_STATS.map(([key]) => {
      const value = p.targetSummary?.[key];
      return value === null || value === undefined ? '—' : key === 'count' ? value.toLocaleString('en-US') : formatNumber(value);
    }),
  }));
}
