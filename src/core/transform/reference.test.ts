// Parity with scikit-learn 1.2.1: fixtures written by scripts/reference/transform_reference.py.
import { describe, expect, it } from 'vitest';
import type { Column, NumericColumn, Table } from '../table/types';
import encoders from './fixtures/encoders.json';
import imputers from './fixtures/imputers.json';
import scalers from './fixtures/scalers.json';
import { decodeNumbers, type JsonNumber } from './json-number';
import { fitPipeline, transformTable } from './pipeline';
import type { PipelineStep } from './step-types';
import { textColumn } from '../../test-support/table-builders';

const valuesOf = (c: Column): number[] => Array.from((c as NumericColumn).values);

const numbers = (values: readonly (number | string | null)[]) => Float64Array.from(decodeNumbers(values.map((v) => (v === null ? 'NaN' : v)) as JsonNumber[]));
const numericTable = (values: readonly (number | string | null)[]): Table => ({ rowCount: values.length, columns: [{ kind: 'numeric', name: 'x', values: numbers(values) }] });
const textTable = (values: readonly (string | null)[]): Table => ({ rowCount: values.length, columns: [textColumn('c', values)] });
const allRows = (t: Table) => Uint32Array.from({ length: t.rowCount }, (_, i) => i);

/** Fits on all of `train`, then returns each output column of the transformed `test` as a plain array. */
function runStep(step: PipelineStep, train: Table, test: Table): Record<string, number[]> {
  const fitted = fitPipeline([step], train, allRows(train));
  const out = transformTable(fitted, test).table;
  return Object.fromEntries(out.columns.map((c) => [c.name, valuesOf(c)]));
}

function expectClose(actual: number[], expected: readonly (number | string)[], tolerance = 1e-9): void {
  const want = decodeNumbers(expected as JsonNumber[]);
  expect(actual.length).toBe(want.length);
  const bad = actual.map((a, i) => [i, a, want[i]] as const).filter(([, a, b]) => !(Number.isNaN(a) && Number.isNaN(b)) && !(Math.abs(a - b) <= tolerance * Math.max(1, Math.abs(b))));
  expect(bad).toEqual([]);
}

describe('scale step matches sklearn scalers', () => {
  const train = numericTable(scalers.train);
  const test = numericTable(scalers.test);
  const methods: [keyof typeof scalers.cases, PipelineStep][] = [
    ['standard', { kind: 'scale', id: 's', columns: ['x'], method: 'standard' }],
    ['minmax', { kind: 'scale', id: 's', columns: ['x'], method: 'minmax' }],
    ['robust', { kind: 'scale', id: 's', columns: ['x'], method: 'robust' }],
    ['quantile_uniform', { kind: 'scale', id: 's', columns: ['x'], method: 'quantile_uniform' }],
    ['quantile_normal', { kind: 'scale', id: 's', columns: ['x'], method: 'quantile_normal' }],
    ['quantile_uniform_10', { kind: 'scale', id: 's', columns: ['x'], method: 'quantile_uniform', nQuantiles: 10 }],
    ['quantile_normal_10', { kind: 'scale', id: 's', columns: ['x'], method: 'quantile_normal', nQuantiles: 10 }],
    ['yeo_johnson', { kind: 'yeo_johnson', id: 's', columns: ['x'] }],
    ['yeo_johnson_raw', { kind: 'yeo_johnson', id: 's', columns: ['x'], standardize: false }],
  ];
  for (const [name, step] of methods) {
    // Yeo–Johnson: the same likelihood and the same Brent iterations, but V8's Math.pow/log1p differ from
    // glibc's in the last bit, the likelihood is flat at the optimum, and Brent stops at a λ within its
    // tolerance (1.48e-8) of SciPy's: outputs agree to 1e-7, not 1e-9.
    const tolerance = step.kind === 'yeo_johnson' ? 1e-7 : 1e-9;
    it(name, () => {
      expectClose(runStep(step, train, train).x, scalers.cases[name].trainOut, tolerance);
      expectClose(runStep(step, train, test).x, scalers.cases[name].testOut, tolerance);
    });
  }

  it('Yeo–Johnson λ equals PowerTransformer.lambdas_ (also with negative values)', () => {
    const fitted = fitPipeline([{ kind: 'yeo_johnson', id: 'y', columns: ['x'] }], train, allRows(train));
    const lambda = (fitted.steps[0].state as { columns: { lambda: number }[] }).columns[0].lambda;
    expect(Math.abs(lambda - scalers.cases.yeo_johnson.lambda)).toBeLessThan(5e-8);
    const mixed = numericTable(scalers.mixed.train);
    expectClose(runStep({ kind: 'yeo_johnson', id: 'y', columns: ['x'] }, mixed, mixed).x, scalers.mixed.trainOut, 1e-7);
  });
});

