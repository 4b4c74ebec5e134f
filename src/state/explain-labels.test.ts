import { describe, expect, it } from 'vitest';
import type { Table } from '../core/table/types';
import { fitPipeline, transformTable } from '../core/transform/pipeline';
import { traceFeatureSources } from '../core/transform/trace-feature-sources';
import { createFeatureLabeler, formatFeatureValue } from './explain-labels';

const table: Table = {
  rowCount: 4,
  columns: [
    { kind: 'numeric', name: 'worst radius', values: Float64Array.from([10, 20, NaN, 17.5]) },
    { kind: 'categorical', name: 'Origin', codes: Int32Array.from([0, 1, 2, 2]), levels: ['Europe', 'Japan', 'USA'] },
    { kind: 'numeric', name: 'age', values: Float64Array.from([1, 2, 3, 4]) },
    { kind: 'numeric', name: 'y', values: Float64Array.from([0, 1, 0, 1]) },
  ],
};
const fitted = fitPipeline([
  { kind: 'impute', id: 'fill', columns: ['worst radius'], strategy: 'median', addIndicator: true },
  { kind: 'scale', id: 'z', columns: ['worst radius'], method: 'standard' },
  { kind: 'one_hot', id: 'hot', columns: ['Origin'] },
  { kind: 'yeo_johnson', id: 'yj', columns: ['age'] },
  { kind: 'derive', id: 'd', name: 'twice', expression: 'y * 2' },
], table, Uint32Array.from([0, 1, 2, 3]), { target: 'y' });
const out = transformTable(fitted, table).table;
const names = out.columns.map((c) => c.name);
const valueAt = (name: string, row: number) => (out.columns.find((c) => c.name === name) as { values: Float64Array }).values[row];

describe('createFeatureLabeler', () => {
  // Values after the pipeline: sklearn SimpleImputer('median') + StandardScaler → -1.667, 1, 0.3333, 0.3333;
  // PowerTransformer() on age 1–4 → -1.386, …
  it('labels each feature with the raw cell of its dataset row and keeps the transformed value for hover', () => {
    const labeler = createFeatureLabeler(names, names.map(() => null), traceFeatureSources(fitted), table);
    const describe = (feature: string, row: number) => labeler.describeValue(feature, valueAt(feature, row), row);
    expect([
      describe('worst radius', 3), describe('worst radius', 2), describe('worst radius_missing', 2),
      describe('Origin=USA', 3), describe('Origin=USA', 1), describe('age', 0), describe('twice', 1),
    ]).toEqual([
      { label: 'worst radius = 17.5', transformed: '0.3333' },
      { label: 'worst radius = missing', transformed: '0.3333' },
      { label: 'worst radius_missing (worst radius = missing)', transformed: '1' },
      { label: 'Origin = USA', transformed: '1' },
      { label: 'Origin = Japan (not USA)', transformed: '0' },
      { label: 'age = 1', transformed: '-1.386' },
      { label: 'twice = 2', transformed: '2' },
    ]);
    // Without the pipeline (or the table) the label is the value the model saw.
    expect(createFeatureLabeler(names, names.map(() => null), null, table).describeValue('worst radius', 0.5, 3)).toEqual({ label: 'worst radius = 0.5', transformed: '0.5' });
  });

  it('puts a partial-dependence axis in raw units where the steps invert, else says what changed', () => {
    const labeler = createFeatureLabeler(names, names.map(() => null), traceFeatureSources(fitted), table);
    // Standardised -1.667, 0 and 1 are 10, the training mean 16.25 and 20 in the data.
    const axis = labeler.describeAxis('worst radius', [valueAt('worst radius', 0), 0, 1]);
    expect({ ...axis, values: axis.values.map((v) => Number(v.toFixed(9))) }).toEqual({ values: [10, 16.25, 20], title: 'worst radius (original units)', rawUnits: true });
    expect([labeler.describeAxis('age', [0, 1]), labeler.describeAxis('Origin=USA', [0, 1]), labeler.describeAxis('y', [0, 1])]).toEqual([
      { values: [0, 1], title: 'age (scaled)', rawUnits: false },
      { values: [0, 1], title: 'Origin=USA (one-hot)', rawUnits: false },
      { values: [0, 1], title: 'y', rawUnits: false },
    ]);
  });

  it('formats the value the model saw: labels for codes, "missing" for NaN, 4 significant digits', () => {
    expect([formatFeatureValue(1, ['no', 'yes']), formatFeatureValue(NaN, null), formatFeatureValue(3, null), formatFeatureValue(0.123456, null), formatFeatureValue(12345.678, null)])
      .toEqual(['yes', 'missing', '3', '0.1235', '12350']);
  });
});
