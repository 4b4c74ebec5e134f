import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ProblemSpec } from '../core/problem/types';
import type { RunSummary } from '../core/train/types';
import type { RunPredictions } from '../core/evaluate/run-predictions';
import type { StoredRunRef } from '../workers/stored-runs';
import type { PublishedDataset, PublishedSplit } from './artifacts';
import { CompareCellState, type CompareInputs } from './compare-cell-state.svelte';
import { NotebookState } from './notebook-state.svelte';
import { Studio } from './studio.svelte';

// The training pool answers predictStoredRun from this table (run id → validation predictions), as the worker would.
const PREDICTIONS: Record<string, RunPredictions> = {
  a: { rows: Uint32Array.from([3, 5, 8, 9]), yTrue: Float64Array.from([0, 1, 1, 0]), yPred: Float64Array.from([0, 1, 1, 0]), proba: Float64Array.from([0.9, 0.1, 0.2, 0.8, 0.3, 0.7, 0.6, 0.4]), classes: ['B', 'M'] },
  b: { rows: Uint32Array.from([3, 5, 8, 9]), yTrue: Float64Array.from([0, 1, 1, 0]), yPred: Float64Array.from([0, 0, 1, 1]), proba: null, classes: ['B', 'M'] },
};
const predicted: string[] = [];
vi.mock('../workers/clients', () => ({
  getTrainingPool: () => ({
    run: async <T>(job: (api: unknown) => Promise<T>) => job({
      hasTable: async () => true,
      predictStoredRun: async (_key: string, rows: Uint32Array, ref: StoredRunRef) => { predicted.push(`${ref.runId}:${rows.length}@${ref.dbName}`); return PREDICTIONS[ref.runId]; },
    }),
  }),
}));

const runOf = (id: string, label: string): RunSummary => ({ id, label, classes: ['B', 'M'], metrics: { validation: {}, cv: null } }) as unknown as RunSummary;
const INPUTS: CompareInputs = {
  dataset: { key: 'ds' } as PublishedDataset,
  split: { validation: Uint32Array.from([3, 5, 8, 9]), folds: [] } as unknown as PublishedSplit,
  problem: { task: 'binary', target: 'diagnosis', positiveClass: 'M', primaryMetric: 'roc-auc', secondaryMetrics: [] } as unknown as ProblemSpec,
};
let dbCount = 0;

describe('CompareCellState', () => {
  let notebook: NotebookState;

  beforeEach(async () => {
    vi.stubGlobal('window', new EventTarget());
    const studio = new Studio('/', `compare-cell-test-${dbCount++}`);
    notebook = new NotebookState(studio, await studio.createNotebook('T'));
    await notebook.load();
    predicted.length = 0;
  });
  afterEach(() => {
    notebook.dispose();
    vi.unstubAllGlobals();
  });

  it('predicts A and B on the validation rows, saves the report keyed A|B|alpha, and shows it again after init', async () => {
    const cellId = notebook.addCell('compare');
    const cell = new CompareCellState(notebook, cellId);
    await cell.compare(runOf('a', 'Logistic'), runOf('b', 'Prior'), INPUTS, 0.05);
    // The worker is sent each run by id and database (it reads the model there), never the run itself.
    expect(predicted.sort()).toEqual(['a:4@compare-cell-test-0', 'b:4@compare-cell-test-0']);
    expect({ error: cell.error, status: notebook.runs[cellId].status, key: cell.output?.key, positive: cell.output?.a.positive, counts: cell.output?.report.counts, notes: cell.output?.report.notes })
      .toEqual({ error: null, status: 'done', key: 'a|b|0.05', positive: 1, counts: { bothRight: 2, onlyA: 2, onlyB: 0, bothWrong: 0 }, notes: ['The fold tests cannot run: neither run was cross-validated (set CV folds in the Split cell, keep “Cross-validate” ticked in the Train cell and train again).'] });
    const again = new CompareCellState(notebook, cellId);
    await again.init();
    expect(again.output?.report.headline).toEqual(cell.output?.report.headline);
  });

  it('refuses the same run twice and a missing pick inside the cell, without predicting', async () => {
    const cellId = notebook.addCell('compare');
    const cell = new CompareCellState(notebook, cellId);
    await cell.compare(runOf('a', 'Logistic'), runOf('a', 'Logistic'), INPUTS, 0.05);
    expect([cell.error, notebook.runs[cellId].status, cell.output]).toEqual(['A and B are both “Logistic”: pick two different runs to compare.', 'error', null]);
    await cell.compare(runOf('a', 'Logistic'), null, INPUTS, 0.05);
    expect(cell.error).toBe('Train at least two models to compare, then pick run A and run B.');
    expect(predicted).toEqual([]);
  });
});
