import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { DatasetId } from '../core/notebook/types';
import type { DatasetMeta } from '../core/ingest/dataset-meta';
import type { PublishedDataset } from './artifacts';
import { NotebookState } from './notebook-state.svelte';
import { Studio } from './studio.svelte';

let dbCount = 0;

const DATASET: PublishedDataset = {
  datasetId: 'ds-1' as DatasetId,
  table: { rowCount: 1, columns: [{ kind: 'numeric', name: 'x', values: Float64Array.from([1]) }] },
  meta: { id: 'ds-1' } as DatasetMeta,
  key: 'ds-1|[]',
};

describe('NotebookState artifacts and staleness', () => {
  let studio: Studio;

  beforeEach(() => {
    vi.stubGlobal('window', new EventTarget());
    studio = new Studio('/', `notebook-artifacts-test-${dbCount++}`);
  });
  afterEach(() => vi.unstubAllGlobals());

  it('Problem and Profile cells read the nearest upstream dataset and problem', async () => {
    const state = new NotebookState(studio, await studio.createNotebook('Draft'));
    await state.load();
    const dataId = state.notebook!.cells[0].id;
    const problemId = state.addCell('problem');
    const profileId = state.addCell('profile');
    const before = state.upstreamDataset(profileId);
    state.publishDataset(dataId, DATASET);
    state.updateSpec(problemId, 'problem', (spec) => ({ ...spec, target: 'x', task: 'regression' }));
    expect({
      before,
      after: state.upstreamDataset(profileId),
      problem: state.upstreamProblem(profileId)?.target,
      problemOfProblem: state.upstreamProblem(problemId),
      dataOfData: state.upstreamDataset(dataId),
    }).toEqual({
      before: { sourceCellId: dataId, dataset: null },
      after: { sourceCellId: dataId, dataset: DATASET },
      problem: 'x',
      problemOfProblem: null,
      dataOfData: { sourceCellId: null, dataset: null },
    });
    state.deleteCell(dataId);
    expect([state.datasets, state.upstreamDataset(profileId)]).toEqual([{}, { sourceCellId: null, dataset: null }]);
    state.dispose();
  });

  it('editing a spec marks finished downstream runs stale, and leaves others alone', async () => {
    const state = new NotebookState(studio, await studio.createNotebook('Draft'));
    await state.load();
    const dataId = state.notebook!.cells[0].id;
    const noteId = state.addCell('note');
    const problemId = state.addCell('problem');
    const profileId = state.addCell('profile');
    state.setRun(noteId, { status: 'done' });
    state.setRun(profileId, { status: 'done', durationMs: 12 });
    state.updateSpec(dataId, 'data', (spec) => ({ ...spec, columnOverrides: { x: 'excluded' } }));
    const afterData = { ...state.runs };
    state.setRun(profileId, { status: 'done', durationMs: 5 });
    state.updateSpec(profileId, 'profile', (spec) => ({ ...spec, correlation: 'spearman' }));
    state.updateSpec(problemId, 'problem', (spec) => spec);
    expect({ afterData, end: state.runs }).toEqual({
      afterData: { [noteId]: { status: 'done' }, [profileId]: { status: 'stale', durationMs: 12 } },
      end: { [noteId]: { status: 'done' }, [profileId]: { status: 'done', durationMs: 5 } },
    });
    state.dispose();
  });
});
