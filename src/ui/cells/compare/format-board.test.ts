import { describe, expect, it } from 'vitest';
import type { CompareScoreCell } from '../../../core/compare/build-compare-board';
import { formatCvScore, formatScoreValue } from './format-board';

const cell = (cvMean: number | null, cvStd: number | null): CompareScoreCell => ({ metric: 'roc-auc', validation: 0.9, cvMean, cvStd, validationReason: null, cvReason: null });

describe('formatCvScore / formatScoreValue', () => {
  it('formats CV as mean ± std, nothing without CV; a score to four decimals, a dash when missing', () => {
    expect([formatCvScore(cell(null, null)), formatCvScore(cell(0.95, 0.01)), formatScoreValue(0.91234), formatScoreValue(null)])
      .toEqual([null, 'CV 0.9500 ± 0.0100', '0.9123', '—']);
  });
});
