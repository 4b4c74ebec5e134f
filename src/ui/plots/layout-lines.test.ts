import { describe, expect, it } from 'vitest';
import { formatTick, layoutLines } from './layout-lines';

const MARGIN = { left: 10, right: 10, top: 10, bottom: 10 };

describe('layoutLines', () => {
  it('scales every line into the box, y upwards, with ticks at the ends (x) and the ends and middle (y)', () => {
    const layout = layoutLines([
      { name: 'loss', x: [1, 2, 3], y: [1, 0.5, 0] },
      { name: 'score', x: [2, 3], y: [NaN, 0.25] },
    ], 120, 60, MARGIN);
    expect(layout).toEqual({
      paths: [{ name: 'loss', points: '10,10 60,30 110,50' }, { name: 'score', points: '110,40' }],
      xTicks: [{ at: 10, label: '1' }, { at: 110, label: '3' }],
      yTicks: [{ at: 50, label: '0' }, { at: 30, label: '0.5' }, { at: 10, label: '1' }],
    });
  });

  it('gives a flat line a range of ±1 and draws nothing without a finite point', () => {
    expect(layoutLines([{ name: 'flat', x: [0, 4], y: [2, 2] }], 120, 60, MARGIN).paths).toEqual([{ name: 'flat', points: '10,30 110,30' }]);
    expect(layoutLines([{ name: 'none', x: [1], y: [NaN] }], 120, 60, MARGIN)).toEqual({ paths: [], xTicks: [], yTicks: [] });
  });

  it('writes ticks with up to 4 significant digits', () => {
    expect([0.693147, 1200, 0.000015, 2, 0.0004242, 0, -0.005].map(formatTick)).toEqual(['0.6931', '1200', '1.5e-5', '2', '4.24e-4', '0', '-5e-3']);
  });
});
