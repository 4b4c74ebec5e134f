// Reference: sklearn TargetEncoder's formulas written out in numpy (sklearn 1.2 has no TargetEncoder),
// by scripts/reference/transform_reference.py; the cross-fit uses the fixture's explicit folds.
import { describe, expect, it } from 'vitest';
import type { Column, NumericColumn, Table } from '../../table/types';
import fixture from '../fixtures/target-encoding.json';
import { fitPipeline, fitPipelineWithTraining, transformTable } from '../pipeline';
import { crossFitTargetEncoding, fitEncodings } from './target-encode';
import { textColumn } from '../../../test-support/table-builders';

const valuesOf = (c: Column): number[] => Array.from((c as NumericColumn).values);

const n = fixture.categories.length;
const all = Array.from({ length: n }, (_, i) => i);
const categories = [...new Set(fixture.categories)].sort();
const close = (a: ArrayLike<number>, b: readonly number[]) => expect(Array.from(a).map((v, i) => Math.abs(v - b[i]) < 1e-12)).toEqual(b.map(() => true));

describe('target encoding', () => {
  for (const [key, c] of Object.entries(fixture.cases)) {
    const smoothing = key.endsWith('auto') ? 'auto' : 2;
    it(`${key}: full-training encodings, unseen → mean, cross-fit with given folds`, () => {
      const y = Float64Array.from(c.y);
      close(fitEncodings(fixture.categories, y, all, categories, smoothing), c.encodings);
      const train: Table = { rowCount: n, columns: [textColumn('c', fixture.categories), { kind: 'numeric', name: 'y', values: y }] };
      const fitted = fitPipeline([{ kind: 'target_encode', id: 't', columns: ['c'], target: 'y', smoothing }], train, Uint32Array.from(all));
      const test: Table = { rowCount: fixture.test.length, columns: [textColumn('c', fixture.test), { kind: 'numeric', name: 'y', values: new Float64Array(fixture.test.length) }] };
      const out = transformTable(fitted, test);
      close(valuesOf(out.table.columns[0]), c.testOut);
      expect(out.report.steps[0].unseen).toBe(1);
      const folds = fixture.folds.map((validation) => ({ validation: Uint32Array.from(validation), train: Uint32Array.from(all.filter((r) => !validation.includes(r))) }));
      close(crossFitTargetEncoding(fixture.categories, y, folds, categories, smoothing), c.crossFit);
    });
  }

  it('gives training rows cross-fitted values (not the full-fit ones) and one column per class for multiclass', () => {
    const table: Table = {
      rowCount: 6,
      columns: [
        textColumn('c', ['a', 'a', 'a', 'b', 'b', 'b']),
        { kind: 'categorical', name: 'y', codes: Int32Array.from([0, 1, 2, 0, 0, 1]), levels: ['p', 'q', 'r'] },
      ],
    };
    const { fitted, training } = fitPipelineWithTraining([{ kind: 'target_encode', id: 't', columns: ['c'], target: 'y', folds: 3, smoothing: 0 }], table, Uint32Array.from([0, 1, 2, 3, 4, 5]));
    expect(training.table.columns.map((c) => c.name)).toEqual(['c_te_p', 'c_te_q', 'c_te_r', 'y']);
    const full = transformTable(fitted, table).table;
    expect(valuesOf(full.columns[0])).toEqual([1 / 3, 1 / 3, 1 / 3, 2 / 3, 2 / 3, 2 / 3]);
    expect(valuesOf(training.table.columns[0])).not.toEqual(valuesOf(full.columns[0]));
  });
});
