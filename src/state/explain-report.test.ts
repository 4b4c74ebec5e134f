import { describe, expect, it } from 'vitest';
import type { ExplainResult } from '../workers/explain-run';
import {
  clampRow, describeAdditivity, describeExplainWaiting, describeExplanationKey, describeOutputSpace, describeProgress,
  EXPLAIN_SEED, readExplainedRows, readExplainOptions, toShapValues,
} from './explain-report';

const SPEC = { runId: null, repeats: 5, shapRows: 200, row: 0, pdFeatures: 3, explainedClass: 'virginica' };
const PROBLEM = { target: 'species', task: 'multiclass' as const, primaryMetric: 'accuracy' as const, secondaryMetrics: [] };

const RESULT: ExplainResult = {
  featureNames: ['age', 'fare'], featureLevels: [null, null], rowsUsed: 2, constantFeatures: [], explainedClass: { index: 1, label: 'yes' },
  importance: { metric: 'accuracy', lowerIsBetter: false, baselineScore: 0.9, repeats: 5, note: null, features: [] },
  shap: {
    method: 'exact TreeSHAP', space: 'margin', baseValue: -0.5, rows: Uint32Array.of(10, 42),
    values: Float64Array.of(0.25, -0.5, 1, 0.5), featureValues: Float64Array.of(30, 7.5, 52, 80), predictions: Float64Array.of(-0.75, 1),
  },
  shapSkipped: null, partialDependence: [], partialDependenceSkipped: [],
};

describe('explain report', () => {
  it('reads the options from the spec: the multiclass class by label, an unknown label → the first', () => {
    expect(readExplainOptions(SPEC, ['setosa', 'versicolor', 'virginica'])).toEqual({ repeats: 5, shapRows: 200, pdFeatures: 3, seed: EXPLAIN_SEED, classIndex: 2 });
    expect(readExplainOptions(SPEC, ['a', 'b']).classIndex).toBeNull();
    expect(readExplainOptions({ ...SPEC, explainedClass: null }, undefined).classIndex).toBeNull();
  });

  it('keys an explanation by run and options', () => {
    const options = { repeats: 5, shapRows: 200, pdFeatures: 3, seed: 1, classIndex: null };
    expect(describeExplanationKey('run-1', options)).toBe('run-1|repeats=5|rows=200|pd=3|class=default|seed=1');
    expect(describeExplanationKey('run-1', { ...options, classIndex: 2 })).toBe('run-1|repeats=5|rows=200|pd=3|class=2|seed=1');
  });

  it('names what to add above, in order', () => {
    const ready = { hasDataset: true, problem: PROBLEM, hasSplit: true, hasTrainCell: true, runCount: 2 };
    expect([
      describeExplainWaiting({ ...ready, hasDataset: false }),
      describeExplainWaiting({ ...ready, problem: { ...PROBLEM, task: 'clustering', target: null } }),
      describeExplainWaiting({ ...ready, hasSplit: false }),
      describeExplainWaiting({ ...ready, hasTrainCell: false }),
      describeExplainWaiting({ ...ready, runCount: 0 }),
      describeExplainWaiting(ready),
    ]).toEqual([
      'Add a Data cell above this one.',
      'Add a Problem cell above with a target (a supervised task): explanations measure how features drive predictions of it.',
      'Add and run a Split cell above: models are explained on its validation rows.',
      'Add a Train cell above: this cell explains its stored runs.',
      'Train a model in the Train cell above.',
      null,
    ]);
  });

  it('describes the output space, progress and additivity (✓ within 1e-6, else the gap)', () => {
    expect([describeOutputSpace('margin', { index: 1, label: 'yes' }), describeOutputSpace('probability', { index: 0, label: 'no' }), describeOutputSpace('value', null)])
      .toEqual(['log-odds margin of “yes”', 'probability of “no”', 'predicted value']);
    expect([describeProgress(null), describeProgress({ stage: 'importance', done: 3, total: 30 }), describeProgress({ stage: 'shap', done: 10, total: 200 })])
      .toEqual(['Starting…', 'Permutation importance: 3 of 30 features', 'SHAP values: 10 of 200 rows']);
    expect(describeAdditivity(0.25, 0.5, 0.75 + 1e-9)).toBe('base 0.2500 + contributions 0.5000 = 0.7500 = prediction 0.7500 ✓');
    expect(describeAdditivity(0.25, 0.5, 0.76)).toBe('base 0.2500 + contributions 0.5000 = 0.7500, but the prediction is 0.7600 (off by 1.0e-2) ✗');
    expect(describeAdditivity(0.25, NaN, 0.76)).toBe('The model returned a non-finite output for this row; its SHAP values cannot be checked.');
  });

  it('turns the saved SHAP section into core ShapValues and the explained rows', () => {
    expect(toShapValues(RESULT)).toEqual({
      rows: 2, features: 2, outputs: 1, featureNames: ['age', 'fare'], space: 'margin', baseValue: [-0.5], values: Float64Array.of(0.25, -0.5, 1, 0.5),
    });
    expect(readExplainedRows(RESULT)).toEqual({ values: Float64Array.of(30, 7.5, 52, 80), rows: 2, cols: 2, featureNames: ['age', 'fare'] });
    expect([toShapValues({ ...RESULT, shap: null }), readExplainedRows({ ...RESULT, shap: null })]).toEqual([null, null]);
    expect([clampRow(5, 2), clampRow(-1, 2), clampRow(1, 2), clampRow(3, 0)]).toEqual([1, 0, 1, 0]);
  });
});
