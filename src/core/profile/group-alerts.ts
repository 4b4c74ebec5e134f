// Alerts grouped per kind, severity and kind of fix, so that twelve skewed columns read as one entry ("Skewed:
// 12 columns (a, b, c, … and 9 more)") that still holds each column's alert and offers one fix over all of them.

import type { Alert, AlertKind, AlertSuggestion } from './types';

/** Columns (or classes) a group's message names before "… and N more". */
export const NAMED_IN_GROUP = 3;

/** Alerts of one kind, severity and suggested fix. */
export interface AlertGroup {
  /** `${kind}:${severity}:${suggestion kind}`: unique within a profile. */
  id: string;
  kind: AlertKind;
  severity: Alert['severity'];
  /** Every column its alerts name, in order, once. */
  columns: string[];
  /** The alert's own message when alone; else a title, the count and the first names. */
  message: string;
  /** One fix over all its columns (`columns` set when there are several). */
  suggestion: AlertSuggestion;
  /** The per-column alerts with their evidence, in order. */
  alerts: Alert[];
}

const TITLES: Record<AlertKind, string> = {
  constant: 'Constant', 'near-constant': 'Nearly constant', 'id-like': 'Identifier-like', 'high-cardinality': 'High cardinality',
  missing: 'Missing values', skew: 'Skewed', outliers: 'Outliers beyond 1.5 × IQR', duplicates: 'Duplicate rows', 'mixed-types': 'Mixed types',
  leakage: 'Possible leakage', 'strong-association': 'Strongly associated with the target', imbalance: 'Imbalanced target', 'tiny-class': 'Tiny classes',
};

/** A group's fix when its alerts' own details differ (they name per-column values). */
const GROUP_DETAILS: Partial<Record<AlertSuggestion['kind'], string>> = {
  'cap-outliers': 'Check whether they are errors; if not, cap each column at its own 1.5 × IQR fences (learnt on the training rows, within the observed range).',
};

/** Groups `alerts` (already in display order); groups come in the order of their first alert. */
export function groupAlerts(alerts: readonly Alert[]): AlertGroup[] {
  const byKey = new Map<string, Alert[]>();
  for (const alert of alerts) {
    const key = `${alert.kind}:${alert.severity}:${alert.suggestion.kind}`;
    byKey.set(key, [...(byKey.get(key) ?? []), alert]);
  }
  return [...byKey].map(([id, members]) => {
    const first = members[0];
    const columns = [...new Set(members.flatMap((alert) => alert.columns))];
    if (members.length === 1) return { id, kind: first.kind, severity: first.severity, columns, message: first.message, suggestion: first.suggestion, alerts: members };
    return { id, kind: first.kind, severity: first.severity, columns, message: describeGroup(members), suggestion: groupSuggestion(members), alerts: members };
  });
}

function describeGroup(members: Alert[]): string {
  const first = members[0];
  const classes = first.kind === 'tiny-class';
  const names = classes ? members.map((alert) => `"${String(alert.evidence.class)}"`) : [...new Set(members.flatMap((alert) => alert.columns))];
  const listed = names.slice(0, NAMED_IN_GROUP).join(', ');
  const more = names.length > NAMED_IN_GROUP ? `, … and ${names.length - NAMED_IN_GROUP} more` : '';
  const what = classes ? `classes of "${first.columns[0]}"` : 'columns';
  return `${TITLES[first.kind]}: ${names.length} ${what} (${listed}${more}).`;
}

function groupSuggestion(members: Alert[]): AlertSuggestion {
  const { kind, detail } = members[0].suggestion;
  const columns = [...new Set(members.flatMap((alert) => alert.suggestion.columns ?? (alert.suggestion.column ? [alert.suggestion.column] : [])))];
  const same = members.every((alert) => alert.suggestion.detail === detail);
  return { kind, ...(columns.length > 0 ? { columns } : {}), detail: same ? detail : (GROUP_DETAILS[kind] ?? detail) };
}
