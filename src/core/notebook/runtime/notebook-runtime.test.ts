import { describe, expect, it } from 'vitest';
import { createToyPort as createPort } from '../../../test-support/toy-compute-port';
import { CELL_KINDS } from '../cell-kinds';
import { addCell, createNotebook, deleteCell, updateCellSpec } from '../reducers';
import type { RunSummary } from '../../train/types';
import type { CellId, DatasetId, Notebook, NotebookId } from '../types';
import type { RunProgress } from './runner';
import type { TrainOutput, TrainProgressDetail } from './runners/train';
import type { CandidateOutcome, TrainJob, JobControl } from './compute-port';
import { NotebookRuntime, type OutputStore, type SavedOutput } from './notebook-runtime';

function buildNotebook(): Notebook {
  let notebook = createNotebook('nb' as NotebookId, 'toy', 0);
  for (const [kind, id] of [['data', 'd'], ['problem', 'p'], ['split', 's'], ['prepare', 'q'], ['note', 'n']] as const) notebook = addCell(notebook, kind, id as CellId, 0);
  notebook = updateCellSpec(notebook, 'd' as CellId, 'data', (spec) => ({ ...spec, datasetId: 'ds1' as DatasetId }), 0);
  return updateCellSpec(notebook, 'p' as CellId, 'problem', (spec) => ({ ...spec, target: 'y', task: 'binary', positiveClass: 'b' }), 0);
}

