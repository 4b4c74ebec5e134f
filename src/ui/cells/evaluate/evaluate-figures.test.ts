import { describe, expect, it } from 'vitest';
import { buildCostFigure, buildPrecisionRecallFigure, buildResidualHistogramFigure, buildRocFigure } from './evaluate-figures';

const POINT = { threshold: 0.5, truePositives: 2, falsePositives: 1, falseNegatives: 0, trueNegatives: 1, precision: 2 / 3, recall: 1, falsePositiveRate: 0.5, f1: 0.8, accuracy: 0.75 };

describe('evaluate figures', () => {
  it('ROC: diagonal, curve, and the operating point at (FPR, recall)', () => {
    const figure = buildRocFigure({ falsePositiveRate: [0, 0, 1], truePositiveRate: [0, 1, 1], thresholds: [1.8, 0.65, 0.1] }, POINT);
    expect(figure.data.map((t) => [t.x, t.y])).toEqual([[[0, 1], [0, 1]], [[0, 0, 1], [0, 1, 1]], [[0.5], [1]]]);
  });

  it('PR: no marker when precision is undefined (nothing predicted positive)', () => {
    const figure = buildPrecisionRecallFigure({ precision: [0.5, 1], recall: [1, 0], thresholds: [0.1] }, { ...POINT, precision: null });
    expect(figure.data.map((t) => [t.x, t.y])).toEqual([[[1, 0], [0.5, 1]]]);
  });

  it('cost: thresholds above 1 and "none" are left out; the best is starred, the current one a line', () => {
    const figure = buildCostFigure({ thresholds: [null, 1.5, 0.8, 0.2], meanCost: [5, 5, 2, 3], best: { threshold: 0.8, meanCost: 2, index: 2 } }, 0.2);
    expect({ data: figure.data.map((t) => [t.x, t.y]), line: (figure.layout?.shapes as { x0: number }[])[0].x0 })
      .toEqual({ data: [[[0.8, 0.2], [2, 3]], [[0.8], [2]]], line: 0.2 });
  });

  it('residual histogram: bars at bin centres with the bin widths', () => {
    const figure = buildResidualHistogramFigure({ edges: [-1, 0, 2], counts: [3, 4] });
    expect(figure.data.map((t) => [t.x, t.y, t.width])).toEqual([[[-0.5, 1], [3, 4], [1, 2]]]);
  });
});
