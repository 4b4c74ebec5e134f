import { describe, expect, it } from 'vitest';
import type { ProblemSpec } from '../../problem/types';
import { chunkSourceFromTable } from '../../table/chunk-source';
import { buildFeatureMatrix } from '../../models/feature-matrix';
import { transformTable } from '../../transform/pipeline';
import { takeRows } from '../../transform/take-rows';
import { readValidationTarget } from '../read-target';
import { scoreModel } from '../score-model';
import { drawStratifiedSample } from './draw-stratified-sample';
import { createSyntheticTable } from './fixtures/synthetic-table';
import { fitStreamed } from './fit-streamed';
import { createChunkCache } from './scan-chunks';

const table = createSyntheticTable({ rows: 4000, features: 5, classes: 2, seed: 8 });
const split = { validationShare: 0.2, testShare: 0.1, seed: 2 };

describe('fitStreamed', () => {
  it('fits logistic regression on every row with its pipeline fitted on a stratified sample, and scores the validation rows', async () => {
    const source = chunkSourceFromTable(table, 700);
    const sample = await drawStratifiedSample(source, { column: 'label', task: 'classification' }, 800, 1);
    const problem: ProblemSpec = { target: 'label', task: 'binary', primaryMetric: 'accuracy', secondaryMetrics: [] };
    const progress: string[] = [];
    const run = await fitStreamed(source, sample.table, { family: 'logistic_regression', params: {}, seed: 0, problem, steps: [], split }, { onProgress: (p) => progress.push(p.stage) });
    expect(run.rows.train + run.rows.validation).toBeGreaterThan(3400);
    expect(run.validation.rows).toBe(run.rows.validation);
    expect(run.validation.metrics.accuracy!.value).toBeGreaterThan(0.8);
    expect(run.validation.metrics['log-loss']!.value).toBeLessThan(0.45);
    expect(progress.at(-1)).toBe('score');
    // The streamed accuracy is the in-memory one on the same validation rows, prepared the same way.
    const rows = Array.from({ length: table.rowCount }, (_, i) => i).filter((r) => run.prep.partOf(r) === 'validation');
    const applied = transformTable(run.prep.fitted, takeRows(table, rows)).table;
    const X = buildFeatureMatrix(applied, [...run.prep.featureNames]).X;
    const y = readValidationTarget(applied, 'label', 'binary', { values: new Float64Array(0), classes: run.prep.classes! });
    expect(run.validation.metrics.accuracy).toEqual(scoreModel(run.model, X, y, { ...problem, secondaryMetrics: ['log-loss'] }).accuracy);
    expect(run.validation.metrics['log-loss']!.value).toBeCloseTo(scoreModel(run.model, X, y, { ...problem, secondaryMetrics: ['log-loss'] })['log-loss']!.value!, 12);
    // The F1 family from the streamed confusion matrix equals the in-memory metrics to the bit.
    const labels = ['macro-f1', 'f1', 'precision', 'recall', 'f1-weighted', 'precision-macro', 'recall-weighted'] as const;
    const inMemory = scoreModel(run.model, X, y, { ...problem, secondaryMetrics: [...labels] });
    for (const id of labels) expect({ id, value: run.validation.metrics[id] }).toEqual({ id, value: inMemory[id] });
  });

  it('gives the same linear model with a prepared-chunk cache as without, and R² on the validation rows', async () => {
    const problem: ProblemSpec = { target: 'amount', task: 'regression', primaryMetric: 'rmse', secondaryMetrics: [] };
    const request = { family: 'linear_regression', params: {}, seed: 0, problem, steps: [], split };
    const plain = await fitStreamed(chunkSourceFromTable(table, 512), table, request);
    const cached = await fitStreamed(chunkSourceFromTable(table, 512), table, request, { cache: createChunkCache(1 << 20) });
    expect(cached.model.toJSON()).toEqual(plain.model.toJSON());
    expect(plain.validation.metrics.r2!.value).toBeGreaterThan(0.9);
    const rows = Array.from({ length: table.rowCount }, (_, i) => i).filter((r) => plain.prep.partOf(r) === 'validation');
    const applied = transformTable(plain.prep.fitted, takeRows(table, rows)).table;
    const X = buildFeatureMatrix(applied, [...plain.prep.featureNames]).X;
    const y = { values: Float64Array.from((applied.columns.find((c) => c.name === 'amount') as { values: Float64Array }).values) };
    const reference = scoreModel(plain.model, X, y, { ...problem, secondaryMetrics: ['mae', 'r2', 'mse'] });
    for (const id of ['rmse', 'mae', 'r2', 'mse'] as const) expect(plain.validation.metrics[id]!.value).toBeCloseTo(reference[id]!.value!, 10);
  });

  it('refuses a family that cannot stream, saying which can', async () => {
    const problem: ProblemSpec = { target: 'label', task: 'binary', primaryMetric: 'accuracy', secondaryMetrics: [] };
    await expect(fitStreamed(chunkSourceFromTable(table, 700), table, { family: 'random_forest', params: {}, seed: 0, problem, steps: [], split }))
      .rejects.toThrow(/random_forest: Only linear regression, logistic regression and the neural network/);
  });
});
