// Pure helpers of the Runs page: filter and sort the stored runs of every notebook, and the comparison of 2–N
// selected runs (parameters with the differing ones marked, metrics side by side, every run's curve overlaid).

import type { NotebookId } from '../core/notebook/types';
import type { ModelVersion } from '../core/registry/types';
import { METRICS, isMetricId, type MetricId } from '../core/problem/metrics';
import type { RunSummary } from '../core/train/types';

/** One row of the Runs page: a stored run, its notebook's name and the registry versions made of it. */
export interface RunRow {
  readonly id: string;
  readonly notebookId: NotebookId;
  readonly notebookName: string;
  readonly run: RunSummary;
  readonly versions: readonly Pick<ModelVersion, 'modelName' | 'version' | 'stage'>[];
}

/**
 * What the table shows: '' in a field means "any"; `text` matches label, family, params, tags, note and notebook name,
 * case-insensitively, and each `tag:name` word in it keeps only runs tagged so. Archived runs only with `showArchived`.
 */
export interface RunFilter {
  notebookId: string;
  family: string;
  task: string;
  text: string;
  showArchived: boolean;
}

export const ANY_RUN: RunFilter = { notebookId: '', family: '', task: '', text: '', showArchived: false };

/** Newest trained first, or best first by a metric's validation value in its own direction (runs without it last). */
export type RunSort = { kind: 'trained' } | { kind: 'metric'; metric: MetricId };

/** The rows that pass every field of `filter`, in their order. */
export function filterRuns(rows: readonly RunRow[], filter: RunFilter): RunRow[] {
  const { tags, text } = parseRunSearch(filter.text);
  return rows.filter((row) => {
    if (!filter.showArchived && row.run.archived) return false;
    if (filter.notebookId !== '' && row.notebookId !== filter.notebookId) return false;
    if (filter.family !== '' && row.run.family !== filter.family) return false;
    if (filter.task !== '' && row.run.task !== filter.task) return false;
    const own = (row.run.tags ?? []).map((tag) => tag.toLowerCase());
    if (!tags.every((tag) => own.includes(tag))) return false;
    return text === '' || describeSearchText(row).includes(text);
  });
}

/** A search box's text split into the tags it asks for (`tag:name`, lower-cased) and the rest, trimmed and lower-cased. */
export function parseRunSearch(search: string): { tags: string[]; text: string } {
  const words = search.trim().toLowerCase().split(/\s+/).filter((word) => word !== '');
  const tags = words.filter((word) => word.startsWith('tag:') && word.length > 4).map((word) => word.slice(4));
  return { tags, text: words.filter((word) => !(word.startsWith('tag:') && word.length > 4)).join(' ') };
}

/** Tags typed as one line ("baseline, v2  tuned"): split on commas and spaces, blanks dropped. */
export function parseTagList(typed: string): string[] {
  return [...new Set(typed.split(/[\s,]+/).filter((tag) => tag !== ''))];
}

function describeSearchText(row: RunRow): string {
  const params = Object.entries(row.run.params).map(([name, value]) => `${name}=${String(value)}`);
  return [row.run.label, row.run.family, row.notebookName, ...params, ...(row.run.tags ?? []), row.run.note ?? ''].join(' ').toLowerCase();
}

/** A sorted copy of `rows`; ties keep the newest trained first. */
export function sortRuns(rows: readonly RunRow[], sort: RunSort): RunRow[] {
  const byDate = (a: RunRow, b: RunRow) => b.run.trainedAt - a.run.trainedAt;
  if (sort.kind === 'trained') return [...rows].sort(byDate);
  const sign = METRICS[sort.metric].direction === 'higher' ? -1 : 1;
  const valueOf = (row: RunRow) => row.run.metrics.validation[sort.metric]?.value ?? null;
  return [...rows].sort((a, b) => {
    const [x, y] = [valueOf(a), valueOf(b)];
    if (x === null || y === null) return x === y ? byDate(a, b) : x === null ? 1 : -1;
    return x === y ? byDate(a, b) : sign * (x - y);
  });
}

/** The distinct notebooks, families, tasks and validation metrics among `rows`, for the filter and sort controls. */
export function listRunFacets(rows: readonly RunRow[]): { notebooks: { id: string; name: string }[]; families: string[]; tasks: string[]; metrics: MetricId[] } {
  const notebooks = new Map(rows.map((row) => [row.notebookId as string, row.notebookName]));
  const metrics = new Set(rows.flatMap((row) => Object.keys(row.run.metrics.validation).filter(isMetricId)));
  return {
    notebooks: [...notebooks].map(([id, name]) => ({ id, name })).sort((a, b) => a.name.localeCompare(b.name)),
    families: [...new Set(rows.map((row) => row.run.family))].sort(),
    tasks: [...new Set(rows.map((row) => row.run.task))].sort(),
    metrics: Object.keys(METRICS).filter((id): id is MetricId => metrics.has(id as MetricId)),
  };
}
