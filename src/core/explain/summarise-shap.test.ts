import { describe, expect, it } from 'vitest';
import type { ShapValues } from './compute-tree-shap';
import { buildShapWaterfall, collectShapBeeswarm, rankShapImportance } from './summarise-shap';

// Two outputs × three features × two rows, literal.
const shap: ShapValues = {
  rows: 2, features: 3, outputs: 2, featureNames: ['age', 'fare', 'class'], space: 'probability', baseValue: [0.4, 0.6],
  values: Float64Array.of(
    0.1, -0.3, 0.05, /* row 0, output 0 */ -0.1, 0.3, -0.05,
    -0.2, 0.1, 0.05, /* row 1, output 0 */ 0.2, -0.1, -0.05,
  ),
};

describe('SHAP summaries', () => {
  it('ranks features by mean |φ| of one output', () => {
    expect(rankShapImportance(shap, 0)).toEqual([
      { feature: 'fare', meanAbs: 0.2 }, { feature: 'age', meanAbs: 0.15000000000000002 }, { feature: 'class', meanAbs: 0.05 },
    ]);
  });

  it('collects beeswarm strips in importance order with the feature values', () => {
    const X = { values: Float64Array.of(30, 7.5, 3, 52, NaN, 1), rows: 2, cols: 3, featureNames: ['age', 'fare', 'class'] };
    expect(collectShapBeeswarm(shap, X, 1)).toEqual([
      { feature: 'fare', shap: Float64Array.of(0.3, -0.1), featureValues: Float64Array.of(7.5, NaN) },
      { feature: 'age', shap: Float64Array.of(-0.1, 0.2), featureValues: Float64Array.of(30, 52) },
      { feature: 'class', shap: Float64Array.of(-0.05, -0.05), featureValues: Float64Array.of(3, 1) },
    ]);
  });

  it('builds one row’s waterfall ending at base + Σφ, and names a bad row or output', () => {
    expect(buildShapWaterfall(shap, 1, [52, NaN, 1], 0)).toEqual({
      baseValue: 0.4, prediction: 0.4 - 0.2 + 0.1 + 0.05,
      contributions: [{ feature: 'age', value: 52, shap: -0.2 }, { feature: 'fare', value: NaN, shap: 0.1 }, { feature: 'class', value: 1, shap: 0.05 }],
    });
    expect(() => buildShapWaterfall(shap, 2, [], 0)).toThrow('Row 2 was not explained; pick a row from 0 to 1.');
    expect(() => rankShapImportance(shap, 2)).toThrow('Output 2 does not exist; this model explains outputs 0 to 1.');
  });
});
