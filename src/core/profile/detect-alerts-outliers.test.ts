import { describe, expect, it } from 'vitest';
import { detectAlerts } from './detect-alerts';
import type { NumericProfile } from './types';

const NUMBER: NumericProfile = {
  kind: 'numeric', name: 'wind', count: 100, missing: 0, missingPct: 0, distinct: 50, idLike: false, notes: [], mean: 3, std: 1, min: 0, max: 9,
  quantiles: null, skewness: 0.2, kurtosis: 0, zeros: 0, negatives: 0, positiveInfinity: 0, negativeInfinity: 0,
  outliersIqr: { count: 3, pct: 3, lower: -0.49999999999999956, upper: 6.699999999999999 }, outliersZ: null, histogram: null, topValues: [],
};

describe('detectAlerts outliers', () => {
  it('shows IQR fences to 6 significant digits in the text and keeps them exact in the evidence', () => {
    expect(detectAlerts({ columns: [NUMBER], duplicates: { count: 0, pct: 0, examples: [] }, target: null })).toEqual([
      {
        id: 'outliers:wind', severity: 'info', kind: 'outliers', columns: ['wind'],
        message: '3 values of "wind" (3.0 %) lie outside [-0.5, 6.7] (1.5 × IQR).',
        evidence: { count: 3, pct: 3, lower: -0.49999999999999956, upper: 6.699999999999999 },
        suggestion: { kind: 'cap-outliers', column: 'wind', detail: 'Check whether they are errors; if not, cap at -0.5 and 6.7 for models sensitive to scale.' },
      },
    ]);
  });
});
