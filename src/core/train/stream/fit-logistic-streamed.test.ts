import { describe, expect, it } from 'vitest';
import { minimiseLbfgs } from '../../models/classic/lbfgs';
import { logisticRegressionFamily } from '../../models/classic/logistic-regression';
import { buildFeatureMatrix } from '../../models/feature-matrix';
import type { ProblemSpec } from '../../problem/types';
import { chunkSourceFromTable } from '../../table/chunk-source';
import { transformTable } from '../../transform/pipeline';
import { takeRows } from '../../transform/take-rows';
import { resolveNeeds } from '../fit-prepared';
import { readValidationTarget } from '../read-target';
import { createSyntheticTable } from './fixtures/synthetic-table';
import { fitLogisticStreamed } from './fit-logistic-streamed';
import { assignRowPart, type StreamedSplit } from './hash-row';
import { minimiseLbfgsAsync } from './minimise-lbfgs-async';
import { prepareStreamed } from './prepare-streamed';

const split: StreamedSplit = { validationShare: 0.2, testShare: 0, seed: 9 };
const params = { C: 2, tol: 1e-8, max_iter: 500 };

describe('minimiseLbfgsAsync', () => {
  it('takes the same iterates as minimiseLbfgs on the same objective, to the bit', async () => {
    // Rosenbrock: a curved valley that exercises the line search and the curvature memory.
    const objective = (w: Float64Array, g: Float64Array): number => {
      g[0] = -2 * (1 - w[0]) - 400 * w[0] * (w[1] - w[0] ** 2);
      g[1] = 200 * (w[1] - w[0] ** 2);
      return (1 - w[0]) ** 2 + 100 * (w[1] - w[0] ** 2) ** 2;
    };
    const options = { maxIter: 200, tol: 1e-10 };
    const sync = minimiseLbfgs(objective, Float64Array.of(-1.2, 1), options);
    const streamed = await minimiseLbfgsAsync(async (w, g) => objective(w, g), Float64Array.of(-1.2, 1), options);
    expect(streamed).toEqual(sync);
  });
});

describe('fitLogisticStreamed', () => {
  for (const classes of [2, 3] as const) {
    it(`equals the in-memory L-BFGS fit to the optimiser's tolerance (${classes} classes)`, async () => {
      const table = createSyntheticTable({ rows: 2000, features: 4, classes, seed: 21 });
      const problem: ProblemSpec = { target: 'label', task: classes === 2 ? 'binary' : 'multiclass', primaryMetric: 'accuracy', secondaryMetrics: [] };
      const prep = prepareStreamed(table, [], problem, resolveNeeds({ family: 'logistic_regression', params, autoPrepare: true }), split);
      const rows = Array.from({ length: table.rowCount }, (_, i) => i).filter((r) => assignRowPart(split, r) === 'train');
      const applied = transformTable(prep.fitted, takeRows(table, rows)).table;
      const X = buildFeatureMatrix(applied, [...prep.featureNames]).X;
      const y = readValidationTarget(applied, 'label', problem.task as 'binary', { values: new Float64Array(0), classes: prep.classes! });
      const reference = await logisticRegressionFamily.fit(X, y, params, { seed: 0 });
      const fit = await fitLogisticStreamed(chunkSourceFromTable(table, 300), prep, params);
      const ours = fit.model.info as { coefficients: number[][]; intercepts: number[] };
      const theirs = reference.info as typeof ours;
      ours.coefficients.flat().forEach((v, i) => expect(v).toBeCloseTo(theirs.coefficients.flat()[i], 5));
      ours.intercepts.forEach((v, i) => expect(v).toBeCloseTo(theirs.intercepts[i], 5));
      expect(fit.rows.train).toBe(rows.length);
      expect(fit.passes).toBeGreaterThan(5);
      expect(fit.curve.at(-1)!.metrics.trainLoss).toBeLessThan(fit.curve[0].metrics.trainLoss);
    });
  }

  it('stops after the iteration a stop request lands in', async () => {
    const table = createSyntheticTable({ rows: 500, features: 3, classes: 2, seed: 2 });
    const problem: ProblemSpec = { target: 'label', task: 'binary', primaryMetric: 'accuracy', secondaryMetrics: [] };
    const prep = prepareStreamed(table, [], problem, resolveNeeds({ family: 'logistic_regression', params, autoPrepare: true }), split);
    let iterations = 0;
    const fit = await fitLogisticStreamed(chunkSourceFromTable(table, 100), prep, params, { shouldStop: () => ++iterations >= 3 });
    expect(fit.stopped).toBe(true);
    expect(fit.curve.length).toBe(3);
  });
});
