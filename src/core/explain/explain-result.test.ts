import { describe, expect, it } from 'vitest';
import { readExplainedRows, toShapValues, type ExplainResult } from './explain-result';

const RESULT: ExplainResult = {
  featureNames: ['age', 'fare'], featureLevels: [null, null], rowsUsed: 2, constantFeatures: [], explainedClass: { index: 1, label: 'yes' },
  importance: { metric: 'accuracy', lowerIsBetter: false, baselineScore: 0.9, repeats: 5, note: null, features: [] },
  shap: {
    method: 'exact TreeSHAP', space: 'margin', baseValue: -0.5, rows: Uint32Array.of(10, 42),
    values: Float64Array.of(0.25, -0.5, 1, 0.5), featureValues: Float64Array.of(30, 7.5, 52, 80), predictions: Float64Array.of(-0.75, 1),
  },
  shapSkipped: null, partialDependence: [], partialDependenceSkipped: [],
};

describe('explain result', () => {
  it('turns the saved SHAP section into core ShapValues and the explained rows', () => {
    expect(toShapValues(RESULT)).toEqual({
      rows: 2, features: 2, outputs: 1, featureNames: ['age', 'fare'], space: 'margin', baseValue: [-0.5], values: Float64Array.of(0.25, -0.5, 1, 0.5),
    });
    expect(readExplainedRows(RESULT)).toEqual({ values: Float64Array.of(30, 7.5, 52, 80), rows: 2, cols: 2, featureNames: ['age', 'fare'] });
    expect([toShapValues({ ...RESULT, shap: null }), readExplainedRows({ ...RESULT, shap: null })]).toEqual([null, null]);
  });
});
