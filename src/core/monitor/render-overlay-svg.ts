// The overlaid distributions of one feature as inline SVG for the HTML report: reference and batch shares side by
// side per bin or category, scaled to the tallest share, with the exact shares in each bar's tooltip.

import { formatDatetime, formatNumber } from '../table/format-cell';
import type { OverlayCounts } from './drift-types';
import { escapeHtml } from './escape-html';

const WIDTH = 360;
const HEIGHT = 130;
/** Room under the bars for the axis labels. */
const AXIS = 16;
const LABEL_CHARS = 12;
const REFERENCE_FILL = '#8a8f98';
const BATCH_FILL = '#1f6fd1';

/** An SVG chart of `overlay`; `datetime` labels histogram edges as dates. */
export function renderOverlaySvg(overlay: OverlayCounts, name: string, datetime = false): string {
  const referenceShares = toShares(overlay.referenceCounts);
  const batchShares = toShares(overlay.batchCounts);
  const top = Math.max(...referenceShares, ...batchShares, 1e-12);
  const bins = referenceShares.length;
  const slot = WIDTH / bins;
  const bars: string[] = [];
  for (let i = 0; i < bins; i++) {
    const label = labelOf(overlay, i, datetime);
    bars.push(bar(i * slot + slot * 0.1, slot * 0.4, referenceShares[i] / top, REFERENCE_FILL, `${label}: reference ${percent(referenceShares[i])}`));
    bars.push(bar(i * slot + slot * 0.5, slot * 0.4, batchShares[i] / top, BATCH_FILL, `${label}: batch ${percent(batchShares[i])}`));
  }
  const title = `Distribution of ${name}: reference (grey) and batch (blue)`;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${HEIGHT}" viewBox="0 0 ${WIDTH} ${HEIGHT}" role="img" aria-label="${escapeHtml(title)}">` +
    `<title>${escapeHtml(title)}</title>${bars.join('')}${renderAxis(overlay, slot, datetime)}</svg>`;
}

/** Category names under their bars (shortened; all of them only when there is room), or the range's two ends. */
function renderAxis(overlay: OverlayCounts, slot: number, datetime: boolean): string {
  const y = HEIGHT - 4;
  const label = (x: number, anchor: string, value: string) => `<text x="${x.toFixed(2)}" y="${y}" font-size="10" text-anchor="${anchor}">${escapeHtml(value)}</text>`;
  if (overlay.kind === 'histogram') {
    const format = datetime ? formatDatetime : formatNumber;
    return label(0, 'start', format(overlay.edges[0])) + label(WIDTH, 'end', format(overlay.edges[overlay.edges.length - 1]));
  }
  if (slot < 40) return '';
  return overlay.labels.map((name, i) => label(i * slot + slot / 2, 'middle', name.length > LABEL_CHARS ? `${name.slice(0, LABEL_CHARS - 1)}…` : name)).join('');
}

function bar(x: number, width: number, height: number, fill: string, tip: string): string {
  const h = height * (HEIGHT - AXIS - 4);
  return `<rect x="${x.toFixed(2)}" y="${(HEIGHT - AXIS - h).toFixed(2)}" width="${width.toFixed(2)}" height="${h.toFixed(2)}" fill="${fill}"><title>${escapeHtml(tip)}</title></rect>`;
}

function labelOf(overlay: OverlayCounts, i: number, datetime: boolean): string {
  if (overlay.kind === 'categories') return overlay.labels[i];
  const format = datetime ? formatDatetime : formatNumber;
  return `${format(overlay.edges[i])} – ${format(overlay.edges[i + 1])}`;
}

function toShares(counts: readonly number[]): number[] {
  const total = counts.reduce((a, b) => a + b, 0);
  return counts.map((count) => (total > 0 ? count / total : 0));
}

function percent(share: number): string {
  return `${formatNumber(Number((100 * share).toFixed(2)))} %`;
}
