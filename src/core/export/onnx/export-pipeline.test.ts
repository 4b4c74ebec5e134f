import { describe, expect, it } from 'vitest';
import { booleanColumn, datetimeColumn, numericColumn, sortedCategoricalColumn, tableOf, textColumn } from '../../../test-support/table-builders';
import { fitPipeline, transformTable } from '../../transform/pipeline';
import type { PipelineStep } from '../../transform/step-types';
import { takeRows } from '../../transform/take-rows';
import { deriveInputContract } from '../input-contract';
import { OnnxGraphBuilder } from './graph-builder';
import { exportPipeline, toFeatureTensor } from './export-pipeline';
import { runPipelineParity } from './steps/fixtures/pipeline-parity';

const AGE = [22, 38, 26, 35, null, 54, 2, 27, 14, 58, /* held out */ null, 80, 0.5, 31, 45];
const FARE = [7.25, 71.3, 7.9, 53.1, 8.05, 51.9, 21.1, 11.1, 30.1, 26.6, /* held out */ 512, 0, 7.75, null, 13];
const PORT = ['S', 'C', 'S', 'S', 'Q', 'S', null, 'S', 'C', 'S', /* held out */ 'Q', 'X', null, 'C', 'S'];
const ALONE = [false, false, true, false, true, true, false, null, false, true, /* held out */ true, null, false, true, true];
const NAME = ['Mr. A', 'Mrs. B', 'Miss C', 'Mrs. D', 'Mr. E', 'Mr. F', 'Master G', 'Mrs. H', 'Miss I', 'Miss J', /* held out */ 'Mr. K', 'Dr. L', null, 'Mrs. M', 'Mr. N'];
const BOOKED = ['2020-01-03', '2020-02-14', '2020-03-01', '2020-01-20', null, '2020-04-04', '2020-05-05', '2020-01-01', '2020-02-29', '2020-03-15',
  /* held out */ '2021-06-30', '2019-12-25', null, '2020-07-04', '2020-01-02'];
const SURVIVED = [0, 1, 1, 1, 0, 0, 0, 1, 1, 1, /* held out */ 1, 0, 1, 0, 0];
const titanic = tableOf(
  numericColumn('age', AGE), numericColumn('fare', FARE), sortedCategoricalColumn('port', PORT), booleanColumn('alone', ALONE),
  textColumn('name', NAME), datetimeColumn('booked', BOOKED), numericColumn('survived', SURVIVED),
);

