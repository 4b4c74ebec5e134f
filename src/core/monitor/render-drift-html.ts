// A drift report as one self-contained HTML file: inline style and SVG, no script, no external asset; every text
// from the data (column names, categories, messages) escaped.

import { formatCount } from '../ingest/describe-evidence';
import { formatNumber } from '../table/format-cell';
import type { DriftReport, FeatureDrift } from './drift-types';
import { escapeHtml } from './escape-html';
import type { DriftReportExtras } from './render-drift-json';
import { renderOverlaySvg } from './render-overlay-svg';

export interface DriftHtmlOptions extends DriftReportExtras {
  /** The page's heading (default "Drift report"), e.g. the model name and version. */
  readonly title?: string;
  /** When the batch was checked, as the caller wants it printed (core has no clock of its own here). */
  readonly generatedAt?: string;
}

const MS_PER_DAY = 86_400_000;
const STYLE = 'body{font:14px/1.45 system-ui,sans-serif;margin:2rem auto;max-width:70rem;padding:0 1rem;color:#1b1f24}' +
  'table{border-collapse:collapse;width:100%;margin:1rem 0}th,td{border-bottom:1px solid #d0d4da;padding:.35rem .5rem;text-align:left;vertical-align:top}' +
  '.badge{padding:.1rem .45rem;border-radius:.6rem;font-weight:600}.ok{background:#dff3e4;color:#14532d}.warn{background:#fff1c2;color:#713f12}' +
  '.alert{background:#fde2e1;color:#7f1d1d}.error{color:#7f1d1d}figure{display:inline-block;margin:.5rem 1rem .5rem 0}figcaption{font-size:12px}';

/** The whole report page. */
export function renderDriftReportHtml(report: DriftReport, options: DriftHtmlOptions = {}): string {
  const title = options.title ?? 'Drift report';
  const summary = `${formatCount(report.rowCount)} rows · overall ${badge(report.status)} · PSI warning from ${formatNumber(report.thresholds.psiWarn)}, alert from ${formatNumber(report.thresholds.psiAlert)}` +
    (options.generatedAt ? ` · checked ${text(options.generatedAt)}` : '');
  const notes = [report.smallBatch?.note, report.multipleTesting.note, ...report.notes, `PSI binning: ${report.binning.description}`].filter((n): n is string => n !== undefined);
  return [
    '<!doctype html>', '<html lang="en"><head><meta charset="utf-8">',
    `<title>${text(title)}</title><style>${STYLE}</style></head><body>`,
    `<h1>${text(title)}</h1><p>${summary}</p>`,
    section('Notes', list(notes)),
    section('Schema', report.schemaMessages.length === 0 ? '<p>The batch matches the model\'s input contract.</p>' : list(report.schemaMessages.map((m) => m.message), report.schemaMessages.map((m) => m.severity))),
    section('Drift per feature', renderFeatureTable(report.features) + report.features.map(renderFigure).join('')),
    report.unmeasured.length > 0 ? section('Not measured', list(report.unmeasured.map((u) => u.message))) : '',
    options.prediction ? section('Prediction drift', `<p>Scores: ${badge(options.prediction.status)} PSI ${num(options.prediction.psi)}, KS D ${num(options.prediction.ks.statistic)} (p ${num(options.prediction.ks.pValue)}), ` +
      `Wasserstein ${num(options.prediction.wasserstein)}, JS ${num(options.prediction.jensenShannon)}; ${formatCount(options.prediction.compared.batch)} batch scores vs ${formatCount(options.prediction.compared.reference)} reference scores.</p>` +
      figure(renderOverlaySvg(options.prediction.overlay, 'scores'), 'scores')) : '',
    options.performance ? section('Performance on the labelled batch', renderPerformance(options.performance)) : '',
    '</body></html>', '',
  ].join('\n');
}

function renderFeatureTable(features: readonly FeatureDrift[]): string {
  const head = '<tr><th>Feature</th><th>Type</th><th>Status</th><th>PSI</th><th>Test</th><th>Distance</th><th>Missing (training → batch)</th><th>Values compared</th></tr>';
  const rows = features.map((f) => {
    const test = 'ks' in f
      ? `KS D = ${num(f.ks.statistic)}, p = ${num(f.ks.pValue)} (${f.ks.method})`
      : `χ² = ${num(f.chiSquare.statistic)} (dof ${f.chiSquare.dof}${f.chiSquare.yates ? ', Yates' : ''}), p = ${num(f.chiSquare.pValue)}`;
    const distance = 'ks' in f
      ? `Wasserstein ${f.kind === 'datetime' ? `${num(f.wasserstein / MS_PER_DAY)} days` : num(f.wasserstein)} · JS ${num(f.jensenShannon)}`
      : `JS ${num(f.jensenShannon)}`;
    const missing = `${percent(f.missingRate.reference)} → ${percent(f.missingRate.batch)}`;
    const compared = `${formatCount(f.compared.reference)} / ${formatCount(f.compared.batch)}${f.smallSample ? ' (few)' : ''}`;
    return `<tr><td>${text(f.column)}</td><td>${f.kind}</td><td>${badge(f.status)}</td><td>${num(f.psi)}</td><td>${test}; Bonferroni p = ${num(f.pValueAdjusted)}</td><td>${distance}</td><td>${missing}</td><td>${compared}</td></tr>`;
  });
  return `<table>${head}${rows.join('')}</table>`;
}

function renderFigure(feature: FeatureDrift): string {
  return figure(renderOverlaySvg(feature.overlay, feature.column, feature.kind === 'datetime'), feature.column);
}

function renderPerformance(performance: NonNullable<DriftReportExtras['performance']>): string {
  const head = '<tr><th>Metric</th><th>Reference</th><th>Batch</th><th>Worse by</th></tr>';
  const rows = performance.changes.map((c) => `<tr><td>${text(c.metric)}</td><td>${num(c.reference)}</td><td>${num(c.batch)}</td><td>${c.degraded ? badge('alert') + ' ' : ''}${num(c.worsening)}</td></tr>`);
  return `<table>${head}${rows.join('')}</table>${list([...performance.alerts, ...performance.notes])}`;
}

function section(heading: string, body: string): string {
  return `<section><h2>${text(heading)}</h2>${body}</section>`;
}

function figure(svg: string, caption: string): string {
  return `<figure>${svg}<figcaption>${text(caption)}: training reference (grey) and batch (blue), shares of each side</figcaption></figure>`;
}

function list(items: readonly string[], classes?: readonly string[]): string {
  if (items.length === 0) return '';
  return `<ul>${items.map((item, i) => `<li${classes ? ` class="${text(classes[i])}"` : ''}>${text(item)}</li>`).join('')}</ul>`;
}

function badge(status: string): string {
  return `<span class="badge ${text(status)}">${text(status)}</span>`;
}

function num(value: number): string {
  return Number.isFinite(value) ? text(formatNumber(Number(value.toPrecision(4)))) : '–';
}

function percent(share: number): string {
  return `${text(formatNumber(Number((100 * share).toFixed(1))))} %`;
}

function text(value: string): string {
  return escapeHtml(value);
}
