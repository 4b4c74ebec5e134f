import { describe, expect, it } from 'vitest';
import { findFamilyInfo } from '../models/catalog';
import type { FamilyInfo } from '../models/types';
import { buildSearchSpace, describeSpaceKey, listSpaceRows } from './search-space';
import type { ParamEdit } from './types';

const family = (kind: string): FamilyInfo => findFamilyInfo(kind)!;
const GBDT = family('gradient_boosting');
const LINEAR = family('linear_regression');
const FOREST = family('random_forest');

describe('buildSearchSpace', () => {
  it('takes the default space from the tuning hints, in schema order, with nothing fixed', () => {
    expect(buildSearchSpace(GBDT, null)).toEqual({
      family: 'gradient_boosting',
      params: [
        { kind: 'float', name: 'learningRate', min: 0.01, max: 0.3, log: true },
        { kind: 'int', name: 'maxIter', min: 16, max: 512, log: true },
        { kind: 'int', name: 'maxLeafNodes', min: 4, max: 128, log: true },
        { kind: 'int', name: 'minSamplesLeaf', min: 2, max: 100, log: true },
        { kind: 'float', name: 'l2Regularization', min: 1e-3, max: 10, log: true },
      ],
      fixed: {},
    });
  });

  it('keeps a condition whose parent is searched, and puts the parent first', () => {
    expect(buildSearchSpace(LINEAR, null).params).toEqual([
      { kind: 'choice', name: 'penalty', options: ['none', 'l2', 'l1', 'elasticnet'] },
      { kind: 'float', name: 'alpha', min: 1e-4, max: 1e3, log: true, when: { param: 'penalty', in: ['l2', 'l1', 'elasticnet'] } },
      { kind: 'float', name: 'l1_ratio', min: 0.1, max: 0.9, log: false, when: { param: 'penalty', in: ['elasticnet'] } },
    ]);
  });

  it('lets edits override one parameter each: a range, options (schema order, one option = fixed), a fixed value', () => {
    const edits: Record<string, ParamEdit> = {
      learningRate: { mode: 'range', min: 0.05, max: 0.5, log: false },
      earlyStopping: { mode: 'options', options: ['off', 'on'] },
      maxIter: { mode: 'fixed', value: 200 },
      maxLeafNodes: { mode: 'range', min: 8, max: 64, log: true },
      maxBins: { mode: 'fixed', value: 64 },
    };
    const space = buildSearchSpace(GBDT, edits);
    expect(space.params.map((p) => p.name)).toEqual(['learningRate', 'maxLeafNodes', 'minSamplesLeaf', 'l2Regularization', 'earlyStopping']);
    expect(space.params[0]).toEqual({ kind: 'float', name: 'learningRate', min: 0.05, max: 0.5, log: false });
    expect(space.params[4]).toEqual({ kind: 'choice', name: 'earlyStopping', options: ['on', 'off'] });
    expect(space.fixed).toEqual({ maxIter: 200, maxBins: 64 });
    expect(buildSearchSpace(GBDT, { earlyStopping: { mode: 'options', options: ['on'] } }).fixed).toEqual({ earlyStopping: 'on' });
  });

  it('resolves conditions against a fixed parent: always on (condition dropped) or never (left out)', () => {
    const elastic = buildSearchSpace(LINEAR, { penalty: { mode: 'fixed', value: 'elasticnet' } });
    expect(elastic.params).toEqual([
      { kind: 'float', name: 'alpha', min: 1e-4, max: 1e3, log: true },
      { kind: 'float', name: 'l1_ratio', min: 0.1, max: 0.9, log: false },
    ]);
    expect(elastic.fixed).toEqual({ penalty: 'elasticnet' });
    expect(buildSearchSpace(LINEAR, { penalty: { mode: 'fixed', value: 'l2' } }).params.map((p) => p.name)).toEqual(['alpha']);
    // Options of the parent that never switch the child on leave it out too.
    expect(buildSearchSpace(LINEAR, { penalty: { mode: 'options', options: ['l1', 'l2'] } }).params.map((p) => p.name)).toEqual(['penalty', 'alpha']);
    // Unhinted parent at its default ('auto' switches GBDT's patience on): the child's condition holds and is dropped.
    expect(buildSearchSpace(GBDT, { nIterNoChange: { mode: 'range', min: 5, max: 50, log: false } }).params.at(-1)).toEqual({ kind: 'int', name: 'nIterNoChange', min: 5, max: 50, log: false });
  });

  it('refuses every invalid edit with a message naming the parameter, the value and what to do', () => {
    const refuse = (info: FamilyInfo, edits: Record<string, ParamEdit>) => () => buildSearchSpace(info, edits);
    expect(refuse(GBDT, { learningRate: { mode: 'range', min: 0.5, max: 0.1, log: true } }))
      .toThrow('Gradient boosting (histogram): the range of learningRate is empty: min 0.5 > max 0.1; swap them or widen it.');
    expect(refuse(GBDT, { shrinkage: { mode: 'fixed', value: 1 } }))
      .toThrow('Gradient boosting (histogram) has no parameter "shrinkage" to tune; known: learningRate, maxIter,');
    expect(refuse(GBDT, { learningRate: { mode: 'range', min: 0.01, max: 2, log: true } }))
      .toThrow('the range of learningRate (0.01 to 2) goes outside the values it accepts (0.001 to 1); narrow it.');
    expect(refuse(GBDT, { l2Regularization: { mode: 'range', min: 0, max: 10, log: true } }))
      .toThrow('l2Regularization is searched on a log scale from 0, but a log scale needs min > 0: raise min or turn the log scale off.');
    expect(refuse(GBDT, { learningRate: { mode: 'range', min: 0.1, max: 0.1, log: true } }))
      .toThrow('the range of learningRate holds the single value 0.1; fix it at 0.1 instead.');
    expect(refuse(GBDT, { maxIter: { mode: 'range', min: 10.5, max: 100, log: true } }))
      .toThrow('maxIter takes whole numbers: the range 10.5 to 100 needs whole-number ends (e.g. 11 to 100).');
    expect(refuse(GBDT, { earlyStopping: { mode: 'options', options: [] } }))
      .toThrow('earlyStopping has no options to search; tick at least one of auto, on, off, or fix it at one.');
    expect(refuse(GBDT, { earlyStopping: { mode: 'options', options: ['on', 'sometimes'] } }))
      .toThrow('earlyStopping has no option "sometimes"; choose from auto, on, off.');
    expect(refuse(FOREST, { bootstrap: { mode: 'options', options: ['yes'] } })).toThrow('bootstrap has no option "yes"; choose from false, true.');
    expect(refuse(GBDT, { earlyStopping: { mode: 'range', min: 0, max: 1, log: false } })).toThrow('earlyStopping is a choice, not a number: search it over options instead of a range.');
    expect(refuse(GBDT, { maxIter: { mode: 'options', options: ['16'] } })).toThrow('maxIter is a number: search it over a range (min, max) instead of options.');
    expect(refuse(GBDT, { maxIter: { mode: 'fixed', value: 0 } }))
      .toThrow('Gradient boosting (histogram): maxIter cannot be fixed at 0: hyperparameter "maxIter" is 0; use a value from 1 to 5000.');
    expect(refuse(GBDT, { maxIter: { mode: 'fixed', value: 'auto' } })).toThrow('maxIter cannot be fixed at "auto"');
    expect(refuse(LINEAR, { penalty: { mode: 'fixed', value: 'none' }, alpha: { mode: 'range', min: 1, max: 10, log: true } }))
      .toThrow('Linear regression (OLS, ridge, lasso, elastic net): nothing left to search: every parameter is fixed or applies only under a setting fixed otherwise; give one parameter a range or options.');
    expect(() => buildSearchSpace(family('mean'), null)).toThrow('Mean has no hyperparameters to tune; train it in a Train cell instead.');
    expect(() => buildSearchSpace(family('pca'), null)).toThrow('Principal component analysis: nothing left to search');
  });
});

