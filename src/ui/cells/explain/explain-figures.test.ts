import { describe, expect, it } from 'vitest';
import {
  buildBeeswarmFigure, buildImportanceFigure, buildPartialDependenceFigure, buildShapBarFigure, buildWaterfallFigure, rankImportance,
} from './explain-figures';

const IMPORTANCE = {
  metric: 'log-loss' as const, lowerIsBetter: true, baselineScore: 0.3, repeats: 5, note: null,
  features: [{ feature: 'a', mean: 0.01, std: 0.002 }, { feature: 'b', mean: 0.2, std: 0.05 }, { feature: 'c', mean: 0.05, std: 0.01 }],
};

describe('explain figures', () => {
  it('importance: sorted bars, top N, ± std error bars, a loss says "Rise in"', () => {
    const figure = buildImportanceFigure(IMPORTANCE, 'Log loss', 2);
    expect(rankImportance(IMPORTANCE).map((f) => f.feature)).toEqual(['b', 'c', 'a']);
    expect(figure.data.map((t) => [t.x, t.y, (t.error_x as { array: number[] }).array])).toEqual([[[0.2, 0.05], ['b', 'c'], [0.05, 0.01]]]);
    expect((figure.layout?.xaxis as { title: { text: string } }).title.text).toBe('Rise in Log loss when shuffled');
  });

  it('SHAP bar: the ranked mean |SHAP|, at most top N', () => {
    const figure = buildShapBarFigure([{ feature: 'b', meanAbs: 0.3 }, { feature: 'a', meanAbs: 0.1 }], 'probability of “yes”', 1);
    expect(figure.data.map((t) => [t.x, t.y])).toEqual([[[0.3], ['b']]]);
  });

  it('beeswarm: one strip per feature, colour normalised per feature, missing values grey, crowded points stacked, raw values on hover', () => {
    const figure = buildBeeswarmFigure([
      { feature: 'b', shap: Float64Array.of(0.5, 0.5, -0.5), featureValues: Float64Array.of(10, 20, NaN) },
      { feature: 'a', shap: Float64Array.of(0.1, -0.1, 0), featureValues: Float64Array.of(1, 1, 1) },
    ], 'value', (feature, i, value) => ({ label: `${feature} = raw${i}`, transformed: String(value) }));
    expect(figure.data.map((t) => [t.x, t.y, (t.marker as { color: unknown }).color, t.text])).toEqual([
      [[0.5, 0.5, 0.1, -0.1, 0], [0, 0.05, 1, 1, 1], [0, 1, 0.5, 0.5, 0.5], ['b = raw0<br>after the pipeline: 10', 'b = raw1<br>after the pipeline: 20', 'a = raw0<br>after the pipeline: 1', 'a = raw1<br>after the pipeline: 1', 'a = raw2<br>after the pipeline: 1']],
      [[-0.5], [0], 'var(--plot-grey)', ['b = raw2<br>after the pipeline: NaN']],
    ]);
    expect((figure.layout?.yaxis as { ticktext: string[] }).ticktext).toEqual(['b', 'a']);
  });

  it('waterfall: base → top contributions (rest summed) → prediction, bars labelled by the caller, the model\'s value on hover', () => {
    const raw: Record<string, string> = { sex: 'male', age: 'missing', fare: '7.25' };
    const figure = buildWaterfallFigure({
      baseValue: 0.4, prediction: 0.35,
      contributions: [{ feature: 'sex', value: 1, shap: -0.2 }, { feature: 'age', value: -0.5, shap: 0.1 }, { feature: 'fare', value: 7.25, shap: 0.05 }],
    }, (feature, value) => ({ label: `${feature} = ${raw[feature]}`, transformed: String(value) }), 'probability', 2);
    const [trace] = figure.data;
    expect({ y: trace.y, x: trace.x, measure: trace.measure, base: trace.base, text: trace.text, customdata: trace.customdata }).toEqual({
      y: ['sex = male', 'age = missing', '1 other features', 'prediction'], x: [-0.2, 0.1, 0.05, 0], measure: ['relative', 'relative', 'relative', 'total'],
      base: 0.4, text: ['-0.200', '+0.100', '+0.0500', '0.3500'],
      customdata: ['after the pipeline: 1', 'after the pipeline: -0.5', 'fare', 'probability'],
    });
    // Equal labels would share one bar on a category axis: the repeat names its feature.
    const twice = buildWaterfallFigure({ baseValue: 0, prediction: 0, contributions: [{ feature: 'o=a', value: 0, shap: 1 }, { feature: 'o=b', value: 0, shap: -1 }] }, () => ({ label: 'o = c', transformed: '0' }), 'value');
    expect(twice.data[0].y).toEqual(['o = c', 'o = c [o=b]', 'prediction']);
  });

  it('partial dependence: faded ICE lines under the average; categorical grids at their labels', () => {
    const pd = { feature: 'port', grid: [0, 1], average: [0.3, 0.6], rowsUsed: 2, ice: { rows: [0, 1], values: [[0.2, 0.5], [0.4, 0.7]] } };
    const figure = buildPartialDependenceFigure(pd, ['C', 'S'], 'probability');
    expect(figure.data.map((t) => [t.x, t.y, t.opacity ?? 1])).toEqual([[['C', 'S'], [0.2, 0.5], 0.35], [['C', 'S'], [0.4, 0.7], 0.35], [['C', 'S'], [0.3, 0.6], 1]]);
    expect(buildPartialDependenceFigure(pd, null, 'value').data[2].x).toEqual([0, 1]);
    const raw = buildPartialDependenceFigure({ ...pd, feature: 'fare' }, null, 'value', { values: [10, 20], title: 'fare (original units)', rawUnits: true });
    expect([raw.data[2].x, raw.data[2].customdata, (raw.layout?.xaxis as { title: { text: string } }).title.text]).toEqual([[10, 20], [0, 1], 'fare (original units)']);
  });
});
