import { describe, expect, it } from 'vitest';
import { buildCalibrationComparisonFigure, buildCostFigure, buildGainFigure, buildLearningCurveFigure, buildPrecisionRecallFigure, buildResidualHistogramFigure, buildRocFigure, buildSliceFigure } from './evaluate-figures';

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

  it('slices: bars with asymmetric error bars, the flagged bar in the "bad" colour and hatched, an undefined slice left empty', () => {
    const figure = buildSliceFigure({
      column: 'sex', rule: '', overall: { value: 0.8, low: 0.7, high: 0.9, repeats: 200 },
      slices: [
        { label: 'f', count: 10, value: 0.5, low: 0.25, high: 0.75, repeats: 200, flagged: true },
        { label: 'm', count: 3, value: null, low: null, high: null, repeats: 0, reason: 'one class', flagged: false },
      ],
    }, 'Accuracy');
    const [bars] = figure.data;
    expect({ x: bars.x, y: bars.y, error: bars.error_y, marker: bars.marker, overall: (figure.layout?.shapes as { y0: number }[])[0].y0 }).toEqual({
      x: ['f', 'm'], y: [0.5, null], error: { type: 'data', symmetric: false, array: [0.25, null], arrayminus: [0.25, null], color: 'var(--plot-ink)' },
      marker: { color: ['var(--plot-vermillion)', 'var(--plot-blue)'], pattern: { shape: ['/', ''] } }, overall: 0.8,
    });
  });

  it('gain: random diagonal, perfect line through the positive share, the model from (0, 0)', () => {
    const rows = [
      { depth: 0.5, rows: 2, positives: 1, cumulativeRows: 2, cumulativePositives: 1, gain: 0.5, lift: 1, minScore: 0.6 },
      { depth: 1, rows: 2, positives: 1, cumulativeRows: 4, cumulativePositives: 2, gain: 1, lift: 1, minScore: 0.1 },
    ];
    expect(buildGainFigure(rows).data.map((t) => [t.x, t.y])).toEqual([[[0, 1], [0, 1]], [[0, 0.5, 1], [0, 1, 1]], [[0, 0.5, 1], [0, 0.5, 1]]]);
  });

  it('calibration before/after: diagonal, then both curves', () => {
    const before = { observedRate: [0, 1], meanPredicted: [0.3, 0.6], counts: [2, 2], edges: [0, 0.5, 1] };
    const after = { observedRate: [0, 1], meanPredicted: [0.1, 0.9], counts: [2, 2], edges: [0, 0.5, 1] };
    const figure = buildCalibrationComparisonFigure(before, after, 'isotonic');
    expect(figure.data.map((t) => [t.x, t.y, t.name])).toEqual([[[0, 1], [0, 1], undefined], [[0.3, 0.6], [0, 1], 'before'], [[0.1, 0.9], [0, 1], 'after (isotonic)']]);
  });

  it('learning curve: train and validation against rows used, a failed size as a gap', () => {
    const figure = buildLearningCurveFigure({ runId: 'r', metric: 'accuracy', points: [
      { fraction: 0.5, rows: 5, train: { value: null, reason: 'failed' }, validation: { value: null, reason: 'failed' } },
      { fraction: 1, rows: 10, train: { value: 1 }, validation: { value: 0.75 } },
    ] }, 'Accuracy');
    expect(figure.data.map((t) => [t.x, t.y])).toEqual([[[5, 10], [null, 1]], [[5, 10], [null, 0.75]]]);
  });
});
