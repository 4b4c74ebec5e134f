import { describe, expect, it } from 'vitest';
import { buildHeatmapFigure, buildHistogramFigure, buildTopValuesFigure } from './profile-figures';

describe('profile figures', () => {
  it('draws histogram bins at their centres with their widths', () => {
    expect(buildHistogramFigure({ edges: [0, 1, 3], counts: [4, 2] }, 'x').data).toEqual([
      { type: 'bar', x: [0.5, 2], y: [4, 2], width: [1, 2], marker: { color: 'var(--plot-blue)' }, hovertemplate: '%{x}: %{y}<extra></extra>' },
    ]);
  });

  it('adds a grey "(other)" bar only when values fall outside the top values', () => {
    const top = [{ value: 'a', count: 5, pct: 50 }, { value: 'b', count: 3, pct: 30 }];
    expect([buildTopValuesFigure(top, 2).data[0], buildTopValuesFigure(top, 0).data[0].marker]).toEqual([
      { type: 'bar', orientation: 'h', y: ['a', 'b', '(other)'], x: [5, 3, 2], marker: { color: ['var(--plot-blue)', 'var(--plot-blue)', 'var(--plot-grey)'] }, hovertemplate: '%{y}: %{x}<extra></extra>' },
      { color: ['var(--plot-blue)', 'var(--plot-blue)'] },
    ]);
  });

  it('scales signed measures to −1…1 on the orange–blue scale and others to 0…1 on Cividis (strong = dark), keeping nulls as gaps', () => {
    const matrix = { rows: ['a', 'b'], columns: ['a', 'b'], values: [[1, null], [null, 1]] };
    const pick = (signed: boolean) => {
      const { zmin, zmax, colorscale, reversescale, z } = buildHeatmapFigure(matrix, signed).data[0] as Record<string, unknown>;
      return { zmin, zmax, colorscale, reversescale, z };
    };
    expect([pick(true), pick(false)]).toEqual([
      { zmin: -1, zmax: 1, colorscale: [[0, '#d55e00'], [0.25, '#e69f00'], [0.5, '#f7f7f7'], [0.75, '#56b4e9'], [1, '#0072b2']], reversescale: false, z: [[1, null], [null, 1]] },
      { zmin: 0, zmax: 1, colorscale: 'Cividis', reversescale: true, z: [[1, null], [null, 1]] },
    ]);
  });
});
