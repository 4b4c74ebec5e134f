import { describe, expect, it } from 'vitest';
import type { DatasetId } from '../core/notebook/types';
import { describeDatasetKey, describePrepareInputKey, describeProfileInputKey } from './artifacts';

const ID = 'ds-1' as DatasetId;

describe('input keys', () => {
  it('ignore the order overrides were made in, and change with any override or target', () => {
    const a = describeDatasetKey(ID, { b: 'excluded', a: 'text' });
    const b = describeDatasetKey(ID, { a: 'text', b: 'excluded' });
    expect({
      a,
      sameAsReordered: a === b,
      differsFromNone: a === describeDatasetKey(ID, {}),
      none: describeDatasetKey(ID, {}),
      withTarget: describeProfileInputKey(a, 'Species'),
      noTarget: describeProfileInputKey(describeDatasetKey(ID, {}), null),
    }).toEqual({
      a: 'ds-1|[["a","text"],["b","excluded"]]',
      sameAsReordered: true,
      differsFromNone: false,
      none: 'ds-1|[]',
      withTarget: 'ds-1|[["a","text"],["b","excluded"]]|target="Species"',
      noTarget: 'ds-1|[]|target=null',
    });
  });

  it('a Prepare key names the target only when a step picks columns by rule (older fits keep their key)', () => {
    expect([
      describePrepareInputKey('s', [{ kind: 'drop', id: 'd', columns: ['a'] }], 'y'),
      describePrepareInputKey('s', [{ kind: 'drop', id: 'd', columns: { rule: 'missing' } }], 'y'),
      describePrepareInputKey('s', [{ kind: 'drop', id: 'd', columns: { rule: 'missing' } }], null),
    ]).toEqual([
      's|steps=[{"kind":"drop","id":"d","columns":["a"]}]',
      's|steps=[{"kind":"drop","id":"d","columns":{"rule":"missing"}}]|target="y"',
      's|steps=[{"kind":"drop","id":"d","columns":{"rule":"missing"}}]|target=null',
    ]);
  });
});
