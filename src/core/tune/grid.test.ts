import { describe, expect, it } from 'vitest';
import { findFamilyInfo } from '../models/catalog';
import { countGrid, enumerateGrid, listGridValues } from './grid';
import { buildSearchSpace } from './search-space';
import type { SearchSpace } from './types';

// Hand count: penalty none → 1, l2 → 4 alphas, elasticnet → 4 alphas × 4 ratios = 16, so 21; × intercept 2 × k {1, 2, 3} = 126.
const SPACE: SearchSpace = {
  family: 'hand',
  params: [
    { kind: 'float', name: 'l1_ratio', min: 0.1, max: 0.7, log: false, when: { param: 'penalty', in: ['elasticnet'] } },
    { kind: 'choice', name: 'penalty', options: ['none', 'l2', 'elasticnet'] },
    { kind: 'float', name: 'alpha', min: 0.01, max: 100, log: true, when: { param: 'penalty', in: ['l2', 'elasticnet'] } },
    { kind: 'bool', name: 'intercept' },
    { kind: 'int', name: 'k', min: 1, max: 3, log: false },
  ],
  fixed: { tol: 1e-4 },
};

describe('listGridValues', () => {
  it('spaces numbers evenly (log-spaced where log), rounds whole numbers and drops repeats', () => {
    expect(listGridValues({ kind: 'float', name: 'x', min: 0.1, max: 0.7, log: false }, 4).map((v) => Number((v as number).toFixed(12)))).toEqual([0.1, 0.3, 0.5, 0.7]);
    expect(listGridValues({ kind: 'float', name: 'x', min: 0.01, max: 100, log: true }, 4).map((v) => Number((v as number).toPrecision(6)))).toEqual([0.01, 0.215443, 4.64159, 100]);
    expect(listGridValues({ kind: 'int', name: 'k', min: 1, max: 100, log: true }, 4)).toEqual([1, 5, 22, 100]);
    expect(listGridValues({ kind: 'int', name: 'k', min: 1, max: 3, log: false }, 4)).toEqual([1, 2, 3]);
    expect(listGridValues({ kind: 'bool', name: 'b' }, 7)).toEqual([false, true]);
    expect(() => listGridValues({ kind: 'bool', name: 'b' }, 1)).toThrow('A grid needs at least 2 whole steps per number range, not 1; use 2 or more.');
  });
});

describe('enumerateGrid and countGrid', () => {
  it('enumerate exactly the hand-counted grid: no repeats, children only under their condition, fixed values in every point', () => {
    const grid = enumerateGrid(SPACE, 4);
    expect(countGrid(SPACE, 4)).toBe(126);
    expect(grid).toHaveLength(126);
    expect(new Set(grid.map((p) => JSON.stringify(p))).size).toBe(126);
    expect(grid.every((p) => p.tol === 1e-4)).toBe(true);
    expect(grid.filter((p) => 'l1_ratio' in p).every((p) => p.penalty === 'elasticnet')).toBe(true);
    expect(grid.filter((p) => 'alpha' in p).every((p) => p.penalty !== 'none')).toBe(true);
    expect(grid.filter((p) => p.penalty === 'none').every((p) => !('alpha' in p) && !('l1_ratio' in p))).toBe(true);
    expect(grid.filter((p) => p.penalty === 'elasticnet')).toHaveLength(96);
    // Parents first, the first parameter varying slowest.
    expect(grid.slice(0, 7)).toEqual([
      { tol: 1e-4, penalty: 'none', intercept: false, k: 1 },
      { tol: 1e-4, penalty: 'none', intercept: false, k: 2 },
      { tol: 1e-4, penalty: 'none', intercept: false, k: 3 },
      { tol: 1e-4, penalty: 'none', intercept: true, k: 1 },
      { tol: 1e-4, penalty: 'none', intercept: true, k: 2 },
      { tol: 1e-4, penalty: 'none', intercept: true, k: 3 },
      { tol: 1e-4, penalty: 'l2', alpha: 0.01, intercept: false, k: 1 },
    ]);
  });

  it('count a child of a fixed parent once when its condition holds, not at all when it fails', () => {
    const child = { kind: 'float' as const, name: 'x', min: 0, max: 1, log: false, when: { param: 'mode', in: ['on'] } };
    const on: SearchSpace = { family: 'f', params: [child, { kind: 'bool', name: 'b' }], fixed: { mode: 'on' } };
    const off: SearchSpace = { ...on, fixed: { mode: 'off' } };
    expect([countGrid(on, 3), enumerateGrid(on, 3).length]).toEqual([6, 6]);
    expect([countGrid(off, 3), enumerateGrid(off, 3)]).toEqual([2, [{ mode: 'off', b: false }, { mode: 'off', b: true }]]);
  });

  it('agree on the default spaces of the forest (conditional feature fraction) and boosting', () => {
    const forest = buildSearchSpace(findFamilyInfo('random_forest')!, null);
    // 4 tree counts × (sqrt, log2, all, fraction × 4) × 4 depths × leaves {1, 3, 10, 32}.
    expect([countGrid(forest), enumerateGrid(forest).length]).toEqual([448, 448]);
    const boosting = buildSearchSpace(findFamilyInfo('gradient_boosting')!, null);
    expect([countGrid(boosting, 3), enumerateGrid(boosting, 3).length]).toEqual([243, 243]);
  });
});
