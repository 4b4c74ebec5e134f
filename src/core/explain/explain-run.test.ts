import { describe, expect, it } from 'vitest';
import { loadModel } from '../models/registry';
import type { ProblemSpec } from '../problem/types';
import type { Table } from '../table/types';
import type { TrainedRun, TrainRequest } from '../train/types';
import { categoricalColumn, numericColumn, tableOf } from '../../test-support/table-builders';
import { trainOnTrainingPart } from '../train/train-candidate';
import type { ExplainOptions, ExplainProgress, ExplainResult } from './explain-result';
import { explainRun } from './explain-run';

// 48 rows: y depends on x1 (strongly) and x2 (weakly); noise is a 0/1 column no target uses; flat is constant.
const X1 = [3, 8, 1, 6, 9, 2, 7, 4, 0, 5, 8, 3, 6, 1, 9, 4, 7, 2, 5, 0, 6, 9, 1, 3, 8, 4, 2, 7, 5, 0, 3, 9, 6, 1, 4, 8, 2, 7, 0, 5, 9, 3, 1, 6, 8, 4, 7, 2];
const X2 = [1, 4, 6, 0, 2, 5, 3, 6, 1, 4, 0, 2, 5, 3, 1, 6, 4, 0, 2, 5, 6, 3, 1, 4, 0, 2, 5, 3, 6, 1, 4, 0, 2, 5, 3, 6, 1, 4, 0, 2, 5, 3, 6, 1, 4, 0, 2, 5];
const NOISE = X1.map((_, i) => (i * 5) % 3 === 0 ? 1 : 0);
const LABEL = X1.map((x, i) => (x + 0.4 * X2[i] > 5.5 ? 'yes' : 'no'));
const BAND = X1.map((x) => (x < 3 ? 'low' : x < 7 ? 'mid' : 'high'));
const VALUE = X1.map((x, i) => 2 * x - 0.5 * X2[i] + NOISE[i]);
const TABLE = tableOf(
  numericColumn('x1', X1), numericColumn('x2', X2), numericColumn('noise', NOISE), numericColumn('flat', X1.map(() => 1)),
  categoricalColumn('label', LABEL), categoricalColumn('band', BAND), numericColumn('value', VALUE),
);
const TRAIN = Uint32Array.from(X1.keys()).filter((i) => i % 4 !== 0);
const VALIDATION = Uint32Array.from(X1.keys()).filter((i) => i % 4 === 0);
const OPTIONS: ExplainOptions = { repeats: 3, shapRows: 200, pdFeatures: 2, seed: 7, classIndex: null };

const binary: ProblemSpec = { target: 'label', task: 'binary', positiveClass: 'yes', primaryMetric: 'roc-auc', secondaryMetrics: [] };
const multiclass: ProblemSpec = { target: 'band', task: 'multiclass', primaryMetric: 'log-loss', secondaryMetrics: [] };
const regression: ProblemSpec = { target: 'value', task: 'regression', primaryMetric: 'rmse', secondaryMetrics: [] };

/** Trains one run on TRAIN of `table`, as the training worker does. */
function trainOn(table: Table, request: TrainRequest): Promise<TrainedRun> {
  return trainOnTrainingPart(table, { train: TRAIN, validation: VALIDATION, folds: [] }, request);
}

/** Trains one run on TRAIN with the other targets dropped. */
async function train(family: string, problem: ProblemSpec, params: TrainRequest['params'] = {}): Promise<TrainedRun> {
  const drop = ['label', 'band', 'value'].filter((c) => c !== problem.target);
  const request: TrainRequest = {
    id: `${family}-${problem.target}`, family, params, seed: 3, problem, crossValidate: false,
    steps: [{ id: 'd', kind: 'drop', columns: drop }],
  };
  return trainOn(TABLE, request);
}

