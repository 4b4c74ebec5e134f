import { describe, expect, it } from 'vitest';
import { numericColumn, categoricalColumn, tableOf } from '../../../test-support/table-builders';
import { describeTargetFacts } from '../../problem/validate-problem';
import { runSplit } from '../../split/run-split';
import { previewPipeline } from '../../transform/preview-pipeline';
import type { Table } from '../../table/types';
import { CELL_KINDS } from '../cell-kinds';
import { addCell, createNotebook, updateCellSpec } from '../reducers';
import type { CellId, DatasetId, Notebook, NotebookId } from '../types';
import type { ComputePort } from './compute-port';
import { NotebookRuntime, type OutputStore, type SavedOutput } from './notebook-runtime';

const TABLE: Table = tableOf(
  numericColumn('x', Array.from({ length: 40 }, (_, i) => i)),
  categoricalColumn('y', Array.from({ length: 40 }, (_, i) => (i % 2 === 0 ? 'a' : 'b'))),
);

/** A port over one in-memory table; it counts the jobs it ran. */
function createPort(): ComputePort & { jobs: string[] } {
  const jobs: string[] = [];
  return {
    jobs,
    async openDataset(_cellId, spec) {
      jobs.push('open');
      const columns = TABLE.columns.map((c) => ({ name: c.name, kind: c.kind }));
      return { artifact: { key: `t|${spec.datasetId}`, name: 'toy', rowCount: TABLE.rowCount, columns, warnings: [] }, source: 'toy.csv' };
    },
    describeTarget: async (_key, target, task) => describeTargetFacts(TABLE, target, task),
    profileTable: async () => { throw new Error('not used'); },
    async splitTable(_key, request) {
      jobs.push('split');
      return runSplit(TABLE, request);
    },
    async previewPipeline(_key, steps, rows, target) {
      jobs.push('prepare');
      return previewPipeline(TABLE, steps, rows, { target });
    },
    trainCandidates: async () => { throw new Error('not used'); },
    evaluateRun: async () => { throw new Error('not used'); },
    predictRun: async () => { throw new Error('not used'); },
    explainRun: async () => { throw new Error('not used'); },
  };
}

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

  it('a failed cell shows its error, stops Run all, and the cells below wait for it', async () => {
    let notebook = buildNotebook();
    notebook = updateCellSpec(notebook, 'p' as CellId, 'problem', (spec) => ({ ...spec, target: 'x', task: 'binary' }), 0);
    const runtime = new NotebookRuntime({ compute: createPort() });
    runtime.setNotebook(notebook);
    await settle();
    await settle();
    expect(runtime.get('p' as CellId)).toMatchObject({ status: 'error', error: '"x" has 40 classes, but binary needs 2. Choose multiclass, or group the classes first.' });
    expect(await runtime.runAll({ strict: true })).toEqual({ failed: 'p' });
    expect(runtime.get('s' as CellId)).toMatchObject({ status: 'waiting', waiting: 'Run the Problem cell above.' });
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

  it('a cell with nothing above to read waits, naming the cell to add', () => {
    const notebook = addCell(createNotebook('nb' as NotebookId, 'n', 0), 'split', 's' as CellId, 0);
    const runtime = new NotebookRuntime({ compute: createPort() });
    runtime.setNotebook(notebook);
    expect(runtime.get('s' as CellId)).toMatchObject({ status: 'waiting', waiting: 'Add a Data cell above this one.' });
    expect(CELL_KINDS.split.title).toBe('Split');
  });
});
