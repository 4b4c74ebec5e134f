import { describe, expect, it } from 'vitest';
import type { NotebookId } from '../core/notebook/types';
import type { RunSummary } from '../core/train/types';
import { ANY_RUN, filterRuns, listRunFacets, parseRunSearch, parseTagList, sortRuns, type RunRow } from './runs-view';

function rowOf(id: string, notebook: string, summary: Partial<RunSummary>): RunRow {
  const run = {
    id, family: 'knn', label: 'k-nearest neighbours', baseline: false, params: {}, task: 'binary', seed: 1, primaryMetric: 'accuracy',
    metrics: { validation: {}, cv: null }, curve: [], durationMs: 1, trainedAt: 0, stopped: false, featureNames: [], info: {}, ...summary,
  } as RunSummary;
  return { id, notebookId: notebook as NotebookId, notebookName: `Notebook ${notebook}`, run, versions: [] };
}

const ROWS = [
  rowOf('a', 'n1', { family: 'logistic_regression', label: 'logistic regression', params: { C: 1 }, trainedAt: 100, metrics: { validation: { accuracy: { value: 0.9 }, 'log-loss': { value: 0.3 } }, cv: null } }),
  rowOf('b', 'n1', { family: 'gradient_boosting', label: 'gradient boosting', params: { maxDepth: 3 }, trainedAt: 300, metrics: { validation: { accuracy: { value: 0.95 }, 'log-loss': { value: 0.2 } }, cv: null } }),
  rowOf('c', 'n2', { family: 'linear_regression', label: 'linear regression', task: 'regression', trainedAt: 200, metrics: { validation: { rmse: { value: 2 } }, cv: null } }),
  rowOf('d', 'n2', { family: 'knn', params: { k: 5 }, trainedAt: 50, metrics: { validation: { accuracy: { value: null, reason: 'no rows' } }, cv: null } }),
];
const ids = (rows: readonly RunRow[]) => rows.map((row) => row.id);

describe('filterRuns', () => {
  it('keeps every row with an empty filter and narrows by notebook, family and task', () => {
    expect([
      ids(filterRuns(ROWS, ANY_RUN)),
      ids(filterRuns(ROWS, { ...ANY_RUN, notebookId: 'n2' })),
      ids(filterRuns(ROWS, { ...ANY_RUN, family: 'knn' })),
      ids(filterRuns(ROWS, { ...ANY_RUN, task: 'regression' })),
      ids(filterRuns(ROWS, { ...ANY_RUN, notebookId: 'n1', task: 'regression' })),
    ]).toEqual([['a', 'b', 'c', 'd'], ['c', 'd'], ['d'], ['c'], []]);
  });

  it('searches label, family, params and notebook name, ignoring case and outer spaces', () => {
    expect([
      ids(filterRuns(ROWS, { ...ANY_RUN, text: ' Boosting ' })),
      ids(filterRuns(ROWS, { ...ANY_RUN, text: 'k=5' })),
      ids(filterRuns(ROWS, { ...ANY_RUN, text: 'notebook n2' })),
      ids(filterRuns(ROWS, { ...ANY_RUN, text: 'linear_' })),
    ]).toEqual([['b'], ['d'], ['c', 'd'], ['c']]);
  });
});

describe('sortRuns', () => {
  it('puts the newest trained first', () => {
    expect(ids(sortRuns(ROWS, { kind: 'trained' }))).toEqual(['b', 'c', 'a', 'd']);
  });

  it('sorts by a metric in its direction, runs without a value last (newest first among them)', () => {
    expect({
      accuracy: ids(sortRuns(ROWS, { kind: 'metric', metric: 'accuracy' })),
      logLoss: ids(sortRuns(ROWS, { kind: 'metric', metric: 'log-loss' })),
    }).toEqual({ accuracy: ['b', 'a', 'c', 'd'], logLoss: ['b', 'a', 'c', 'd'] });
  });

  it('orders a lower-is-better metric ascending', () => {
    const rows = [rowOf('x', 'n', { trainedAt: 1, metrics: { validation: { rmse: { value: 3 } }, cv: null } }), rowOf('y', 'n', { trainedAt: 2, metrics: { validation: { rmse: { value: 1 } }, cv: null } })];
    expect(ids(sortRuns([...rows].reverse(), { kind: 'metric', metric: 'rmse' }))).toEqual(['y', 'x']);
    expect(ids(sortRuns(rows, { kind: 'metric', metric: 'rmse' }))).toEqual(['y', 'x']);
  });
});

describe('listRunFacets', () => {
  it('lists notebooks by name, families, tasks and the metrics present in registry order', () => {
    expect(listRunFacets(ROWS)).toEqual({
      notebooks: [{ id: 'n1', name: 'Notebook n1' }, { id: 'n2', name: 'Notebook n2' }],
      families: ['gradient_boosting', 'knn', 'linear_regression', 'logistic_regression'],
      tasks: ['binary', 'regression'],
      metrics: ['accuracy', 'log-loss', 'rmse'],
    });
  });
});

describe('tags, notes and archived runs in the filter', () => {
  const TAGGED = [
    rowOf('t1', 'n1', { tags: ['Baseline', 'v2'], note: 'first try with more trees', trainedAt: 3 }),
    rowOf('t2', 'n1', { tags: ['v2'], trainedAt: 2 }),
    rowOf('t3', 'n1', { tags: ['v2'], archived: true, trainedAt: 1 }),
  ];

  it('keeps runs with every tag:name asked (any case), matches the other words on notes and tags too', () => {
    expect([
      ids(filterRuns(TAGGED, { ...ANY_RUN, text: 'tag:v2' })),
      ids(filterRuns(TAGGED, { ...ANY_RUN, text: 'tag:baseline tag:V2' })),
      ids(filterRuns(TAGGED, { ...ANY_RUN, text: 'tag:v2 more trees' })),
      ids(filterRuns(TAGGED, { ...ANY_RUN, text: 'tag:none' })),
      ids(filterRuns(TAGGED, { ...ANY_RUN, text: 'baseline' })),
    ]).toEqual([['t1', 't2'], ['t1'], ['t1'], [], ['t1']]);
  });

  it('hides archived runs unless "Show archived" is on', () => {
    expect([ids(filterRuns(TAGGED, ANY_RUN)), ids(filterRuns(TAGGED, { ...ANY_RUN, showArchived: true }))]).toEqual([['t1', 't2'], ['t1', 't2', 't3']]);
  });

  it('parses the search box and a typed tag list', () => {
    expect([parseRunSearch('  tag:A  gradient  Tag:b tag: '), parseTagList(' baseline, v2  tuned,,v2 ')]).toEqual([
      { tags: ['a', 'b'], text: 'gradient tag:' }, ['baseline', 'v2', 'tuned'],
    ]);
  });
});
