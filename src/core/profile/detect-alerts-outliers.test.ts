import { describe, expect, it } from 'vitest';
import { detectAlerts } from './detect-alerts';
import type { NumericProfile } from './types';

const NUMBER: NumericProfile = {
  kind: 'numeric', name: 'wind', count: 100, missing: 0, missingPct: 0, distinct: 50, idLike: false, notes: [], mean: 3, std: 1, min: -2, max: 9,
  quantiles: null, skewness: 0.2, kurtosis: 0, zeros: 0, negatives: 0, positiveInfinity: 0, negativeInfinity: 0,
  outliersIqr: { count: 6, pct: 6, lower: -0.49999999999999956, upper: 6.699999999999999 }, outliersZ: null, histogram: null, topValues: [],
};
const NO_DUPLICATES = { count: 0, pct: 0, examples: [] };
const detect = (column: NumericProfile) => detectAlerts({ columns: [column], duplicates: NO_DUPLICATES, target: null });

describe('detectAlerts outliers', () => {
  it('shows IQR fences to 6 significant digits in the text and keeps them exact in the evidence', () => {
    expect(detect(NUMBER)).toEqual([
      {
        id: 'outliers:wind', severity: 'info', kind: 'outliers', columns: ['wind'],
        message: '6 values of "wind" (6.0 %) lie outside [-0.5, 6.7] (1.5 × IQR).',
        evidence: { count: 6, pct: 6, lower: -0.49999999999999956, upper: 6.699999999999999 },
        suggestion: { kind: 'cap-outliers', column: 'wind', detail: 'Check whether they are errors; if not, cap at -0.5 and 6.7 for models sensitive to scale.' },
      },
    ]);
  });

  it('keeps cap bounds inside the observed range: a fence below the minimum 0 becomes 0, and only the upper side is named', () => {
    // Seattle's precipitation: Q1 0, Q3 2.8, fences −4.2 and 7; nothing is below 0.
    const rain: NumericProfile = { ...NUMBER, name: 'precipitation', min: 0, max: 55.9, skewness: 1.5, outliersIqr: { count: 206, pct: 14.1, lower: -4.199999999999999, upper: 7 } };
    expect(detect(rain)).toEqual([
      {
        id: 'outliers:precipitation', severity: 'info', kind: 'outliers', columns: ['precipitation'],
        message: '206 values of "precipitation" (14.1 %) lie above 7 (Q3 + 1.5 × IQR).',
        evidence: { count: 206, pct: 14.1, lower: 0, upper: 7 },
        suggestion: { kind: 'cap-outliers', column: 'precipitation', detail: 'Check whether they are errors; if not, cap at 0 and 7 for models sensitive to scale.' },
      },
    ]);
  });

  it('stays quiet on a few outliers (≤ 5 %) and a moderate skew (|skewness| ≤ 2); a strongly skewed column gets the skew alert alone', () => {
    const quiet = detect({ ...NUMBER, skewness: 1.8, outliersIqr: { count: 4, pct: 4, lower: -0.5, upper: 6.7 } });
    const skewed = detect({ ...NUMBER, min: 0, skewness: 3.5 });
    expect([quiet, skewed.map((alert) => [alert.id, alert.suggestion.kind])]).toEqual([[], [['skew:wind', 'log-transform']]]);
  });
});
