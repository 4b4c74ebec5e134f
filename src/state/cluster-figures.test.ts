import { describe, expect, it } from 'vitest';
import type { PickKResult } from '../core/train/pick-k';
import { buildElbowFigure, buildProjectionFigure, buildSilhouetteFigure, buildVarianceFigure, describePickK } from './cluster-figures';

const RESULT: PickKResult = {
  points: [{ k: 2, inertia: 90, silhouette: 0.4 }, { k: 3, inertia: 30, silhouette: 0.7 }, { k: 4, inertia: 25, silhouette: null, reason: 'x' }],
  suggestedK: 3, silhouetteRows: 2000, rows: 12500,
};
const STAR = { color: 'var(--plot-vermillion)', size: 13, symbol: 'star' };
const AXIS = { xaxis: { title: { text: 'k (clusters)' }, dtick: 1 } };

describe('pick-k figures', () => {
  it('draw inertia and silhouette against k with the suggested k as a star', () => {
    expect(buildElbowFigure(RESULT)).toEqual({
      data: [
        { type: 'scatter', mode: 'lines+markers', name: 'inertia (Σ squared distance)', x: [2, 3, 4], y: [90, 30, 25] },
        { type: 'scatter', mode: 'markers', name: 'suggested k = 3', x: [3], y: [30], marker: STAR },
      ],
      layout: { ...AXIS, yaxis: { title: { text: 'inertia (Σ squared distance)' } } },
    });
    expect(buildSilhouetteFigure({ ...RESULT, suggestedK: null })).toEqual({
      data: [{ type: 'scatter', mode: 'lines+markers', name: 'silhouette', x: [2, 3, 4], y: [0.4, 0.7, null] }],
      layout: { ...AXIS, yaxis: { title: { text: 'silhouette' } } },
    });
  });

  it('says what is suggested and whether the silhouette was sampled', () => {
    expect(describePickK(RESULT)).toBe('Suggested k = 3 (highest silhouette). Silhouette on a seeded sample of 2,000 of 12,500 training rows.');
    expect(describePickK({ ...RESULT, suggestedK: null, silhouetteRows: 40, rows: 40 })).toBe('No k has a defined silhouette, so none is suggested. Silhouette on all 40 training rows.');
  });
});

describe('buildVarianceFigure', () => {
  it('bars per component and the cumulative share', () => {
    expect(buildVarianceFigure([0.5, 0.25, 0.25])).toEqual({
      data: [
        { type: 'bar', name: 'explained variance', x: ['PC1', 'PC2', 'PC3'], y: [0.5, 0.25, 0.25] },
        { type: 'scatter', mode: 'lines+markers', name: 'cumulative', x: ['PC1', 'PC2', 'PC3'], y: [0.5, 0.75, 1] },
      ],
      layout: { showlegend: true, legend: { orientation: 'h', y: 1.15 }, yaxis: { title: { text: 'share of variance' }, range: [0, 1.05] } },
    });
  });
});

describe('buildProjectionFigure', () => {
  const marker = { size: 5, opacity: 0.75 };
  const layout = (legend: boolean) => ({ showlegend: legend, xaxis: { title: { text: 'PC1' } }, yaxis: { title: { text: 'PC2' } } });

  it('one trace per cluster, numbered from 1, each with its own marker symbol', () => {
    const projection = { x: Float64Array.of(1, 2, 3), y: Float64Array.of(4, 5, 6), clusters: Float64Array.of(1, 0, 1), shown: 3, placed: 3 };
    expect(buildProjectionFigure(projection)).toEqual({
      data: [
        { type: 'scattergl', mode: 'markers', name: 'cluster 1', x: [2], y: [5], marker: { ...marker, symbol: 'circle' } },
        { type: 'scattergl', mode: 'markers', name: 'cluster 2', x: [1, 3], y: [4, 6], marker: { ...marker, symbol: 'diamond' } },
      ],
      layout: layout(true),
    });
  });

  it('one trace without a k-means run', () => {
    expect(buildProjectionFigure({ x: Float64Array.of(1), y: Float64Array.of(0), clusters: null, shown: 1, placed: 1 })).toEqual({
      data: [{ type: 'scattergl', mode: 'markers', name: 'rows', x: [1], y: [0], marker }], layout: layout(false),
    });
  });
});
