import { describe, expect, it } from 'vitest';
import { linearRegressionFamily } from '../../models/classic/linear-regression';
import { buildFeatureMatrix } from '../../models/feature-matrix';
import type { Hyperparameters } from '../../models/types';
import type { ProblemSpec } from '../../problem/types';
import { chunkSourceFromTable } from '../../table/chunk-source';
import type { Table } from '../../table/types';
import { transformTable } from '../../transform/pipeline';
import { takeRows } from '../../transform/take-rows';
import { resolveNeeds } from '../fit-prepared';
import { readTrainingTarget } from '../read-target';
import { createSyntheticTable } from './fixtures/synthetic-table';
import { fitLinearStreamed } from './fit-linear-streamed';
import { assignRowPart, type StreamedSplit } from './hash-row';
import { prepareStreamed, type StreamedPreparation } from './prepare-streamed';

const problem: ProblemSpec = { target: 'amount', task: 'regression', primaryMetric: 'rmse', secondaryMetrics: [] };
const split: StreamedSplit = { validationShare: 0.2, testShare: 0.1, seed: 5 };
const table = createSyntheticTable({ rows: 3000, features: 6, classes: 2, seed: 11 });

/** The in-memory family on the training rows the stream assigns, prepared by the same fitted pipeline. */
async function fitInMemory(prep: StreamedPreparation, source: Table, params: Hyperparameters) {
  const rows = Array.from({ length: source.rowCount }, (_, i) => i).filter((r) => assignRowPart(split, r) === 'train');
  const applied = transformTable(prep.fitted, takeRows(source, rows)).table;
  const X = buildFeatureMatrix(applied, [...prep.featureNames]).X;
  return linearRegressionFamily.fit(X, readTrainingTarget(applied, 'amount', 'regression'), params, { seed: 0 });
}

describe('fitLinearStreamed', () => {
  for (const params of [{ penalty: 'none' }, { penalty: 'l2', alpha: 3 }] as Hyperparameters[]) {
    it(`equals the in-memory fit (${String(params.penalty)}) on the same rows, chunk size irrelevant`, async () => {
      const request = { family: 'linear_regression', params, autoPrepare: true };
      const prep = prepareStreamed(table, [], problem, resolveNeeds(request), split);
      const reference = (await fitInMemory(prep, table, params)).info as { coefficients: Record<string, number>; intercept: number };
      for (const chunkRows of [257, 3000]) {
        const fit = await fitLinearStreamed(chunkSourceFromTable(table, chunkRows), prep, params);
        const info = fit.model.info as typeof reference;
        expect(Object.keys(info.coefficients)).toEqual(Object.keys(reference.coefficients));
        for (const [name, value] of Object.entries(reference.coefficients)) expect(info.coefficients[name]).toBeCloseTo(value, 9);
        expect(info.intercept).toBeCloseTo(reference.intercept, 9);
        expect(fit.rows.train + fit.rows.validation).toBeLessThan(3000);
        expect(fit.passes).toBe(1);
      }
    });
  }

  it('refuses lasso, naming the penalty and what to do', async () => {
    const prep = prepareStreamed(table, [], problem, null, split);
    await expect(fitLinearStreamed(chunkSourceFromTable(table, 500), prep, { penalty: 'l1' })).rejects.toThrow(/"l1".*penalty none or l2/);
  });

  it('stops between chunks when asked, keeping a fit on the rows read', async () => {
    const prep = prepareStreamed(table, [], problem, resolveNeeds({ family: 'linear_regression', params: {}, autoPrepare: true }), split);
    let chunks = 0;
    const fit = await fitLinearStreamed(chunkSourceFromTable(table, 500), prep, {}, { shouldStop: () => chunks >= 2, onProgress: () => chunks++ });
    expect(fit.stopped).toBe(true);
    expect(fit.rows.train).toBeLessThan(1000);
  });
});
