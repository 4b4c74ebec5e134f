// Turns a fitted step's JSON state into short lines to show in its card ("Age — fill: 28, indicator: yes"),
// generically: per-column states become one line per column, anything else a compact JSON line.

import { formatNumber } from '../../../core/table/format-cell';

/** One display line: a column name (or null) and its learnt values as "key: value" texts. */
export interface FittedLine {
  readonly column: string | null;
  readonly values: string[];
}

const LIST_LIMIT = 8;

/** Display lines for a step's fitted state; empty for stateless steps (null state). */
export function describeFittedState(state: unknown): FittedLine[] {
  if (state === null || state === undefined) return [];
  if (typeof state !== 'object') return [{ column: null, values: [formatValue(state)] }];
  const record = state as Record<string, unknown>;
  const lines: FittedLine[] = [];
  const shared = Object.entries(record).filter(([key]) => key !== 'columns');
  if (shared.length > 0) lines.push({ column: null, values: shared.map(([key, value]) => `${key}: ${formatValue(value)}`) });
  if (Array.isArray(record.columns)) {
    for (const entry of record.columns as Record<string, unknown>[]) {
      const values = Object.entries(entry).filter(([key]) => key !== 'name').map(([key, value]) => `${key}: ${formatValue(value)}`);
      lines.push({ column: typeof entry.name === 'string' ? entry.name : null, values });
    }
  }
  return lines;
}

function formatValue(value: unknown): string {
  if (typeof value === 'number') return formatNumber(value);
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  if (value === null) return '—';
  if (Array.isArray(value)) {
    const shown = value.slice(0, LIST_LIMIT).map(formatValue).join(', ');
    return `[${shown}${value.length > LIST_LIMIT ? `, … ${value.length - LIST_LIMIT} more` : ''}]`;
  }
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}
