// Explaining an ensemble on its raw columns: the validation rows as raw values, the ensemble as one model over them
// (its outputs those of predict-ensemble), and explainRun's importance, Kernel SHAP and partial dependence on it.

import { describe, expect, it } from 'vitest';
import { explainRun } from '../../explain/explain-run';
import { predictRun } from '../../train/predict-run';
import { takeRows } from '../../transform/take-rows';
import { textColumn } from '../../../test-support/table-builders';
import { trainEnsembleOnSample } from './fixtures/train-ensemble';
import { loadEnsemble, predictEnsemble } from './predict-ensemble';
import { createRawEnsembleModel, encodeRawColumns } from './raw-ensemble-model';

describe('the ensemble over raw columns', () => {
  it('predicts from an encoded matrix what predictEnsemble predicts from the raw rows', async () => {
    const { table, parts, run } = await trainEnsembleOnSample('penguins', [['logistic_regression', {}], ['naive_bayes', {}]], [0.7, 0.3]);
    const rows = takeRows(table, parts.validation);
    const features = { rowCount: rows.rowCount, columns: rows.columns.filter((c) => run.featureNames.includes(c.name)) };
    const encoded = encodeRawColumns(features, run.featureNames);
    const model = createRawEnsembleModel(loadEnsemble(run.model), run.model, features, encoded);
    const direct = await predictEnsemble(run.model, features);
    expect(encoded.X.featureNames).toEqual(run.featureNames);
    expect(encoded.X.categorical).toEqual(run.featureNames.map((name) => name === 'Island' || name === 'Sex'));
    expect(Array.from(model.predictProba!(encoded.X))).toEqual(Array.from(direct.proba!));
    expect(Array.from(model.predict(encoded.X))).toEqual(Array.from(direct.predictions));
  }, 60_000);

  it('explainRun: importance of every raw column, Kernel SHAP adding up to the blend, partial dependence', async () => {
    const { table, parts, problem, run } = await trainEnsembleOnSample('penguins', [['logistic_regression', {}], ['decision_tree', { maxDepth: 3 }]], [0.5, 0.5]);
    const result = await explainRun(table, parts.validation, run, problem, { repeats: 2, shapRows: 12, pdFeatures: 2, seed: 5, classIndex: 1 });
    const predicted = await predictRun(table, parts.validation, run, problem);
    expect(result.featureNames).toEqual(run.featureNames);
    expect(result.rowsUsed).toBe(predicted.rows.length);
    expect(result.importance.features.map((f) => f.feature)).toEqual(run.featureNames);
    expect(result.importance.baselineScore).toBeCloseTo(run.metrics.validation['log-loss']!.value!, 12);
    const shap = result.shap!;
    expect(shap.method).toMatch(/Kernel SHAP/);
    const position = new Map(Array.from(predicted.rows, (row, i) => [row, i]));
    const blend = Array.from(shap.rows, (row) => predicted.proba![position.get(row)! * 3 + 1]);
    expect(Math.max(...Array.from(shap.predictions, (p, i) => Math.abs(p - blend[i])))).toBeLessThan(1e-12);
    expect(result.partialDependence.length).toBe(2);
  }, 120_000);

  it('a text column rides along with the same rows only: other row counts (SHAP, partial dependence) are a DataError saying so', async () => {
    const { table, parts, run } = await trainEnsembleOnSample('penguins', [['logistic_regression', {}], ['naive_bayes', {}]], [0.5, 0.5]);
    const rows = takeRows(table, parts.validation);
    const base = rows.columns.filter((c) => run.featureNames.includes(c.name));
    const features = { rowCount: rows.rowCount, columns: [...base, textColumn('comment', Array.from({ length: rows.rowCount }, (_, i) => `note ${i}`))] };
    const encoded = encodeRawColumns(features, [...run.featureNames, 'comment']);
    const model = createRawEnsembleModel(loadEnsemble(run.model), run.model, features, encoded);
    expect(encoded.X.featureNames).toEqual(run.featureNames);
    expect(model.predict(encoded.X).length).toBe(rows.rowCount);
    const two = { ...encoded.X, rows: 2, values: encoded.X.values.slice(0, 2 * encoded.X.cols) };
    expect(() => model.predict(two)).toThrow(/reads the text column "comment".*SHAP and partial dependence are left out/);
  }, 60_000);
});
