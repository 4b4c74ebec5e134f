import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { CELL_SPEC_SCHEMAS } from '../../notebook/file/spec-schemas';
import type { DatasetArtifact, SplitArtifact } from '../../notebook/runtime/artifacts';
import type { TrainRequest } from '../types';
import { describeRowsSource, noteSampleRows, planStreamedRequests, readStreamedTag } from './streamed-request';

const dataset = {
  key: 'd1', name: 'big.csv', rowCount: 1000, columns: [], warnings: [],
  streamed: { datasetId: 'ds-1', rowCount: 5_000_000, sampleRows: 1000 },
} as DatasetArtifact;
const split = { key: 's1', train: new Uint32Array(700), validation: new Uint32Array(200), test: new Uint32Array(100), folds: [] } as SplitArtifact;
const request = (family: string): TrainRequest & { configKey: string } => ({
  id: family, family, params: {}, seed: 3, steps: [], crossValidate: true, configKey: `key-${family}`,
  problem: { target: 'y', task: 'binary', primaryMetric: 'accuracy', secondaryMetrics: [] },
});

describe('planStreamedRequests', () => {
  it('tags the streamable families with the dataset and the split shares, with their own key and no CV', () => {
    const [logistic, forest] = planStreamedRequests([request('logistic_regression'), request('random_forest')], dataset, split, 9, 'streamed');
    expect(readStreamedTag(logistic)).toEqual({ datasetId: 'ds-1', sourceRows: 5_000_000, split: { validationShare: 0.2, testShare: 0.1, seed: 9 } });
    expect(logistic.configKey).toBe('key-logistic_regression|streamed');
    expect(logistic.crossValidate).toBe(false);
    expect(readStreamedTag(forest)).toBeNull();
    expect(forest).toEqual({ ...request('random_forest'), sampleNote: 'a uniform sample of 1,000 of 5,000,000 rows' });
  });

  it('notes the sample on every request of a streamed dataset trained on its sample, and leaves a dataset held whole alone', () => {
    const [onSample] = planStreamedRequests([request('logistic_regression')], dataset, split, 9, 'sample');
    expect(onSample).toEqual({ ...request('logistic_regression'), sampleNote: 'a uniform sample of 1,000 of 5,000,000 rows' });
    expect(noteSampleRows({ id: 'r', info: { iterations: 3 } }, onSample)).toEqual({ id: 'r', info: { iterations: 3, rowsUsed: 'a uniform sample of 1,000 of 5,000,000 rows' } });
    expect(planStreamedRequests([request('logistic_regression')], { ...dataset, streamed: undefined }, split, 9, 'streamed')).toEqual([request('logistic_regression')]);
    expect(noteSampleRows({ info: {} }, request('logistic_regression'))).toEqual({ info: {} });
  });
});

describe('describeRowsSource', () => {
  it('says where the rows come from', () => {
    expect(describeRowsSource(dataset, undefined)).toBe('a uniform sample of 1,000 of 5,000,000 rows');
    expect(describeRowsSource(dataset, 'streamed')).toMatch(/^every row, streamed \(5,000,000 rows\)/);
    expect(describeRowsSource({ rowCount: 20, streamed: undefined }, 'streamed')).toBe('all 20 rows');
  });
});

describe('the Train spec', () => {
  const spec = { candidates: [], tryAll: false, crossValidate: true, autoPrepare: true, seed: 1, backend: 'auto' };
  it('opens without "rows" (notebooks saved before it) and keeps "streamed"; anything else is refused', () => {
    expect(v.safeParse(CELL_SPEC_SCHEMAS.train, spec).success).toBe(true);
    expect(v.parse(CELL_SPEC_SCHEMAS.train, { ...spec, rows: 'streamed' })).toMatchObject({ rows: 'streamed' });
    expect(v.safeParse(CELL_SPEC_SCHEMAS.train, { ...spec, rows: 'everything' }).success).toBe(false);
  });
});