describe('listSpaceRows', () => {
  it('lists every schema parameter with its edit in effect and where it comes from, marking conditions that never hold', () => {
    const rows = listSpaceRows(LINEAR, { penalty: { mode: 'options', options: ['l2', 'none'] }, max_iter: { mode: 'fixed', value: 50 } });
    expect(rows).toEqual([
      { name: 'penalty', label: 'Penalty', kind: 'choice', edit: { mode: 'options', options: ['l2', 'none'] }, source: 'edit', neverActive: false },
      { name: 'alpha', label: 'Alpha', kind: 'float', edit: { mode: 'range', min: 1e-4, max: 1e3, log: true }, source: 'hint', when: { param: 'penalty', in: ['l2', 'l1', 'elasticnet'] }, neverActive: false },
      { name: 'l1_ratio', label: 'L1 ratio', kind: 'float', edit: { mode: 'range', min: 0.1, max: 0.9, log: false }, source: 'hint', when: { param: 'penalty', in: ['elasticnet'] }, neverActive: true },
      { name: 'tol', label: 'Tolerance', kind: 'float', edit: { mode: 'fixed', value: 1e-4 }, source: 'default', neverActive: false },
      { name: 'max_iter', label: 'Max iterations', kind: 'int', edit: { mode: 'fixed', value: 50 }, source: 'edit', neverActive: false },
    ]);
  });
});

describe('describeSpaceKey', () => {
  it('names the same space the same way whatever the order of its keys, and different spaces differently', () => {
    const space = buildSearchSpace(GBDT, { maxBins: { mode: 'fixed', value: 64 }, tol: { mode: 'fixed', value: 1e-6 } });
    const reordered = { fixed: { tol: 1e-6, maxBins: 64 }, params: [...space.params].reverse(), family: 'gradient_boosting' };
    expect(describeSpaceKey(reordered)).toBe(describeSpaceKey(space));
    expect(describeSpaceKey(buildSearchSpace(GBDT, { maxBins: { mode: 'fixed', value: 63 } }))).not.toBe(describeSpaceKey(space));
    expect(describeSpaceKey(buildSearchSpace(GBDT, null))).toBe(
      '{"family":"gradient_boosting","params":[["l2Regularization","float",[0.001,10,true],null],["learningRate","float",[0.01,0.3,true],null],'
      + '["maxIter","int",[16,512,true],null],["maxLeafNodes","int",[4,128,true],null],["minSamplesLeaf","int",[2,100,true],null]],"fixed":[]}',
    );
  });
});
