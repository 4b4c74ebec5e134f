import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createAbortError } from '../core/errors';
import type { ModelArtifact } from '../core/notebook/runtime/artifacts';
import type { DatasetId } from '../core/notebook/types';
import { splitRun } from '../core/train/split-run';
import type { MetricScores, TrainingParts, TrainRequest } from '../core/train/types';
import { openStudioDb } from '../storage/db';
import { listRuns, saveRunFit } from '../storage/runs';
import { buildTrainedRun } from '../storage/test-fixtures';
import type { RunStore } from '../workers/stored-runs';
import { createToyPort, TOY_TABLE } from '../test-support/toy-compute-port';
import type { BrowserComputePort, BrowserPortEnv } from './browser-compute-port';
import { NotebookState } from './notebook-state.svelte';
import { Studio } from './studio.svelte';
import { TrainCellState } from './train-cell-state.svelte';
import { trainInPool } from './train-in-pool';

// The training pool, as the real one behaves: jobs run at once, an aborted job rejects with an AbortError. Its
// worker stores each run's fit (model + pipeline) itself and answers with the summary; CV folds wait for `openFolds`.
const foldGates: (() => void)[] = [];
const api = {
  holdDataset: async () => undefined,
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

let dbCount = 0;

/** The toy table's port, training on the (mocked) worker pool as the page's port does. */
function poolBrowserPort(env: BrowserPortEnv): BrowserComputePort {
  const cancels = new Map<string, AbortController>();
  return {
    ...createToyPort(),
    trainCandidates: (job, control) => trainInPool(job, { dataset: { ref: { key: job.datasetKey, source: { dbName: 'toy', datasetId: 'ds1' as DatasetId, overrides: {} } } }, runStore: env.runStore, db: env.db, cancels }, control),
    tableOf: () => TOY_TABLE,
    cancelCandidate: (runId) => cancels.get(runId)?.abort(),
  };
}

describe('TrainCellState', () => {
  let studio: Studio;
  let notebook: NotebookState;

  beforeEach(async () => {
    vi.stubGlobal('window', new EventTarget());
    studio = new Studio('/', `train-cell-test-${dbCount++}`);
    notebook = new NotebookState(studio, await studio.createNotebook('T'), poolBrowserPort);
    await notebook.load();
    foldGates.length = 0;
  });
  afterEach(() => {
    notebook.dispose();
    vi.unstubAllGlobals();
  });

  it('shows the press live; a candidate cancelled after its worker stored the fit leaves nothing stored, the other is kept and shown again after a reload', async () => {
    const dataId = notebook.notebook!.cells[0].id;
    notebook.updateSpec(dataId, 'data', (spec) => ({ ...spec, datasetId: 'ds1' as DatasetId }));
    const problemId = notebook.addCell('problem');
    notebook.updateSpec(problemId, 'problem', (spec) => ({ ...spec, target: 'y', task: 'binary', positiveClass: 'b' }));
    const splitId = notebook.addCell('split');
    notebook.updateSpec(splitId, 'split', (spec) => ({ ...spec, cv: { kind: 'kfold', k: 2 } }));
    const cellId = notebook.addCell('train');
    notebook.updateSpec(cellId, 'train', (spec) => ({ ...spec, candidates: [{ family: 'knn', params: {} }, { family: 'naive_bayes', params: {} }] }));
    await vi.waitFor(() => expect(notebook.cells[problemId].status).toBe('done'));
    await notebook.runCell(splitId);
    const state = new TrainCellState(notebook, cellId);
    const unlisten = state.listen();
    const pressed = state.run();
    await vi.waitFor(() => expect(foldGates.length).toBe(4));
    const db = await studio.db();
    await vi.waitFor(async () => expect(await db.count('runFits')).toBe(2));
    const [knn, bayes] = state.live.map((c) => c.runId);
    const whileRunning = { running: state.running, live: state.live.map((c) => [c.family, c.status]) };
    state.cancelCandidate(bayes);
    foldGates.forEach((open) => open());
    await pressed;
    unlisten();
    await vi.waitFor(async () => expect(await db.getAllKeys('runFits')).toEqual([knn]));
    await notebook.save();

    const reopened = new NotebookState(studio, notebook.id, poolBrowserPort);
    await reopened.load();
    const reloaded = new TrainCellState(reopened, cellId);
    expect({
      whileRunning,
      live: state.live.map((c) => [c.family, c.status]),
      shown: state.runs.map((r) => [r.id, r.family, 'model' in r, r.metrics.cv?.completed]),
      published: (notebook.runtime.publishedBy(cellId) as ModelArtifact | null)?.runs.map((run) => run.id),
      stored: (await listRuns(db, notebook.id, cellId)).map((r) => [r.id, 'model' in r.run, r.run.metrics.cv?.completed]),
      reloaded: { status: reloaded.runtime?.status, runs: reloaded.runs.map((r) => [r.id, 'model' in r]), live: reloaded.live.map((c) => [c.family, c.status]) },
    }).toEqual({
      whileRunning: { running: true, live: [['knn', 'running'], ['naive_bayes', 'running']] },
      live: [['knn', 'done'], ['naive_bayes', 'cancelled']],
      shown: [[knn, 'knn', false, 2]],
      published: [knn],
      stored: [[knn, false, 2]],
      reloaded: { status: 'done', runs: [[knn, false]], live: [['knn', 'done']] },
    });
    reopened.dispose();
  });
});
