// Builds the profile as one self-contained HTML page a colleague can open offline: inline CSS, tables and
// inline SVG bar charts, no scripts and no network. Every text from the data is HTML-escaped.

import { groupAlerts } from '../../../core/profile/group-alerts';
import type { Alert, ColumnProfile, CorrelationMatrix, TableProfile } from '../../../core/profile/types';
import { formatBytes, formatCount } from '../../common/format';
import { formatCountPct, formatStat, listColumnStats } from './column-stats';

/** Columns drawn in full in the report; the rest are listed by name (a 5,000-column profile stays readable). */
export const MAX_REPORT_COLUMNS = 300;

const CSS = `body{font:14px/1.45 system-ui,sans-serif;color:#1d2330;max-width:1100px;margin:24px auto;padding:0 16px}
h1{font-size:1.5rem}h2{font-size:1.15rem;margin-top:2em;border-bottom:1px solid #dde1ea}h3{font-size:1rem;margin:1.2em 0 .3em}
table{border-collapse:collapse;margin:.4em 0}td,th{border:1px solid #dde1ea;padding:2px 8px;text-align:left;vertical-align:top}
th{background:#f4f6fa}.muted{color:#5b6475}.cards{display:flex;flex-wrap:wrap;gap:10px}.card{border:1px solid #dde1ea;border-radius:8px;padding:8px 12px}
.card b{display:block;font-size:1.2rem}.sev{font-weight:600;border-radius:999px;padding:0 8px;font-size:.8rem}
.critical{background:#fdecea;color:#b42318}.warning{background:#fff4e0;color:#9a5b00}.info{background:#e9edfc;color:#3656d6}
.col{display:grid;grid-template-columns:minmax(260px,1fr) 2fr;gap:16px;align-items:start}svg text{font:10px system-ui,sans-serif;fill:#5b6475}`;

/** Escapes text for HTML content and attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch] ?? ch);
}

/** Horizontal bars as inline SVG: one row per label, bar length ∝ value (values ≥ 0). */
export function renderSvgBars(labels: readonly string[], values: readonly number[], color = '#3b5bdb'): string {
  const max = Math.max(0, ...values);
  const row = 16;
  const width = 420;
  const labelWidth = 140;
  const bars = labels.map((label, i) => {
    const length = max > 0 ? ((width - labelWidth - 60) * values[i]) / max : 0;
    const y = i * row;
    const shown = label.length > 22 ? `${label.slice(0, 21)}…` : label;
    return `<text x="${labelWidth - 4}" y="${y + 12}" text-anchor="end">${escapeHtml(shown)}</text>` +
      `<rect x="${labelWidth}" y="${y + 2}" width="${length.toFixed(1)}" height="${row - 4}" fill="${color}"/>` +
      `<text x="${(labelWidth + length + 4).toFixed(1)}" y="${y + 12}">${escapeHtml(formatStat(values[i]))}</text>`;
  });
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${labels.length * row}" role="img">${bars.join('')}</svg>`;
}

function renderColumnChart(column: ColumnProfile): string {
  if (column.kind === 'numeric' && column.histogram) {
    const { edges, counts } = column.histogram;
    return renderSvgBars(counts.map((_, i) => `${formatStat(edges[i])} – ${formatStat(edges[i + 1])}`), counts);
  }
  if (column.kind === 'datetime') return column.perYear.length > 0 ? renderSvgBars(column.perYear.map((v) => v.value), column.perYear.map((v) => v.count)) : '';
  if (column.kind === 'numeric') return '';
  const labels = column.topValues.map((v) => v.value);
  const counts = column.topValues.map((v) => v.count);
  if (column.otherCount > 0) {
    labels.push('(other)');
    counts.push(column.otherCount);
  }
  return labels.length > 0 ? renderSvgBars(labels, counts) : '';
}

function renderTable(rows: readonly (readonly string[])[], header?: readonly string[]): string {
  const head = header ? `<tr>${header.map((h) => `<th>${escapeHtml(h)}</th>`).join('')}</tr>` : '';
  return `<table>${head}${rows.map((r) => `<tr>${r.map((c) => `<td>${escapeHtml(c)}</td>`).join('')}</tr>`).join('')}</table>`;
}

function renderNotes(notes: readonly string[]): string {
  return notes.length > 0 ? `<ul class="muted">${notes.map((n) => `<li>${escapeHtml(n)}</li>`).join('')}</ul>` : '';
}

function renderColumn(column: ColumnProfile): string {
  const flags = column.idLike ? ' <span class="sev info">id-like</span>' : '';
  return `<h3>${escapeHtml(column.name)} <span class="muted">(${column.kind})</span>${flags}</h3>` +
    `<div class="col"><div>${renderTable(listColumnStats(column))}</div><div>${renderColumnChart(column)}</div></div>${renderNotes(column.notes)}`;
}

function renderMatrix(title: string, matrix: CorrelationMatrix): string {
  if (matrix.rows.length === 0 || matrix.columns.length === 0) return '';
  const cell = (v: number | null) => {
    if (v === null) return '<td class="muted">—</td>';
    const alpha = Math.min(1, Math.abs(v)).toFixed(2);
    const rgb = v < 0 ? '232,89,12' : '59,91,219';
    return `<td style="background:rgba(${rgb},${alpha})">${v.toFixed(2)}</td>`;
  };
  const head = `<tr><th></th>${matrix.columns.map((c) => `<th>${escapeHtml(c)}</th>`).join('')}</tr>`;
  const body = matrix.rows.map((r, i) => `<tr><th>${escapeHtml(r)}</th>${matrix.values[i].map(cell).join('')}</tr>`).join('');
  return `<h3>${escapeHtml(title)}</h3><table>${head}${body}</table>`;
}