describe('impute step matches SimpleImputer', () => {
  for (const strategy of ['mean', 'median', 'most_frequent', 'constant'] as const) {
    it(strategy, () => {
      const out = runStep({ kind: 'impute', id: 'i', columns: ['x'], strategy, fillValue: strategy === 'constant' ? -1 : undefined, addIndicator: true }, numericTable(imputers.train), numericTable(imputers.test));
      const c = imputers.cases[strategy];
      expect(Object.keys(out)).toEqual(['x', 'x_missing']);
      expectClose(out.x, c.testOut);
      expect(out.x_missing).toEqual(c.indicator);
    });
  }

  it('most_frequent on text breaks ties toward the smallest value', () => {
    const fitted = fitPipeline([{ kind: 'impute', id: 'i', columns: ['c'], strategy: 'most_frequent' }], textTable(imputers.wordsTrain), allRows(textTable(imputers.wordsTrain)));
    expect(transformTable(fitted, textTable([null, 'z'])).table.columns[0]).toEqual(textColumn('c', [imputers.wordsMostFrequent, 'z']));
  });
});

describe('encoders match OneHotEncoder / OrdinalEncoder / KBinsDiscretizer', () => {
  const train = textTable(encoders.train);
  const test = textTable(encoders.test);
  for (const { params, names, testOut } of encoders.oneHot) {
    it(`one-hot ${JSON.stringify(params)}`, () => {
      const p = params as { min_frequency?: number; max_categories?: number; handle_unknown: 'ignore' | 'infrequent_if_exist'; drop?: 'first' | 'if_binary' };
      const out = runStep({ kind: 'one_hot', id: 'o', columns: ['c'], minFrequency: p.min_frequency, maxCategories: p.max_categories, handleUnknown: p.handle_unknown, drop: p.drop }, train, test);
      expect(Object.keys(out)).toEqual(names.map((n) => `c=${n === 'infrequent_sklearn' ? 'other' : n}`));
      expect(test.rowCount === 0 ? [] : encoders.test.map((_, r) => Object.values(out).map((col) => col[r]))).toEqual(testOut);
    });
  }

  it('ordinal', () => {
    expectClose(runStep({ kind: 'ordinal', id: 'o', columns: ['c'] }, train, test).c, encoders.ordinal.testOut);
  });

  for (const key of Object.keys(encoders.bins) as (keyof typeof encoders.bins)[]) {
    it(`bin ${key}`, () => {
      const [method, nBins] = key.split('_');
      const step: PipelineStep = { kind: 'bin', id: 'b', columns: ['x'], method: method as 'uniform', nBins: Number(nBins) };
      const fitted = fitPipeline([step], numericTable(encoders.binTrain), allRows(numericTable(encoders.binTrain)));
      expectClose(decodeNumbers((fitted.steps[0].state as { columns: { edges: JsonNumber[] }[] }).columns[0].edges), encoders.bins[key].edges);
      expect(runStep(step, numericTable(encoders.binTrain), numericTable(encoders.binTrain)).x).toEqual(encoders.bins[key].trainOut);
      expect(runStep(step, numericTable(encoders.binTrain), numericTable(encoders.binTest)).x).toEqual(encoders.bins[key].testOut);
    });
  }
});
