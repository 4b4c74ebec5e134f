import { describe, expect, it } from 'vitest';
import type { DatasetId } from '../../types';
import type { CellInputs, DatasetArtifact, SplitArtifact } from '../artifacts';
import { describeDatasetKey } from './data';
import { prepareRunner } from './prepare';
import { profileRunner } from './profile';

const ID = 'ds-1' as DatasetId;
const DATASET = { key: 'k', name: 'd', rowCount: 1, columns: [{ name: 'Species', kind: 'categorical' }], warnings: [] } as unknown as DatasetArtifact;
const SPLIT = { key: 's' } as SplitArtifact;
const problemOf = (target: string | null) => ({ target, task: 'multiclass' }) as CellInputs['problem'];

describe('input keys', () => {
  it('a dataset key ignores the order overrides were made in and changes with any override; a Profile key names the target only when the table has it', () => {
    const a = describeDatasetKey(ID, { b: 'excluded', a: 'text' });
    const profileKey = (target: string | null) => profileRunner.describeInputs({} as never, { dataset: DATASET, problem: problemOf(target) });
    expect({
      a,
      sameAsReordered: a === describeDatasetKey(ID, { a: 'text', b: 'excluded' }),
      none: describeDatasetKey(ID, {}),
      bound: describeDatasetKey(null, {}),
      withTarget: profileKey('Species'),
      unknownTarget: profileKey('Nope'),
      noProblem: profileRunner.describeInputs({} as never, { dataset: DATASET }),
    }).toEqual({
      a: 'ds-1|[["a","text"],["b","excluded"]]',
      sameAsReordered: true,
      none: 'ds-1|[]',
      bound: 'bound|[]',
      withTarget: 'k|target="Species"',
      unknownTarget: 'k|target=null',
      noProblem: 'k|target=null',
    });
  });

  it('a Prepare key names the target only when a step picks columns by rule (lists do not depend on it)', () => {
    const key = (steps: unknown[], target: string | null) => prepareRunner.describeInputs({ steps } as never, { dataset: DATASET, split: SPLIT, problem: problemOf(target) });
    expect([
      key([{ kind: 'drop', id: 'd', columns: ['a'] }], 'y'),
      key([{ kind: 'drop', id: 'd', columns: { rule: 'missing' } }], 'y'),
      key([{ kind: 'drop', id: 'd', columns: { rule: 'missing' } }], null),
    ]).toEqual([
      's|steps=[{"kind":"drop","id":"d","columns":["a"]}]',
      's|steps=[{"kind":"drop","id":"d","columns":{"rule":"missing"}}]|target="y"',
      's|steps=[{"kind":"drop","id":"d","columns":{"rule":"missing"}}]|target=null',
    ]);
  });
});