function describeEvidence(alert: Alert): string {
  return Object.entries(alert.evidence).map(([k, v]) => `${k}: ${typeof v === 'number' ? formatStat(v) : v}`).join('; ');
}

function renderTarget(profile: TableProfile): string {
  const target = profile.target;
  if (!target) return '';
  const balance = target.classBalance;
  const parts = [`<h2>Target: ${escapeHtml(target.name)}</h2>`, `<p>Task: <b>${escapeHtml(target.task ?? 'none')}</b> — ${escapeHtml(target.taskReason)}</p>`];
  if (balance) {
    parts.push(renderSvgBars(balance.classes.map((c) => c.value), balance.classes.map((c) => c.count)));
    parts.push(`<p>Majority / minority: ${formatStat(balance.imbalanceRatio)}; minority ${balance.minorityPct.toFixed(1)} % of rows.</p>`);
    if (balance.warning) parts.push(`<p><span class="sev warning">warning</span> ${escapeHtml(balance.warning)}</p>`);
  }
  const withAuc = target.associations.some((a) => a.auc !== undefined);
  const rows = target.associations.map((a) => [a.column, a.measure, formatStat(a.value), ...(withAuc ? [formatStat(a.auc)] : [])]);
  parts.push(renderTable(rows, ['feature', 'measure', 'association', ...(withAuc ? ['single-feature AUC'] : [])]));
  return parts.join('') + renderNotes(target.notes);
}

/** The whole report; `title` names the dataset, `generatedAtMs` is when it was made (epoch ms). */
export function buildReportHtml(profile: TableProfile, title: string, generatedAtMs: number): string {
  const shown = profile.columns.slice(0, MAX_REPORT_COLUMNS);
  const rest = profile.columns.slice(MAX_REPORT_COLUMNS);
  const groups = groupAlerts(profile.alerts);
  const cards: [string, string][] = [
    ['rows', formatCount(profile.rowCount)], ['columns', formatCount(profile.columnCount)], ['memory', formatBytes(profile.memoryBytes)],
    ['duplicate rows', formatCountPct(profile.duplicates.count, profile.duplicates.pct)], ['alerts', formatCount(groups.length)],
  ];
  const alerts = groups.map((g) =>
    `<tr><td><span class="sev ${g.severity}">${g.severity}</span></td><td>${escapeHtml(g.columns.join(', '))}</td><td>${escapeHtml(g.message)}</td>` +
    `<td>${g.alerts.length === 1 ? escapeHtml(describeEvidence(g.alerts[0])) : `<ul>${g.alerts.map((a) => `<li>${escapeHtml(a.message)} (${escapeHtml(describeEvidence(a))})</li>`).join('')}</ul>`}</td>` +
    `<td>${escapeHtml(g.suggestion.detail)}</td></tr>`);
  const missingColumns = profile.columns.filter((c) => c.missing > 0);
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Profile — ${escapeHtml(title)}</title><style>${CSS}</style></head><body>` +
    `<h1>Data profile — ${escapeHtml(title)}</h1><p class="muted">Made by ML Studio on ${escapeHtml(new Date(generatedAtMs).toISOString())}, over every row (no sampling), in ${formatStat(profile.durationMs / 1000)} s.</p>` +
    `<div class="cards">${cards.map(([k, v]) => `<div class="card"><b>${escapeHtml(v)}</b>${escapeHtml(k)}</div>`).join('')}</div>${renderNotes(profile.notes)}` +
    `<h2>Alerts</h2>${alerts.length > 0 ? `<table><tr><th>severity</th><th>columns</th><th>finding</th><th>evidence</th><th>suggested fix</th></tr>${alerts.join('')}</table>` : '<p>No alerts.</p>'}` +
    renderTarget(profile) +
    `<h2>Missing values</h2>${missingColumns.length > 0 ? renderSvgBars(missingColumns.slice(0, 50).map((c) => c.name), missingColumns.slice(0, 50).map((c) => c.missingPct), '#e8590c') : '<p>No missing values.</p>'}` +
    (profile.missing.patterns.length > 0 ? renderTable(profile.missing.patterns.map((p) => [p.columns.length > 0 ? p.columns.join(', ') : '(complete rows)', formatCountPct(p.count, p.pct)]), ['missing together', 'rows']) : '') +
    `<h2>Correlations</h2>${renderMatrix('Pearson', profile.correlations.pearson)}${renderMatrix('Spearman', profile.correlations.spearman)}` +
    `${renderMatrix("Cramér's V", profile.correlations.cramersV)}${renderMatrix('Correlation ratio η (rows: categories, columns: numbers)', profile.correlations.correlationRatio)}` +
    `<h2>Columns</h2>${shown.map(renderColumn).join('')}` +
    (rest.length > 0 ? `<p class="muted">${formatCount(rest.length)} more columns not drawn: ${escapeHtml(rest.map((c) => c.name).join(', '))}.</p>` : '') +
    '</body></html>';
}
