// Parity with numpy / pandas / scipy on the literal datasets of fixtures/ (made by
// scripts/reference/profile_reference.py): every number within 1e-9 relative.

import { describe, expect, it } from 'vitest';
import type { CategoricalColumn, NumericColumn } from '../table/types';
import { alignClose } from './fixtures/align-close';
import { DATASET_NAMES, readDataset, readReference } from './fixtures/read-fixtures';
import { correlatePearson } from './correlate-pearson';
import { correlateSpearman } from './correlate-spearman';
import { findDuplicateRows } from './find-duplicate-rows';
import { finiteOrNull } from './json-numbers';
import { measureCorrelationRatio } from './measure-correlation-ratio';
import { measureCramersV } from './measure-cramers-v';
import { profileNumeric } from './profile-numeric';

describe.each(DATASET_NAMES)('dataset "%s" against numpy/pandas/scipy', (name) => {
  const table = readDataset(name);
  const reference = readReference(name);
  const numeric = (column: string) => table.columns.find((c) => c.name === column) as NumericColumn;
  const categorical = (column: string) => table.columns.find((c) => c.name === column) as CategoricalColumn;

  it('matches pandas moments, numpy quantiles and histogram, and outlier counts per numeric column', () => {
    const actual = Object.fromEntries(
      Object.keys(reference.numeric).map((column) => {
        const p = profileNumeric(numeric(column), 5);
        return [
          column,
          {
            count: p.count,
            finite: p.count - p.positiveInfinity - p.negativeInfinity,
            distinct: p.distinct,
            mean: p.mean,
            std: p.std,
            skewness: p.skewness,
            kurtosis: p.kurtosis,
            quantiles: p.quantiles,
            histogram: p.histogram,
            outliersIqr: p.outliersIqr && { count: p.outliersIqr.count, lower: p.outliersIqr.lower, upper: p.outliersIqr.upper },
            outliersZ: p.outliersZ && { count: p.outliersZ.count },
          },
        ];
      }),
    );
    expect(alignClose(actual, reference.numeric)).toEqual(reference.numeric);
  });

  it('matches pandas Pearson and scipy Spearman on pairwise-complete rows', () => {
    const names = reference.pairs.numeric;
    const matrix = (measure: (x: Float64Array, y: Float64Array) => number) =>
      names.map((a) => names.map((b) => finiteOrNull(measure(numeric(a).values, numeric(b).values))));
    const actual = { pearson: matrix(correlatePearson), spearman: matrix(correlateSpearman) };
    const expected = { pearson: reference.pairs.pearson, spearman: reference.pairs.spearman };
    expect(alignClose(actual, expected)).toEqual(expected);
  });

  it("matches Cramér's V and the correlation ratio computed from contingency tables in Python", () => {
    const cats = reference.pairs.categorical.map(categorical);
    const actual = {
      cramersV: cats.map((a) => cats.map((b) => finiteOrNull(measureCramersV(a.codes, a.levels.length, b.codes, b.levels.length)))),
      correlationRatio: cats.map((a) =>
        reference.pairs.numeric.map((column) => finiteOrNull(measureCorrelationRatio(a.codes, a.levels.length, numeric(column).values))),
      ),
    };
    const expected = { cramersV: reference.pairs.cramersV, correlationRatio: reference.pairs.correlationRatio };
    expect(alignClose(actual, expected)).toEqual(expected);
  });

  it('finds the rows pandas duplicated(keep="first") marks', () => {
    const { count, examples } = findDuplicateRows(table);
    expect({ count, rows: examples.map((example) => example.row) }).toEqual(reference.duplicates);
  });
});
