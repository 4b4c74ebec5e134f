import { describe, expect, it } from 'vitest';
import { findUpstream, listDownstream } from './dependencies';
import { addCell, createNotebook } from './reducers';
import type { CellId, CellKind, Notebook, NotebookId } from './types';

/** A notebook whose cells are the given kinds, with ids "c0", "c1", … */
function buildNotebook(kinds: CellKind[]): Notebook {
  return kinds.reduce((nb, kind, i) => addCell(nb, kind, `c${i}` as CellId, 0), createNotebook('nb' as NotebookId, 'Test', 0));
}

const id = (n: number) => `c${n}` as CellId;

describe('findUpstream', () => {
  it('finds the nearest producing cell above, and null when there is none', () => {
    const nb = buildNotebook(['data', 'problem', 'data', 'note', 'profile', 'problem']);
    expect({
      profileDataset: findUpstream(nb, id(4), 'dataset'),
      profileProblem: findUpstream(nb, id(4), 'problem'),
      firstProblemDataset: findUpstream(nb, id(1), 'dataset'),
      firstDataDataset: findUpstream(nb, id(0), 'dataset'),
      lastProblemProblem: findUpstream(nb, id(5), 'problem'),
      unknown: findUpstream(nb, 'nope' as CellId, 'dataset'),
    }).toEqual({
      profileDataset: 'c2',
      profileProblem: 'c1',
      firstProblemDataset: 'c0',
      firstDataDataset: null,
      lastProblemProblem: 'c1',
      unknown: null,
    });
  });

  it('returns null for a cell with nothing above it', () => {
    const nb = buildNotebook(['profile', 'data']);
    expect([findUpstream(nb, id(0), 'dataset'), findUpstream(nb, id(0), 'problem')]).toEqual([null, null]);
  });
});

describe('listDownstream', () => {
  it('follows artifacts transitively: data → problem → profile', () => {
    const nb = buildNotebook(['data', 'note', 'problem', 'profile']);
    expect({
      data: listDownstream(nb, id(0)),
      note: listDownstream(nb, id(1)),
      problem: listDownstream(nb, id(2)),
      profile: listDownstream(nb, id(3)),
    }).toEqual({ data: ['c2', 'c3'], note: [], problem: ['c3'], profile: [] });
  });

  it('stops where a second Data cell shadows the first', () => {
    const nb = buildNotebook(['data', 'problem', 'data', 'profile', 'problem', 'profile']);
    // c3 reads its dataset from c2 but its problem from c1, so it is downstream of c0 through c1.
    // c5 reads the dataset from c2 and the problem from c4 (which reads c2): not downstream of c0.
    expect({ first: listDownstream(nb, id(0)), second: listDownstream(nb, id(2)), firstProblem: listDownstream(nb, id(1)) }).toEqual({
      first: ['c1', 'c3'],
      second: ['c3', 'c4', 'c5'],
      firstProblem: ['c3'],
    });
  });

  it('returns [] for an unknown cell', () => {
    expect(listDownstream(buildNotebook(['data', 'profile']), 'x' as CellId)).toEqual([]);
  });
});
