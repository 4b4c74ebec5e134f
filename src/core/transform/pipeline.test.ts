import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { selectTextRows } from '../table/text-column';
import type { Column, NumericColumn, Table } from '../table/types';
import type { FittedPipeline } from './fitted-types';
import { fitPipeline, fitPipelineWithTraining, transformTable } from './pipeline';
import type { PipelineStep } from './step-types';

const valuesOf = (c: Column): number[] => Array.from((c as NumericColumn).values);

// Training rows 0–5 and test rows 6–9 come from deliberately different distributions.
const table: Table = {
  rowCount: 10,
  columns: [
    { kind: 'numeric', name: 'x', values: Float64Array.from([1, 2, 3, 4, NaN, 6, 100, 200, NaN, 400]) },
    { kind: 'categorical', name: 'colour', codes: Int32Array.from([0, 0, 1, -1, 0, 1, 2, 2, 2, 2]), levels: ['red', 'blue', 'green'] },
    { kind: 'datetime', name: 'when', values: Float64Array.from([0, 1, 2, 3, 4, 5, 50, 60, 70, 80].map((d) => Date.UTC(2024, 0, 1) + d * 86_400_000)) },
    { kind: 'numeric', name: 'y', values: Float64Array.from([0, 1, 0, 1, 1, 0, 1, 1, 1, 1]) },
  ],
};
const trainRows = Uint32Array.from([0, 1, 2, 3, 4, 5]);

const steps: PipelineStep[] = [
  { kind: 'impute', id: 'impute', columns: ['x'], strategy: 'median', addIndicator: true },
  { kind: 'cap_outliers', id: 'cap', columns: ['x'], method: 'percentile', lower: 10, upper: 90 },
  { kind: 'scale', id: 'scale', columns: ['x'], method: 'standard' },
  { kind: 'impute', id: 'impute-colour', columns: ['colour'], strategy: 'most_frequent' },
  { kind: 'one_hot', id: 'onehot', columns: ['colour'] },
  { kind: 'date_parts', id: 'dates', columns: ['when'], parts: ['weekday', 'days_since'], dropOriginal: true },
];

describe('fitPipeline leakage safety', () => {
  it('learns every statistic from the training rows alone', () => {
    const fitted = fitPipeline(steps, table, trainRows);
    const trainOnly: Table = { rowCount: 6, columns: table.columns.map((c) => ('codes' in c ? { ...c, codes: c.codes.slice(0, 6) } : c.kind === 'text' ? selectTextRows(c, trainRows) : { ...c, values: c.values.slice(0, 6) })) as Table['columns'] };
    expect(fitted).toEqual(fitPipeline(steps, trainOnly, Uint32Array.from([0, 1, 2, 3, 4, 5])));
    const states = fitted.steps.map((s) => s.state);
    // median of 1,2,3,4,6 = 3 — the test values (100–400) never enter
    expect(states[0]).toEqual({ columns: [{ name: 'x', fill: 3, indicator: true }] });
    expect(states[4]).toEqual({ columns: [{ name: 'colour', frequent: ['blue', 'red'], infrequent: [] }] });
    expect(states[5]).toEqual({ columns: [{ name: 'when', referenceMs: Date.UTC(2024, 0, 1) }] });
  });

  it('transforms test rows with the training state and reports unseen and out-of-range values', () => {
    const fitted = fitPipeline(steps, table, trainRows);
    const { table: out, report } = transformTable(fitted, table);
    expect(out.columns.map((c) => c.name)).toEqual(['x', 'x_missing', 'colour=blue', 'colour=red', 'when_weekday', 'when_days_since', 'y']);
    expect(report.steps.map((s) => [s.id, s.unseen, s.outOfRange])).toEqual([
      ['impute', 0, 0], ['cap', 0, 5], ['scale', 0, 0], ['impute-colour', 0, 0], ['onehot', 4, 0], ['dates', 0, 0],
    ]);
    expect(valuesOf(out.columns[1])).toEqual([0, 0, 0, 0, 1, 0, 0, 0, 1, 0]);
  });
});

