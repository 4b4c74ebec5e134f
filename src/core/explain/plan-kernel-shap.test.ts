import { describe, expect, it } from 'vitest';
import { measurePredictMs, planKernelShap } from './plan-kernel-shap';

describe('planKernelShap', () => {
  it('enumerates every coalition for ≤ 10 features', () => {
    expect(planKernelShap(1e-4, 8, 50, 200)).toEqual({ samples: 254, rows: 200 });
  });

  it('gives a fast model the most samples and every row', () => {
    // 30 features, 1e-4 ms per row: a coalition costs (1e-4 + 1.2e-3) × 50 = 0.065 ms; 200 rows afford ~461 → 256.
    expect(planKernelShap(1e-4, 30, 50, 200)).toEqual({ samples: 256, rows: 200 });
  });

  it('keeps the solvable minimum and explains fewer rows for a slow model', () => {
    // 0.05 ms per row: 2.56 ms a coalition; the minimum 124 samples leave time for 18 rows.
    expect(planKernelShap(0.05, 30, 50, 200)).toEqual({ samples: 124, rows: 18 });
    expect(planKernelShap(10, 30, 50, 200)).toEqual({ samples: 124, rows: 10 });
  });
});

describe('measurePredictMs', () => {
  it('times a prediction per row (a positive number)', () => {
    const background = { rows: 5, cols: 2, values: new Float64Array(10), featureNames: ['a', 'b'] };
    const ms = measurePredictMs((m) => new Float64Array(m.rows), background);
    expect(ms).toBeGreaterThan(0);
    expect(ms).toBeLessThan(1);
  });
});
