import { describe, expect, it } from 'vitest';
import { profileTable } from '../../../core/profile/profile-table';
import type { Table } from '../../../core/table/types';
import { buildReportHtml, escapeHtml, renderSvgBars } from './build-report-html';

/** Every awkward input at once: all missing, a constant, infinities, a name with markup, a one-class target. */
const BAD: Table = {
  rowCount: 6,
  columns: [
    { kind: 'numeric', name: 'empty', values: Float64Array.from([NaN, NaN, NaN, NaN, NaN, NaN]) },
    { kind: 'numeric', name: 'constant', values: Float64Array.from([7, 7, 7, 7, 7, 7]) },
    { kind: 'numeric', name: 'spiky', values: Float64Array.from([1, Infinity, 2, -Infinity, 3, 4]) },
    { kind: 'numeric', name: '<b>&"x\'', values: Float64Array.from([1.5, 2, 2.5, 3, 3.5, 4]) },
    { kind: 'categorical', name: 'label', codes: Int32Array.from([0, 0, 0, 0, 0, 0]), levels: ['only'] },
  ],
};

const AT = Date.UTC(2026, 10, 22, 12, 0, 0);

function matchAll(html: string, pattern: RegExp): string[] {
  return [...html.matchAll(pattern)].map((m) => m[1]);
}

describe('buildReportHtml', () => {
  it('renders a profile of bad input with its alerts, notes and the reason the target cannot be used', () => {
    const html = buildReportHtml(profileTable(BAD, { target: 'label' }), 'bad <data>', AT);
    expect({
      title: matchAll(html, /<title>(.*?)<\/title>/g),
      headings: matchAll(html, /<h[23]>(.*?)<\/h[23]>/g),
      severities: matchAll(html, /<td><span class="sev (\w+)">/g),
      findings: matchAll(html, /<td><span class="sev \w+">\w+<\/span><\/td><td>[^<]*<\/td><td>(.*?)<\/td>/g),
      task: matchAll(html, /<p>Task: (.*?)<\/p>/g),
      urls: [...new Set(html.match(/https?:\/\/[^"' )]+/g))],
      scripts: html.includes('<script'),
      notes: [
        html.includes('No finite values: every statistic is null.'),
        html.includes('2 infinite values are counted separately and left out of all other statistics.'),
        html.includes('Constant: skewness and kurtosis are undefined (pandas reports 0), z-scores too.'),
      ],
    }).toEqual({
      title: ['Profile — bad &lt;data&gt;'],
      headings: [
        'Alerts', 'Target: label', 'Missing values', 'Correlations', 'Pearson', 'Spearman', 'Cramér&#39;s V', 'Correlation ratio η (rows: categories, columns: numbers)', 'Columns',
        'empty <span class="muted">(numeric)</span>', 'constant <span class="muted">(numeric)</span>', 'spiky <span class="muted">(numeric)</span>',
        '&lt;b&gt;&amp;&quot;x&#39; <span class="muted">(numeric)</span>', 'label <span class="muted">(categorical)</span>',
      ],
      // The two constant columns are one grouped row, each column's evidence listed inside it.
      severities: ['critical', 'warning'],
      findings: ['&quot;empty&quot; is missing in 100.0 % of rows.', 'Constant: 2 columns (constant, label).'],
      task: ['<b>none</b> — &quot;label&quot; has one value (&quot;only&quot;) in every row: there is nothing to predict.'],
      urls: ['http://www.w3.org/2000/svg'],
      scripts: false,
      notes: [true, true, true],
    });
  });

  it('renders a one-row table and lists the columns beyond the first 300 of a 5,000-column table by name', () => {
    const one = buildReportHtml(profileTable({ rowCount: 1, columns: [{ kind: 'numeric', name: 'x', values: Float64Array.from([1]) }] }), 'one', AT);
    const wide: Table = {
      rowCount: 3,
      columns: Array.from({ length: 5000 }, (_, i) => ({ kind: 'numeric' as const, name: `c${i}`, values: Float64Array.from([i, i + 1, i % 7]) })),
    };
    const html = buildReportHtml(profileTable(wide), 'wide', AT);
    expect({
      oneCards: matchAll(one, /<div class="card"><b>(.*?)<\/b>/g),
      oneNote: one.includes('Only 1 finite value: std needs 2, skewness 3 and kurtosis 4.'),
      wideSections: matchAll(html, /<h3>(c\d+) /g).length,
      wideRest: matchAll(html, /<p class="muted">([\d,]+ more columns) not drawn/g),
      wideListsLast: html.includes('c4999.</p>'),
    }).toEqual({ oneCards: ['1', '1', '8 B', '0 (0.0 %)', '1'], oneNote: true, wideSections: 300, wideRest: ['4,700 more columns'], wideListsLast: true });
  });

  it('escapes text and scales SVG bars to the largest value', () => {
    expect([escapeHtml(`<a href="x">'&'</a>`), renderSvgBars(['a', 'b<'], [2, 1])]).toEqual([
      '&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;',
      '<svg xmlns="http://www.w3.org/2000/svg" width="420" height="32" role="img">' +
        '<text x="136" y="12" text-anchor="end">a</text><rect x="140" y="2" width="220.0" height="12" fill="#3b5bdb"/><text x="364.0" y="12">2</text>' +
        '<text x="136" y="28" text-anchor="end">b&lt;</text><rect x="140" y="18" width="110.0" height="12" fill="#3b5bdb"/><text x="254.0" y="28">1</text></svg>',
    ]);
  });
});
