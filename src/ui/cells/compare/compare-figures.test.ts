import { describe, expect, it } from 'vitest';
import { buildPrecisionRecallOverlayFigure, buildPredictedActualOverlayFigure, buildRocOverlayFigure, buildTrainingCurvesFigure } from './compare-figures';

const pick = (trace: Record<string, unknown>) => [trace.name, trace.x, trace.y];

describe('compare figures', () => {
  it('training curves: one trace per run and metric, colour and symbol by run, dash by metric; none when no run has metrics', () => {
    const figure = buildTrainingCurvesFigure([
      { side: 'A', label: 'Boosting', data: [{ iteration: 1, total: 2, metrics: { trainLoss: 0.6, validationLoss: 0.65 } }, { iteration: 2, total: 2, metrics: { trainLoss: 0.4, validationLoss: 0.5 } }] },
      { side: 'B', label: 'Logistic', data: [{ iteration: 1, total: 9, metrics: { trainLoss: 0.7 } }, { iteration: 2, total: 9, metrics: { trainLoss: 0.3, validationLoss: NaN } }] },
    ]);
    expect(figure?.data.map((t) => [...pick(t), (t.line as { color: string; dash: string }), (t.marker as { symbol: string }).symbol])).toEqual([
      ['A Boosting · trainLoss', [1, 2], [0.6, 0.4], { color: 'var(--plot-blue)', dash: 'solid' }, 'circle'],
      ['A Boosting · validationLoss', [1, 2], [0.65, 0.5], { color: 'var(--plot-blue)', dash: 'dash' }, 'circle'],
      ['B Logistic · trainLoss', [1, 2], [0.7, 0.3], { color: 'var(--plot-vermillion)', dash: 'solid' }, 'diamond'],
    ]);
    expect(buildTrainingCurvesFigure([{ side: 'A', label: 'Mean', data: [{ iteration: 1, total: 1, metrics: {} }] }])).toBeNull();
  });

  it('ROC: the diagonal, then each run that has a curve', () => {
    const figure = buildRocOverlayFigure([
      { side: 'A', label: 'LR', data: { falsePositiveRate: [0, 0, 1], truePositiveRate: [0, 1, 1], thresholds: [2, 1, 0] } },
      { side: 'B', label: 'Prior', data: null },
    ]);
    expect(figure.data.map(pick)).toEqual([[undefined, [0, 1], [0, 1]], ['A LR', [0, 0, 1], [0, 1, 1]]]);
  });

  it('PR: both runs as step lines, B dashed', () => {
    const figure = buildPrecisionRecallOverlayFigure([
      { side: 'A', label: 'LR', data: { precision: [0.5, 1], recall: [1, 0], thresholds: [0.2] } },
      { side: 'B', label: 'GB', data: { precision: [0.6, 1], recall: [1, 0], thresholds: [0.3] } },
    ]);
    expect(figure.data.map((t) => [...pick(t), t.line])).toEqual([
      ['A LR', [1, 0], [0.5, 1], { color: 'var(--plot-blue)', width: 2, shape: 'hv', dash: 'solid' }],
      ['B GB', [1, 0], [0.6, 1], { color: 'var(--plot-vermillion)', width: 2, shape: 'hv', dash: 'dash' }],
    ]);
  });

  it('predicted vs actual: diagonal over every value of both runs, then one marker trace per run (A circles, B diamonds)', () => {
    const figure = buildPredictedActualOverlayFigure([
      { side: 'A', label: 'Linear', data: { yTrue: Float64Array.from([1, 4]), yPred: Float64Array.from([1.5, 3]) } },
      { side: 'B', label: 'Mean', data: { yTrue: Float64Array.from([1, 4]), yPred: Float64Array.from([6, -2]) } },
    ]);
    expect(figure.data.map(pick)).toEqual([[undefined, [-2, 6], [-2, 6]], ['A Linear', [1, 4], [1.5, 3]], ['B Mean', [1, 4], [6, -2]]]);
    expect(figure.data.slice(1).map((t) => (t.marker as { symbol: string }).symbol)).toEqual(['circle', 'diamond']);
  });
});