describe('fitted pipeline JSON', () => {
  it('round-trips exactly, NaN and infinities included, and transforms identically twice', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.double({ noNaN: false, min: -1e6, max: 1e6 }), fc.constant(NaN)), { minLength: 4, maxLength: 30 }), (values) => {
        const t: Table = { rowCount: values.length, columns: [{ kind: 'numeric', name: 'x', values: Float64Array.from(values) }, { kind: 'numeric', name: 'z', values: Float64Array.from(values, (v) => -v) }] };
        fc.pre(values.filter((v) => !Number.isNaN(v)).length >= 2);
        const pipeline: PipelineStep[] = [
          { kind: 'bin', id: 'b', columns: ['z'], method: 'quantile', nBins: 3 },
          { kind: 'scale', id: 'q', columns: ['x'], method: 'quantile_normal' },
          { kind: 'cap_outliers', id: 'c', columns: ['x'], method: 'iqr' },
        ];
        const fitted = fitPipeline(pipeline, t, Uint32Array.from(values.map((_, i) => i)));
        expect(JSON.parse(JSON.stringify(fitted))).toEqual(fitted);
        expect(transformTable(fitted, t)).toEqual(transformTable(JSON.parse(JSON.stringify(fitted)), t));
      }),
      { numRuns: 60 },
    );
  });
});

describe('pipeline errors', () => {
  it('names the step and a column dropped upstream', () => {
    expect(() => fitPipeline([{ kind: 'drop', id: 'd', columns: ['x'] }, { kind: 'scale', id: 'sc', columns: ['x'], method: 'minmax' }], table, trainRows)).toThrow(
      "Step 'sc' (scale): column 'x' is not in the table at this point (missing, or dropped by an earlier step). Columns here: 'colour', 'when', 'y'.",
    );
  });

  it('refuses a pipeline that leaves no columns', () => {
    expect(() => fitPipeline([{ kind: 'drop', id: 'd', columns: ['x', 'colour', 'when', 'y'] }], table, trainRows)).toThrow(
      'The pipeline leaves no columns: remove a drop step or keep at least one column.',
    );
  });
});

describe('row steps and resampling', () => {
  it('filters at fit and transform, dedupes training only, and resamples only the training output', () => {
    const t: Table = {
      rowCount: 8,
      columns: [
        { kind: 'numeric', name: 'a', values: Float64Array.from([1, 1, 2, 3, 4, 5, -1, 6]) },
        { kind: 'categorical', name: 'y', codes: Int32Array.from([0, 0, 0, 0, 0, 1, 1, 1]), levels: ['no', 'yes'] },
      ],
    };
    const pipeline: PipelineStep[] = [
      { kind: 'filter', id: 'f', expression: 'a >= 0' },
      { kind: 'dedupe', id: 'd' },
      { kind: 'derive', id: 'sq', name: 'a2', expression: 'a ^ 2' },
      { kind: 'resample', id: 'r', method: 'class_weights', target: 'y' },
    ];
    const { fitted, training } = fitPipelineWithTraining(pipeline, t, Uint32Array.from([0, 1, 2, 3, 4, 5, 6]));
    expect(Array.from(training.sourceRows)).toEqual([0, 2, 3, 4, 5]);
    expect(training.report.steps.map((s) => s.rowsRemoved)).toEqual([1, 1, 0]);
    expect(Array.from(training.sampleWeights as Float64Array)).toEqual([0.625, 0.625, 0.625, 0.625, 2.5]);
    const scored = transformTable(fitted, t);
    expect(Array.from(scored.rows)).toEqual([0, 1, 2, 3, 4, 5, 7]);
    expect(valuesOf(scored.table.columns[2])).toEqual([1, 1, 4, 9, 16, 25, 36]);
  });

  it('over-samples the minority class to the majority size', () => {
    const t: Table = { rowCount: 6, columns: [{ kind: 'numeric', name: 'a', values: Float64Array.from([1, 2, 3, 4, 5, 7]) }, { kind: 'boolean', name: 'y', values: Uint8Array.from([0, 0, 0, 0, 1, 1]) }] };
    for (const method of ['oversample', 'smote'] as const) {
      const { training } = fitPipelineWithTraining([{ kind: 'resample', id: 'r', method, target: 'y', neighbors: 1 }], t, Uint32Array.from([0, 1, 2, 3, 4, 5]));
      expect(valuesOf(training.table.columns[1]).sort()).toEqual([0, 0, 0, 0, 1, 1, 1, 1]);
      // SMOTE rows lie between the two minority rows (5 and 7); copies are exactly them
      const minority = valuesOf(training.table.columns[0]).filter((_, r) => valuesOf(training.table.columns[1])[r] === 1);
      expect(minority.every((a) => a >= 5 && a <= 7)).toBe(true);
    }
  });
});