const statuses = (runtime: NotebookRuntime, notebook: Notebook) => Object.fromEntries(notebook.cells.map((cell) => [cell.id, runtime.get(cell.id).status]));
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('NotebookRuntime', () => {
  it('runs the automatic cells by itself, then Run all runs the rest top to bottom and publishes each artifact', async () => {
    const port = createPort();
    const notebook = buildNotebook();
    const runtime = new NotebookRuntime({ compute: port });
    runtime.setNotebook(notebook);
    await settle();
    await settle();
    expect(statuses(runtime, notebook)).toEqual({ d: 'done', p: 'done', s: 'idle', q: 'waiting', n: 'done' });
    expect(runtime.get('q' as CellId).waiting).toBe('Run the Split cell above.');
    expect(await runtime.runAll()).toEqual({ failed: null });
    expect(statuses(runtime, notebook)).toEqual({ d: 'done', p: 'done', s: 'done', q: 'done', n: 'done' });
    expect(port.jobs).toEqual(['open', 'split']);
    // No steps: the identity pipeline, published without a fit.
    expect(runtime.publishedBy('q' as CellId)).toMatchObject({ steps: [], fitted: { steps: [], inputColumns: [{ name: 'x', kind: 'numeric' }, { name: 'y', kind: 'categorical' }] } });
    expect(runtime.inputsOf('q' as CellId).split?.train.length).toBe(28);
  });

  it('an edit upstream makes the cells below stale; Run stale runs them (and what they make stale), each once', async () => {
    const port = createPort();
    let notebook = buildNotebook();
    const runtime = new NotebookRuntime({ compute: port });
    runtime.setNotebook(notebook);
    await settle();
    await runtime.runAll();
    notebook = updateCellSpec(notebook, 's' as CellId, 'split', (spec) => ({ ...spec, seed: 7 }), 1);
    runtime.setNotebook(notebook);
    expect(statuses(runtime, notebook)).toEqual({ d: 'done', p: 'done', s: 'stale', q: 'waiting', n: 'done' });
    port.jobs.length = 0;
    await runtime.runAll({ onlyStale: true });
    expect([port.jobs, statuses(runtime, notebook)]).toEqual([['split'], { d: 'done', p: 'done', s: 'done', q: 'done', n: 'done' }]);
  });

  it('a deleted cell comes back with its output when the delete is undone (the same notebook again)', async () => {
    const port = createPort();
    const notebook = buildNotebook();
    const runtime = new NotebookRuntime({ compute: port });
    runtime.setNotebook(notebook);
    await settle();
    await runtime.runAll();
    const split = runtime.get('s' as CellId).output;
    expect(split).not.toBeNull();
    runtime.setNotebook(deleteCell(notebook, 's' as CellId, 1));
    expect(runtime.get('q' as CellId).status).toBe('waiting');
    port.jobs.length = 0;
    runtime.setNotebook(notebook);
    expect([runtime.get('s' as CellId).status, runtime.get('s' as CellId).output, runtime.get('q' as CellId).status]).toEqual(['done', split, 'done']);
    expect(port.jobs).toEqual([]);
  });

  it('a failed cell shows its error, stops Run all, and the cells below wait for it', async () => {
    let notebook = buildNotebook();
    notebook = updateCellSpec(notebook, 'p' as CellId, 'problem', (spec) => ({ ...spec, target: 'x', task: 'binary' }), 0);
    const runtime = new NotebookRuntime({ compute: createPort() });
    runtime.setNotebook(notebook);
    await settle();
    await settle();
    expect(runtime.get('p' as CellId)).toMatchObject({ status: 'error', error: '"x" has 40 classes, but binary needs 2. Choose multiclass, or group the classes first.' });
    expect(await runtime.runAll({ strict: true })).toEqual({ failed: 'p' });
    expect(runtime.get('s' as CellId)).toMatchObject({ status: 'waiting', waiting: 'The Problem cell above failed; fix it and run it again.' });
  });

  it('restores saved outputs of the same kind and version; one of other inputs shows as stale, a foreign record is ignored', async () => {
    const saved = new Map<CellId, unknown>();
    const store: OutputStore = { load: async () => saved, save: async (cellId, record) => void saved.set(cellId, record) };
    const notebook = buildNotebook();
    const first = new NotebookRuntime({ compute: createPort(), outputs: store });
    first.setNotebook(notebook);
    await settle();
    await first.runAll();
    expect((saved.get('s' as CellId) as SavedOutput).kind).toBe('split');
    saved.set('q' as CellId, { kind: 'prepare', outputVersion: 99, inputKey: 'x', output: {} });
    const port = createPort();
    const second = new NotebookRuntime({ compute: port, outputs: store });
    second.setNotebook(updateCellSpec(notebook, 's' as CellId, 'split', (spec) => ({ ...spec, fractions: { train: 0.5, validation: 0.25, test: 0.25 } }), 2));
    await second.restore();
    await settle();
    expect([second.get('s' as CellId).status, second.get('q' as CellId).status, port.jobs]).toEqual(['stale', 'waiting', ['open']]);
  });

  it('a cell with nothing above to read waits, naming the cell to add; the producer above a cell is the nearest whose runner publishes the kind', () => {
    const notebook = addCell(createNotebook('nb' as NotebookId, 'n', 0), 'split', 's' as CellId, 0);
    const runtime = new NotebookRuntime({ compute: createPort() });
    runtime.setNotebook(notebook);
    expect(runtime.get('s' as CellId)).toMatchObject({ status: 'waiting', waiting: 'Add a Data cell above this one.' });
    const full = new NotebookRuntime({ compute: createPort() });
    full.setNotebook(buildNotebook());
    expect([full.findProducer('q' as CellId, 'split'), full.findProducer('q' as CellId, 'dataset'), full.findProducer('s' as CellId, 'pipeline'), full.findProducer('d' as CellId, 'dataset'), full.findProducer('zz' as CellId, 'dataset')])
      .toEqual(['s', 'd', null, null, null]);
    expect(CELL_KINDS.split.title).toBe('Split');
  });

  it('a Train press is heard from its first report; Stop keeps what finished, cancelAll keeps nothing, and a press on other rows starts a new board', async () => {
    const jobs: { job: TrainJob; control?: JobControl; finish: () => void }[] = [];
    const port = createPort({
      trainCandidates: (job, control) => new Promise<CandidateOutcome[]>((resolve, reject) => {
        const finish = () => {
          const stopped = control?.stop?.aborted === true;
          resolve(job.requests.map((r) => ({ runId: r.id, status: stopped ? 'stopped' : 'done', run: fakeRun(r.id, r.family, r.configKey, stopped) })));
        };
        control?.signal?.addEventListener('abort', () => reject(Object.assign(new Error('cancelled'), { name: 'AbortError' })));
        jobs.push({ job, control, finish });
      }),
    });
    let notebook = addCell(buildNotebook(), 'train', 't' as CellId, 0);
    notebook = updateCellSpec(notebook, 't' as CellId, 'train', (spec) => ({ ...spec, candidates: [{ family: 'logistic_regression', params: {} }] }), 1);
    const details: TrainProgressDetail[] = [];
    const runtime = new NotebookRuntime({ compute: port, onProgress: (cellId, progress: RunProgress) => void (cellId === 't' && details.push(progress.detail as TrainProgressDetail)) });
    runtime.setNotebook(notebook);
    await settle();
    await runtime.run('s' as CellId);

    const press = runtime.run('t' as CellId);
    await settle();
    expect([details[0]?.kind, runtime.get('t' as CellId).status, runtime.get('t' as CellId).error]).toEqual(['press', 'running', null]);
    runtime.stop('t' as CellId);
    jobs[0].finish();
    const first = (await press).output as TrainOutput;
    expect(first.lastPress.map((p) => p.status)).toEqual(['stopped']);

    // Ticking another family leaves the runs current; the press reuses nothing stopped and trains both.
    notebook = updateCellSpec(notebook, 't' as CellId, 'train', (spec) => ({ ...spec, candidates: [...spec.candidates, { family: 'knn', params: {} }] }), 2);
    runtime.setNotebook(notebook);
    expect(runtime.get('t' as CellId).status).toBe('done');
    const second = runtime.run('t' as CellId);
    await settle();
    jobs[1].finish();
    expect(((await second).output as TrainOutput).runs).toHaveLength(3);

    // The notebook closes mid-press: nothing of it is kept.
    notebook = updateCellSpec(notebook, 't' as CellId, 'train', (spec) => ({ ...spec, candidates: [...spec.candidates, { family: 'naive_bayes', params: {} }] }), 3);
    runtime.setNotebook(notebook);
    const third = runtime.run('t' as CellId);
    await settle();
    runtime.cancelAll();
    expect([jobs[2].job.requests.map((r) => r.family), ((await third).output as TrainOutput).runs.length]).toEqual([['naive_bayes'], 3]);

    // Other rows: the next press keeps none of the runs trained on the old ones.
    notebook = updateCellSpec(notebook, 's' as CellId, 'split', (spec) => ({ ...spec, fractions: { train: 0.5, validation: 0.25, test: 0.25 } }), 4);
    runtime.setNotebook(notebook);
    await runtime.run('s' as CellId);
    expect(runtime.get('t' as CellId).status).toBe('stale');
    const fourth = runtime.run('t' as CellId);
    await settle();
    jobs[3].finish();
    expect(((await fourth).output as TrainOutput).runs.map((run) => run.family)).toEqual(['logistic_regression', 'knn', 'naive_bayes']);
  });
});

function fakeRun(id: string, family: string, configKey: string | undefined, stopped: boolean): RunSummary {
  return {
    id, family, label: family, baseline: false, params: {}, task: 'binary', seed: 0, primaryMetric: 'accuracy',
    metrics: { validation: { accuracy: { value: 0.5 } }, cv: null }, curve: [], durationMs: 1, trainedAt: 0, stopped,
    featureNames: ['x'], info: {}, ...(configKey ? { configKey } : {}),
  } as RunSummary;
}