/** Largest |base + Σφ − output| over the explained rows, against `outputs` (one per explained row). */
function measureAdditivity(result: ExplainResult, outputs: ArrayLike<number>): number {
  const shap = result.shap!;
  const M = result.featureNames.length;
  let worst = 0;
  for (let i = 0; i < shap.rows.length; i++) {
    let sum = shap.baseValue;
    for (let j = 0; j < M; j++) sum += shap.values[i * M + j];
    worst = Math.max(worst, Math.abs(sum - outputs[i]));
  }
  return worst;
}

/** The model's own probability of class k for the explained rows (rebuilt from JSON, predicted on the raw columns). */
function predictClass(run: TrainedRun, result: ExplainResult, k: number): number[] {
  const shap = result.shap!;
  const M = result.featureNames.length;
  const X = { values: shap.featureValues, rows: shap.rows.length, cols: M, featureNames: result.featureNames };
  const proba = loadModel(run.model).predictProba!(X);
  const K = proba.length / X.rows;
  return Array.from({ length: X.rows }, (_, i) => proba[i * K + k]);
}

describe('explainRun', () => {
  it('gradient boosting (binary): importance for every feature, exact TreeSHAP adding up to the log-odds, PD for the top features, progress per stage', async () => {
    const run = await train('gradient_boosting', binary, { maxIter: 15, minSamplesLeaf: 3, earlyStopping: 'off' });
    const progress: ExplainProgress[] = [];
    const result = await explainRun(TABLE, VALIDATION, run, binary, OPTIONS, (p) => progress.push(p));
    const importance = Object.fromEntries(result.importance.features.map((f) => [f.feature, f.mean]));
    expect(Object.keys(importance)).toEqual(['x1', 'x2', 'noise', 'flat']);
    expect(importance.x1).toBeGreaterThan(importance.x2);
    expect(importance.flat).toBe(0);
    expect({ metric: result.importance.metric, lowerIsBetter: result.importance.lowerIsBetter, note: result.importance.note, rowsUsed: result.rowsUsed, constant: result.constantFeatures, explained: result.explainedClass })
      .toEqual({ metric: 'roc-auc', lowerIsBetter: false, note: null, rowsUsed: 12, constant: ['flat'], explained: { index: 1, label: 'yes' } });
    expect({ method: result.shap?.method, space: result.shap?.space, rows: Array.from(result.shap!.rows) })
      .toEqual({ method: 'exact TreeSHAP', space: 'margin', rows: Array.from(VALIDATION) });
    expect(measureAdditivity(result, result.shap!.predictions)).toBeLessThan(1e-6);
    const logOdds = predictClass(run, result, 1).map((p) => Math.log(p / (1 - p)));
    expect(measureAdditivity(result, logOdds)).toBeLessThan(1e-6);
    expect(result.partialDependence.map((pd) => pd.feature)).toEqual(['x1', 'x2']);
    expect(result.partialDependence.map((pd) => [pd.grid.length === pd.average.length, pd.ice.values.length])).toEqual([[true, 12], [true, 12]]);
    const last = (stage: ExplainProgress['stage']) => progress.filter((p) => p.stage === stage).at(-1);
    expect([last('importance'), last('shap'), last('partial-dependence')]).toEqual([
      { stage: 'importance', done: 4, total: 4 }, { stage: 'shap', done: 12, total: 12 }, { stage: 'partial-dependence', done: 2, total: 2 },
    ]);
  });

  it('random forest (multiclass, class picked): TreeSHAP of the picked class adds up to its probability; log-loss is reported as a loss', async () => {
    const run = await train('random_forest', multiclass, { nEstimators: 8, maxDepth: 4 });
    const result = await explainRun(TABLE, VALIDATION, run, multiclass, { ...OPTIONS, shapRows: 5, classIndex: 2 }, undefined);
    expect({ explained: result.explainedClass, space: result.shap?.space, rows: result.shap?.rows.length, lowerIsBetter: result.importance.lowerIsBetter })
      .toEqual({ explained: { index: 2, label: run.classes![2] }, space: 'probability', rows: 5, lowerIsBetter: true });
    expect(result.importance.baselineScore).toBeGreaterThan(0);
    expect(measureAdditivity(result, predictClass(run, result, 2))).toBeLessThan(1e-6);
    await expect(explainRun(TABLE, VALIDATION, run, multiclass, { ...OPTIONS, classIndex: 3 })).rejects.toThrow(`Class 3 does not exist; pick one of ${run.classes!.join(', ')}.`);
  });

  it('logistic regression: Kernel SHAP (every coalition of 4 features) adds up to the positive-class probability', async () => {
    const run = await train('logistic_regression', binary);
    const result = await explainRun(TABLE, VALIDATION, run, binary, OPTIONS);
    expect({ method: result.shap?.method, space: result.shap?.space })
      .toEqual({ method: 'Kernel SHAP, every coalition of 4 features (exact for a 12-row background)', space: 'probability' });
    expect(measureAdditivity(result, predictClass(run, result, 1))).toBeLessThan(1e-6);
  });

  it('linear regression on 12 features, sampled Kernel SHAP: φ_j = w_j (x_j − background mean), as for any linear model', async () => {
    // 12 features > 10: coalitions are sampled, yet a linear model's coalition values are linear, so the fit is exact.
    const columns = Array.from({ length: 12 }, (_, j) => X1.map((_, i) => (i * (j + 3)) % (j + 5)));
    const wide = tableOf(...columns.map((values, j) => numericColumn(`f${j}`, values)), numericColumn('value', X1.map((_, i) => columns.reduce((s, c, j) => s + (j - 5) * c[i], 0.5 * NOISE[i]))));
    const request: TrainRequest = { id: 'wide', family: 'linear_regression', params: {}, seed: 3, problem: regression, crossValidate: false, steps: [] };
    const run = await trainOn(wide, request);
    const result = await explainRun(wide, VALIDATION, run, regression, OPTIONS);
    const w = (run.model.state as { coefficients: number[] }).coefficients;
    const shap = result.shap!;
    const means = columns.map((c) => VALIDATION.reduce((s, row) => s + c[row], 0) / VALIDATION.length);
    let worst = 0;
    for (let i = 0; i < shap.rows.length; i++) for (let j = 0; j < 12; j++) worst = Math.max(worst, Math.abs(shap.values[i * 12 + j] - w[j] * (shap.featureValues[i * 12 + j] - means[j])));
    expect(worst).toBeLessThan(1e-9);
    expect(measureAdditivity(result, shap.predictions)).toBeLessThan(1e-6);
    // Samples per row follow the timed cost of predicting (always ≥ 64 for 12 features); the identity above holds for any count.
    expect({ method: shap.method.replace(/\d+ samples/, 'N samples'), metric: result.importance.metric, space: shap.space, explained: result.explainedClass })
      .toEqual({ method: 'Kernel SHAP estimate, N samples per row, 12-row background', metric: 'rmse', space: 'value', explained: null });
  });

  it('says what to do for one validation row, a run whose features are gone, and bad options', async () => {
    const run = await train('decision_tree', binary, { maxDepth: 3 });
    await expect(explainRun(TABLE, Uint32Array.of(4), run, binary, OPTIONS)).rejects.toThrow(
      'Only 1 validation row has a target; permutation importance shuffles rows and needs at least 2 — give the validation part a larger share in the Split cell.');
    const withoutX2 = tableOf(...TABLE.columns.filter((c) => c.name !== 'x2'));
    await expect(explainRun(withoutX2, VALIDATION, run, binary, OPTIONS)).rejects.toMatchObject({
      name: 'ModelSpecError', message: expect.stringMatching(/^The run "Decision tree" no longer matches the data: .*["']x2["'].* Retrain it in the Train cell\.$/),
    });
    await expect(explainRun(TABLE, VALIDATION, run, binary, { ...OPTIONS, repeats: 0 })).rejects.toThrow('Shuffles per feature must be a whole number from 1 to 100; got 0.');
  });
});