describe('column rules', () => {
  // 'gap' misses a value only outside the training rows (row 8): the 'missing' rule must not see it.
  const withGap: Table = { ...table, columns: [...table.columns, { kind: 'numeric', name: 'gap', values: Float64Array.from([1, 2, 3, 4, 5, 6, 7, 8, NaN, 10]) }] };

  it('resolves each rule against the table as the earlier steps left it, on training rows, never picking the target', () => {
    const ruled: PipelineStep[] = [
      { kind: 'impute', id: 'num', columns: { rule: 'missing' }, strategy: 'median', addIndicator: true },
      { kind: 'impute', id: 'cat', columns: { rule: 'categorical', onlyMissing: true }, strategy: 'most_frequent' },
      { kind: 'one_hot', id: 'enc', columns: { rule: 'categorical' } },
      { kind: 'date_parts', id: 'dates', columns: { rule: 'datetime' }, parts: ['weekday'], dropOriginal: true },
      { kind: 'scale', id: 'sc', columns: { rule: 'numeric', exclude: ['x_missing'] }, method: 'minmax' },
      { kind: 'cap_outliers', id: 'cap', columns: { rule: 'name', pattern: 'colour=*' }, method: 'iqr' },
      { kind: 'drop', id: 'none', columns: { rule: 'missing' } },
    ];
    const fitted = fitPipeline(ruled, withGap, trainRows, { target: 'y' });
    expect(fitted.steps.map((s) => ['columns' in s.spec ? s.spec.columns : null, s.selection])).toEqual([
      [['x'], { rule: 'missing' }],
      [['colour'], { rule: 'categorical', onlyMissing: true }],
      [['colour'], { rule: 'categorical' }],
      [['when'], { rule: 'datetime' }],
      [['x', 'colour=blue', 'colour=red', 'when_weekday', 'gap'], { rule: 'numeric', exclude: ['x_missing'] }],
      [['colour=blue', 'colour=red'], { rule: 'name', pattern: 'colour=*' }],
      [[], { rule: 'missing' }],
    ]);
    expect(fitted.outputColumns.map((c) => c.name)).toEqual(['x', 'x_missing', 'colour=blue', 'colour=red', 'when_weekday', 'y', 'gap']);
    // Without a target the rule takes y like any numeric column.
    expect(fitPipeline([ruled[4]], withGap, trainRows).steps[0].spec).toEqual({ kind: 'scale', id: 'sc', columns: ['x', 'y', 'gap'], method: 'minmax' });
  });

  it('transforms new data with extra columns exactly as fitted, also after a JSON round trip', () => {
    const ruled: PipelineStep[] = [
      { kind: 'impute', id: 'fill', columns: { rule: 'numeric' }, strategy: 'mean' },
      { kind: 'scale', id: 'sc', columns: { rule: 'numeric' }, method: 'standard' },
    ];
    const fitted = JSON.parse(JSON.stringify(fitPipeline(ruled, table, trainRows, { target: 'y' }))) as FittedPipeline;
    const extra: Table = { ...table, columns: [...table.columns, { kind: 'numeric', name: 'extra', values: Float64Array.from([5, NaN, 5, 5, 5, 5, 5, 5, 5, 5]) }] };
    const plain = transformTable(fitted, table).table;
    const wider = transformTable(fitted, extra).table;
    expect(wider).toEqual({ rowCount: 10, columns: [...plain.columns, extra.columns[4]] });
    // x on training rows: sklearn make_pipeline(SimpleImputer('mean'), StandardScaler()) gives these (rounded to 1e-6).
    expect(valuesOf(plain.columns[0]).slice(0, 6).map((v) => Number(v.toFixed(6)))).toEqual([-1.400772, -0.764057, -0.127343, 0.509372, 0, 1.782801]);
    expect(plain.columns.find((c) => c.name === 'y')).toBe(table.columns[3]);
  });
});
