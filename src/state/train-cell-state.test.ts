import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createAbortError } from '../core/errors';
import type { TrainCellSpec } from '../core/notebook/types';
import type { ProblemSpec } from '../core/problem/types';
import { splitRun } from '../core/train/split-run';
import type { MetricScores, TrainingParts, TrainRequest } from '../core/train/types';
import { openStudioDb } from '../storage/db';
import { listRuns, saveRunFit } from '../storage/runs';
import { buildTrainedRun } from '../storage/test-fixtures';
import type { RunStore } from '../workers/stored-runs';
import type { PublishedDataset, PublishedSplit } from './artifacts';
import { NotebookState } from './notebook-state.svelte';
import { Studio } from './studio.svelte';
import { TrainCellState, type TrainInputs } from './train-cell-state.svelte';

// The training pool, as the real one behaves: jobs run at once, an aborted job rejects with an AbortError. Its
// worker stores each run's fit (model + pipeline) itself and answers with the summary; CV folds wait for `openFolds`.
const foldGates: (() => void)[] = [];
const api = {
  hasTable: async () => true,
  requestStop: async () => undefined,
  trainRun: async (_key: string, _parts: TrainingParts, request: TrainRequest, _backend: string, store: RunStore) => {
    const { summary, fit } = splitRun({ ...buildTrainedRun(request.id, Date.now()), family: request.family });
    const db = await openStudioDb(store.dbName);
    await saveRunFit(db, store.notebookId, request.id, fit);
    db.close();
    return summary;
  },
  trainFold: () => new Promise<MetricScores>((resolve) => foldGates.push(() => resolve({ accuracy: { value: 0.75 } }))),
};
vi.mock('../workers/clients', () => ({
  getTrainingPool: () => ({
    size: 2,
    broadcast: () => undefined,
    run: <T>(job: (remote: typeof api) => Promise<T>, signal?: AbortSignal) => new Promise<T>((resolve, reject) => {
      if (signal?.aborted) return reject(createAbortError());
      signal?.addEventListener('abort', () => reject(createAbortError()), { once: true });
      job(api).then(resolve, reject);
    }),
  }),
}));

const PROBLEM: ProblemSpec = { target: 'y', task: 'binary', primaryMetric: 'accuracy', secondaryMetrics: [] };
const SPEC: TrainCellSpec = { candidates: [{ family: 'knn', params: {} }, { family: 'naive_bayes', params: {} }], tryAll: false, crossValidate: true, autoPrepare: true, seed: 1, backend: 'auto' };
const INPUTS: TrainInputs = {
  dataset: { key: 'ds' } as PublishedDataset,
  split: { key: 's', train: Uint32Array.of(0, 1), validation: Uint32Array.of(2), test: new Uint32Array(0), folds: [{ train: Uint32Array.of(0), validation: Uint32Array.of(1) }] } as PublishedSplit,
  pipeline: null,
  problem: PROBLEM,
};
let dbCount = 0;

describe('TrainCellState', () => {
  let studio: Studio;
  let notebook: NotebookState;

  beforeEach(async () => {
    vi.stubGlobal('window', new EventTarget());
    studio = new Studio('/', `train-cell-test-${dbCount++}`);
    notebook = new NotebookState(studio, await studio.createNotebook('T'));
    await notebook.load();
    foldGates.length = 0;
  });
  afterEach(() => {
    notebook.dispose();
    vi.unstubAllGlobals();
  });

  it('keeps summaries only; a candidate cancelled after its worker stored the fit leaves nothing stored, the other is listed after a reload', async () => {
    const cellId = notebook.addCell('train');
    const state = new TrainCellState(notebook, cellId);
    const pressed = state.train(SPEC, INPUTS);
    await vi.waitFor(() => expect(foldGates.length).toBe(2));
    const db = await studio.db();
    await vi.waitFor(async () => expect(await db.count('runFits')).toBe(2));
    const [knn, bayes] = state.live.map((c) => c.runId);
    state.cancelCandidate(bayes);
    foldGates.forEach((open) => open());
    await pressed;
    await vi.waitFor(async () => expect(await db.getAllKeys('runFits')).toEqual([knn]));

    const reloaded = new TrainCellState(notebook, cellId);
    await reloaded.init();
    expect({
      live: state.live.map((c) => [c.family, c.status]),
      shown: state.runs.map((r) => [r.id, r.family, 'model' in r, r.metrics.cv?.completed]),
      stored: (await listRuns(db, notebook.id, cellId)).map((r) => [r.id, 'model' in r.run, r.run.metrics.cv?.completed]),
      reloaded: reloaded.runs.map((r) => [r.id, 'model' in r]),
    }).toEqual({
      live: [['knn', 'done'], ['naive_bayes', 'cancelled']],
      shown: [[knn, 'knn', false, 1]],
      stored: [[knn, false, 1]],
      reloaded: [[knn, false]],
    });
  });
});
