import { describe, expect, it } from 'vitest';
import type { TuneTrial } from '../core/tune/tune-output';
import { buildHistoryFigure, buildImportanceFigure } from './tune-figures';

const trial = (index: number, value: number | null, budget = 1): TuneTrial => ({
  index, params: {}, budget, rung: 0, status: value === null ? 'error' : 'done', value, loss: value === null ? null : -value, runId: null, durationMs: 10, family: 'decision_tree',
});

describe('buildHistoryFigure', () => {
  it('scored trials in finishing order (partial budgets grey and open), the running best as a step line', () => {
    const figure = buildHistoryFigure([trial(0, 0.7), trial(1, null), trial(2, 0.6, 1 / 3), trial(3, 0.8)], 'higher', 'AUC');
    const [points, best] = figure.data;
    expect({ x: points.x, y: points.y, marker: points.marker, text: points.text, best: [best.y, best.line] }).toEqual({
      x: [1, 2, 3], y: [0.7, 0.6, 0.8],
      marker: { size: 7, color: ['var(--plot-blue)', 'var(--plot-grey)', 'var(--plot-blue)'], symbol: ['circle', 'circle-open', 'circle'] },
      text: ['#1 decision_tree', '#3 decision_tree (budget 1/3)', '#4 decision_tree'],
      best: [[0.7, 0.7, 0.8], { shape: 'hv', color: 'var(--plot-vermillion)' }],
    });
  });
});

describe('buildImportanceFigure', () => {
  it('bars from the least to the most important (plotly draws horizontal bars bottom-up)', () => {
    const figure = buildImportanceFigure([{ name: 'max_depth', importance: 0.7 }, { name: 'min_samples_leaf', importance: 0.2 }]);
    expect(figure.data[0]).toMatchObject({ x: [0.2, 0.7], y: ['min_samples_leaf', 'max_depth'], marker: { color: 'var(--plot-blue)' } });
  });
});
