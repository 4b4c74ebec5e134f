import { describe, expect, it } from 'vitest';
import { buildHeatmapFigure, buildHistogramFigure, buildTopValuesFigure } from './profile-figures';

describe('profile figures', () => {
  it('draws histogram bins at their centres with their widths', () => {
    expect(buildHistogramFigure({ edges: [0, 1, 3], counts: [4, 2] }, 'x').data).toEqual([
      { type: 'bar', x: [0.5, 2], y: [4, 2], width: [1, 2], marker: { color: '#3b5bdb' }, hovertemplate: '%{x}: %{y}<extra></extra>' },
    ]);
  });

  it('adds a grey "(other)" bar only when values fall outside the top values', () => {
    const top = [{ value: 'a', count: 5, pct: 50 }, { value: 'b', count: 3, pct: 30 }];
    expect([buildTopValuesFigure(top, 2).data[0], buildTopValuesFigure(top, 0).data[0].marker]).toEqual([
      { type: 'bar', orientation: 'h', y: ['a', 'b', '(other)'], x: [5, 3, 2], marker: { color: ['#3b5bdb', '#3b5bdb', '#adb5bd'] }, hovertemplate: '%{y}: %{x}<extra></extra>' },
      { color: ['#3b5bdb', '#3b5bdb'] },
    ]);
  });

  it('scales signed measures to −1…1 and others to 0…1, keeping nulls as gaps', () => {
    const matrix = { rows: ['a', 'b'], columns: ['a', 'b'], values: [[1, null], [null, 1]] };
    const pick = (signed: boolean) => {
      const { zmin, zmax, colorscale, z } = buildHeatmapFigure(matrix, signed).data[0] as Record<string, unknown>;
      return { zmin, zmax, colorscale, z };
    };
    expect([pick(true), pick(false)]).toEqual([
      { zmin: -1, zmax: 1, colorscale: 'RdBu', z: [[1, null], [null, 1]] },
      { zmin: 0, zmax: 1, colorscale: 'Blues', z: [[1, null], [null, 1]] },
    ]);
  });
});
