import { describe, expect, it } from 'vitest';
import { escapeFigure, escapePlotText } from './escape-figure';

describe('escapeFigure', () => {
  it('escapes markup in data strings but keeps <br>, templates, colours and typed arrays', () => {
    const y = new Float64Array([1, 2]);
    const figure = escapeFigure({
      data: [{ type: 'bar', x: ['<b>bold</b>', 'a & b'], y, name: '<a href="https://evil.example">x</a>', text: ['value<br>after: <i>2</i>'], hovertemplate: '%{x}<br>%{y}<extra></extra>', marker: { color: '#0072b2' } }],
      layout: { xaxis: { title: { text: '<img src=x onerror=alert(1)>' } } },
    });
    const trace = figure.data[0];
    expect(trace.x).toEqual(['&lt;b&gt;bold&lt;/b&gt;', 'a &amp; b']);
    expect(trace.y).toBe(y);
    expect(trace.name).toBe('&lt;a href="https://evil.example"&gt;x&lt;/a&gt;');
    expect(trace.text).toEqual(['value<br>after: &lt;i&gt;2&lt;/i&gt;']);
    expect(trace.hovertemplate).toBe('%{x}<br>%{y}<extra></extra>');
    expect(trace.marker).toEqual({ color: '#0072b2' });
    expect(figure.layout).toEqual({ xaxis: { title: { text: '&lt;img src=x onerror=alert(1)&gt;' } } });
  });

  it('escapes the ampersand first, so an entity in the data shows as typed', () => {
    expect(escapePlotText('&lt;')).toBe('&amp;lt;');
  });
});
