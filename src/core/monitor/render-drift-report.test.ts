import { describe, expect, it } from 'vitest';
import { categoricalColumn, numericColumn, tableOf } from '../../test-support/table-builders';
import type { InputContract } from '../export/input-contract';
import { compareBatchPerformance } from './compare-batch-performance';
import { measureBatchDrift } from './measure-batch-drift';
import { measurePredictionDrift } from './measure-prediction-drift';
import { renderDriftReportHtml } from './render-drift-html';
import { renderDriftReportJson } from './render-drift-json';

const HOSTILE = '<script>alert("x")</script>';
const CONTRACT: InputContract = {
  formatVersion: 1, target: null, trainRowCount: 6,
  columns: [
    { name: HOSTILE, kind: 'numeric', missing: 0, min: 1, max: 6, reference: { sample: [1, 2, 3, 4, 5, 6] } },
    { name: 'shop', kind: 'categorical', missing: 0, levels: ['A & B', 'C'], counts: [4, 2] },
  ],
};
const BATCH = tableOf(numericColumn(HOSTILE, [5, 6, 7, 8]), categoricalColumn('shop', ['C', 'C', 'A & B', '<b>new</b>']));

describe('drift report files', () => {
  it('JSON holds the whole report with non-finite numbers as null, and reads back', () => {
    const report = measureBatchDrift(CONTRACT, BATCH);
    const json = JSON.parse(renderDriftReportJson(report, { prediction: null }));
    expect(Object.keys(json)).toEqual([...Object.keys(report), 'prediction', 'performance']);
    expect([json.features.length, json.features[1].categories.labels, json.prediction, json.performance]).toEqual([2, ['A & B', 'C', '(not seen in training)'], null, null]);
    const nan = JSON.parse(renderDriftReportJson({ ...report, features: [{ ...report.features[0], psi: Number.NaN }] }));
    expect(nan.features[0].psi).toBeNull();
  });

  it('HTML is self-contained and escapes every text from the data', () => {
    const report = measureBatchDrift(CONTRACT, BATCH);
    const html = renderDriftReportHtml(report, {
      title: 'churn v3 <prod>', generatedAt: '2025-01-02',
      prediction: measurePredictionDrift([0.1, 0.2, 0.3], [0.5, 0.6]),
      performance: compareBatchPerformance({ accuracy: 0.9 }, { accuracy: 0.7 }, () => 'higher'),
    });
    expect(html).not.toContain('<script');
    expect(html).not.toContain('<b>new</b>');
    expect(html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
    expect(html).toContain('A &amp; B');
    expect(html).toContain('<title>churn v3 &lt;prod&gt;</title>');
    expect(html.match(/\b(src|href)=|<link|@import|url\(/g)).toBeNull();
    expect(html.match(/<h2>[^<]*<\/h2>/g)).toEqual(['<h2>Notes</h2>', '<h2>Schema</h2>', '<h2>Drift per feature</h2>', '<h2>Prediction drift</h2>', '<h2>Performance on the labelled batch</h2>']);
    expect(html.match(/<svg /g)?.length).toBe(3);
  });
});