describe('exportPipeline', () => {
  it('exports a whole prepared pipeline with the output columns, kinds and values transformTable gives', async () => {
    const steps: PipelineStep[] = [
      { kind: 'filter', id: 'f', expression: 'is_missing(fare) or fare < 500' },
      { kind: 'derive', id: 'title', name: 'is_mr', expression: "contains(name, 'Mr.')" },
      { kind: 'derive', id: 'ratio', name: 'fare_per_year', expression: 'fare / coalesce(age, 30)' },
      { kind: 'impute', id: 'imp', columns: { rule: 'numeric' }, strategy: 'median', addIndicator: true },
      { kind: 'impute', id: 'imp2', columns: ['port'], strategy: 'most_frequent' },
      { kind: 'cap_outliers', id: 'cap', columns: ['fare'], method: 'iqr' },
      { kind: 'yeo_johnson', id: 'yj', columns: ['fare_per_year'] },
      { kind: 'scale', id: 'sc', columns: ['age', 'fare'], method: 'standard' },
      { kind: 'date_parts', id: 'dp', columns: ['booked'], parts: ['month', 'weekday', 'days_since'], dropOriginal: true },
      { kind: 'target_encode', id: 'te', columns: ['port'], target: 'survived' },
      { kind: 'one_hot', id: 'oh', columns: ['alone', 'is_mr'], drop: 'if_binary' },
      { kind: 'drop', id: 'dr', columns: ['name'] },
      { kind: 'dedupe', id: 'dd' },
    ];
    const result = await runPipelineParity(steps, titanic, 10, { target: 'survived' });
    expect(result.mismatches).toEqual([]);
    expect(result.onnxColumns).toEqual(result.studioColumns);
    expect(result.rows).toEqual([4, 4]);
    expect(result.studioColumns).toContain('booked_days_since:numeric');
  });

  it('keeps a raw categorical as the model reads it: codes into the contract levels, missing and unseen → NaN', async () => {
    const result = await runPipelineParity([{ kind: 'drop', id: 'd', columns: ['name', 'booked'] }], titanic, 10, { target: 'survived' });
    expect(result).toEqual({ onnxColumns: ['age:numeric', 'fare:numeric', 'port:categorical', 'alone:boolean'], studioColumns: ['age:numeric', 'fare:numeric', 'port:categorical', 'alone:boolean'], mismatches: [], rows: [5, 5] });
  });

  it('names the step and the column when a step reads a column the scoring inputs lack (the target)', () => {
    const fitted = fitPipeline([{ kind: 'scale', id: 'sc', columns: ['survived'], method: 'standard' }], titanic, Uint32Array.of(0, 1, 2, 3), { target: null });
    const contract = deriveInputContract(titanic, Uint32Array.of(0, 1, 2, 3), fitted, fitted.outputColumns.map((c) => c.name), { name: 'survived', classes: null });
    const builder = new OnnxGraphBuilder('g');
    const inputs = new Map(contract.columns.map((c) => [c.name, builder.addInput(c.name, c.kind === 'categorical' || c.kind === 'text' ? 'string' : 'double', ['N', 1])]));
    expect(() => exportPipeline(builder, fitted, inputs, contract)).toThrow(/Step 'sc' \(scale\) reads column 'survived', which is not among the exported inputs/);
    expect(() => exportPipeline(builder, fitted, new Map(), contract)).toThrow(/no input for column 'age'/);
  });

  it('codes a categorical feature made by a cast by its training levels; a pipeline fitted before they were learnt is refused', () => {
    const table = tableOf(textColumn('city', ['Oslo', 'Rome', 'Lima', 'Oslo', /* held out */ 'Rome', 'Lima']));
    const fitted = fitPipeline([{ kind: 'cast', id: 'c', columns: ['city'], to: 'categorical' }], table, Uint32Array.of(0, 1, 2, 3));
    // The bug this guards (fixed in the cast step): a value's code depended on the other rows in the batch.
    const codeOfRome = (rows: number[]) => {
      const column = transformTable(fitted, takeRows(table, rows)).table.columns[0];
      return column.kind === 'categorical' ? column.codes[rows.indexOf(4)] : null;
    };
    expect([codeOfRome([0, 1, 2, 4]), codeOfRome([4, 5])]).toEqual([2, 2]);
    const contract = deriveInputContract(table, Uint32Array.of(0, 1, 2, 3), fitted, fitted.outputColumns.map((c) => c.name), null);
    const exportCity = (pipeline: typeof fitted) => {
      const builder = new OnnxGraphBuilder('g');
      return { builder, city: exportPipeline(builder, pipeline, new Map([['city', builder.addInput('city', 'string', ['N', 1])]]), contract).get('city')! };
    };
    const learnt = exportCity(fitted);
    expect(learnt.city).toEqual({ tensor: 'city', kind: 'categorical', levels: ['Lima', 'Oslo', 'Rome'] });
    expect(typeof toFeatureTensor(learnt.builder, learnt.city, null)).toBe('string');
    const old = exportCity({ ...fitted, steps: fitted.steps.map((step) => ({ ...step, state: null })) });
    expect(() => toFeatureTensor(old.builder, old.city, ['Lima', 'Oslo', 'Rome'])).toThrow(/made by a cast whose category codes depend on the rows being scored/);
  });

  it('refuses datetime and text features', () => {
    const builder = new OnnxGraphBuilder('g');
    expect(() => toFeatureTensor(builder, { tensor: 'when', kind: 'datetime' }, null)).toThrow(/A datetime column cannot be a model feature/);
  });
});
