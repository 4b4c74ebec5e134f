// The one-sentence evidence behind each inferred column type, written for a person to check.

import type { ColumnKind } from '../table/types';
import type { ColumnScan } from './scan-column';

/** 1234567 → "1,234,567" (fixed style, independent of the runtime's locale). */
export function formatCount(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

const DATE_LABELS: Record<string, string> = {
  'iso-date': 'ISO dates (yyyy-mm-dd)',
  'iso-datetime': 'ISO date-times (yyyy-mm-ddThh:mm:ss)',
  'yyyy/mm/dd': 'dates (yyyy/mm/dd)',
  'mm/dd/yyyy': 'dates (mm/dd/yyyy)',
  'dd/mm/yyyy': 'dates (dd/mm/yyyy)',
  'mon d yyyy': 'dates (Mon d yyyy)',
  'd mon yyyy': 'dates (d Mon yyyy)',
};

/** E.g. "1,460 of 1,461 values parse as ISO dates (yyyy-mm-dd); 1 missing." */
export function describeEvidence(kind: ColumnKind, detail: string, scan: ColumnScan, distinct: number): string {
  const present = scan.rowCount - scan.missing;
  const of = `${formatCount(present)} of ${formatCount(scan.rowCount)} values`;
  const missing = `${formatCount(scan.missing)} missing.`;
  switch (kind) {
    case 'numeric':
      return `${of} parse as numbers${detail === 'integer' ? ', all whole' : ''}; ${missing}`;
    case 'boolean':
      return `${of} are ${detail} (any case); ${missing}`;
    case 'datetime':
      return `${of} parse as ${DATE_LABELS[detail] ?? detail}${describeDayOrder(detail, scan)}; ${missing}`;
    case 'categorical':
      return `${formatCount(distinct)} distinct values among ${formatCount(present)} present, few enough for categories; ${missing}`;
    case 'text':
      if (detail === 'empty') return `All ${formatCount(scan.rowCount)} values are missing.`;
      if (detail === 'id') return `Every one of the ${formatCount(present)} present values is different, like an identifier; ${missing}`;
      return `${formatCount(distinct)} distinct values among ${formatCount(present)} present${scan.maxLength > 100 ? ', some long' : ''}: too varied for categories; ${missing}`;
  }
}

function describeDayOrder(detail: string, scan: ColumnScan): string {
  if (detail === 'dd/mm/yyyy') return ` (a first part of ${scan.slashFirstMax} can only be a day)`;
  if (detail !== 'mm/dd/yyyy') return '';
  return scan.slashSecondMax > 12
    ? ` (a second part of ${scan.slashSecondMax} can only be a day)`
    : ' (no part above 12 tells day from month: read month-first; override if your dates are day-first)';
}
