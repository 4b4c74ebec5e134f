import { describe, expect, it } from 'vitest';
import { escapeFigure } from './escape-figure';
import { applyTheme, buildThemedLayout, resolveTokens } from './theme-layout';

const DARK: Record<string, string> = {
  '--ink': '#e6e9f0', '--muted': '#a6aec0', '--line': '#343a48', '--card': '#1c2029', '--plot-grid': '#2c313c', '--plot-zero': '#4a5160',
  '--plot-blue': '#0072b2', '--plot-vermillion': '#d55e00', '--plot-green': '#009e73', '--plot-purple': '#cc79a7', '--plot-sky': '#56b4e9',
  '--plot-orange': '#e69f00', '--plot-yellow': '#f0e442', '--plot-black': '#e6e9f0', '--plot-ink': '#e6e9f0',
};
const read = (name: string) => DARK[name] ?? '';

describe('resolveTokens', () => {
  it('swaps token strings at any depth (colours per point, colorscales) and leaves other strings and unknown tokens', () => {
    const trace = { type: 'bar', name: 'var of x', marker: { color: ['var(--plot-blue)', 'var(--plot-vermillion)'], line: { color: 'var(--nope)' } }, colorscale: [[0, 'var(--plot-blue)'], [1, '#ffffff']] };
    expect(resolveTokens(trace, read)).toEqual({ type: 'bar', name: 'var of x', marker: { color: ['#0072b2', '#d55e00'], line: { color: 'var(--nope)' } }, colorscale: [[0, '#0072b2'], [1, '#ffffff']] });
  });

  it('returns number arrays and typed arrays as the same objects (no copy of large data)', () => {
    const x = [1, 2, 3];
    const y = Float64Array.from([4, 5]);
    const out = resolveTokens({ x, y, z: [[1, null]] }, read);
    expect([out.x === x, out.y === y, out.z[0]]).toEqual([true, true, [1, null]]);
  });
});

describe('buildThemedLayout', () => {
  it('themes font, hover, modebar, colorway and every axis under the figure’s own settings', () => {
    const base = { font: { family: 'system-ui', size: 11 }, height: 260 };
    const layout = buildThemedLayout(base, { xaxis: { title: { text: 'Recall' }, range: [0, 1] }, yaxis2: { gridcolor: '#123456' }, hoverlabel: { namelength: -1 } }, read);
    expect(layout).toEqual({
      height: 260,
      font: { family: 'system-ui', size: 11, color: '#e6e9f0' },
      colorway: ['#0072b2', '#d55e00', '#009e73', '#cc79a7', '#56b4e9', '#e69f00', '#f0e442', '#e6e9f0'],
      hoverlabel: { bgcolor: '#1c2029', bordercolor: '#343a48', font: { color: '#e6e9f0' }, namelength: -1 },
      modebar: { bgcolor: 'rgba(0,0,0,0)', color: '#a6aec0', activecolor: '#e6e9f0' },
      xaxis: { color: '#a6aec0', gridcolor: '#2c313c', zerolinecolor: '#4a5160', linecolor: '#343a48', tickfont: { color: '#a6aec0' }, title: { text: 'Recall', font: { color: '#e6e9f0' } }, range: [0, 1] },
      yaxis: { color: '#a6aec0', gridcolor: '#2c313c', zerolinecolor: '#4a5160', linecolor: '#343a48', tickfont: { color: '#a6aec0' }, title: { font: { color: '#e6e9f0' } } },
      yaxis2: { color: '#a6aec0', gridcolor: '#123456', zerolinecolor: '#4a5160', linecolor: '#343a48', tickfont: { color: '#a6aec0' }, title: { font: { color: '#e6e9f0' } } },
    });
  });
});

describe('applyTheme', () => {
  it('resolves tokens in the data and in the layout’s shapes', () => {
    const figure = { data: [{ type: 'scatter', line: { color: 'var(--plot-blue)' } }], layout: { shapes: [{ type: 'line', line: { color: 'var(--plot-vermillion)' } }] } };
    const { data, layout } = applyTheme(figure, {}, read);
    expect([data[0].line, (layout.shapes as { line: unknown }[])[0].line]).toEqual([{ color: '#0072b2' }, { color: '#d55e00' }]);
  });

  it('colour tokens survive the escaping of data strings that Plot.svelte applies first', () => {
    const figure = {
      data: [{ type: 'bar', name: '<b>x</b>', marker: { color: ['var(--plot-vermillion)', 'var(--plot-blue)'], pattern: { shape: ['/', ''] } }, error_y: { color: 'var(--plot-ink)' } }],
      layout: { shapes: [{ line: { color: 'var(--plot-blue)' } }] },
    };
    const { data, layout } = applyTheme(escapeFigure(figure), {}, read);
    expect([data[0].name, data[0].marker, data[0].error_y, (layout.shapes as { line: unknown }[])[0].line]).toEqual([
      '&lt;b&gt;x&lt;/b&gt;', { color: ['#d55e00', '#0072b2'], pattern: { shape: ['/', ''] } }, { color: '#e6e9f0' }, { color: '#0072b2' },
    ]);
  });
});
