import { describe, expect, it } from 'vitest';
import { groupAlerts } from './group-alerts';
import type { Alert } from './types';

const skew = (column: string): Alert => ({
  id: `skew:${column}`, severity: 'info', kind: 'skew', columns: [column], message: `"${column}" is right-skewed (skewness 3.00).`, evidence: { skewness: 3 },
  suggestion: { kind: 'log-transform', column, detail: 'log(1 + x) makes it more symmetric.' },
});
const outliers = (column: string, upper: number): Alert => ({
  id: `outliers:${column}`, severity: 'info', kind: 'outliers', columns: [column], message: `6 values of "${column}" (6.0 %) lie above ${upper}.`, evidence: { count: 6 },
  suggestion: { kind: 'cap-outliers', column, detail: `cap at 0 and ${upper}` },
});
const tiny = (label: string): Alert => ({
  id: `tiny-class:y:${label}`, severity: 'warning', kind: 'tiny-class', columns: ['y'], message: `Class "${label}" of "y" has only 2 rows (0.5 %).`, evidence: { class: label, count: 2 },
  suggestion: { kind: 'none', detail: 'Collect more rows.' },
});

describe('groupAlerts', () => {
  it('makes one entry per kind, severity and fix, naming three columns and counting the rest, with one fix over all columns', () => {
    const alerts = [tiny('a'), tiny('b'), skew('a1'), skew('a2'), skew('a3'), skew('a4'), skew('a5'), outliers('w', 7), outliers('v', 9)];
    const groups = groupAlerts(alerts);
    expect(groups.map(({ alerts: members, ...group }) => ({ ...group, alerts: members.map((a) => a.id) }))).toEqual([
      {
        id: 'tiny-class:warning:none', kind: 'tiny-class', severity: 'warning', columns: ['y'], message: 'Tiny classes: 2 classes of "y" ("a", "b").',
        suggestion: { kind: 'none', detail: 'Collect more rows.' }, alerts: ['tiny-class:y:a', 'tiny-class:y:b'],
      },
      {
        id: 'skew:info:log-transform', kind: 'skew', severity: 'info', columns: ['a1', 'a2', 'a3', 'a4', 'a5'], message: 'Skewed: 5 columns (a1, a2, a3, … and 2 more).',
        suggestion: { kind: 'log-transform', columns: ['a1', 'a2', 'a3', 'a4', 'a5'], detail: 'log(1 + x) makes it more symmetric.' },
        alerts: ['skew:a1', 'skew:a2', 'skew:a3', 'skew:a4', 'skew:a5'],
      },
      {
        id: 'outliers:info:cap-outliers', kind: 'outliers', severity: 'info', columns: ['w', 'v'], message: 'Outliers beyond 1.5 × IQR: 2 columns (w, v).',
        suggestion: { kind: 'cap-outliers', columns: ['w', 'v'], detail: 'Check whether they are errors; if not, cap each column at its own 1.5 × IQR fences (learnt on the training rows, within the observed range).' },
        alerts: ['outliers:w', 'outliers:v'],
      },
    ]);
  });

  it('leaves a lone alert as it is', () => {
    expect(groupAlerts([skew('x')])).toEqual([{ id: 'skew:info:log-transform', kind: 'skew', severity: 'info', columns: ['x'], message: skew('x').message, suggestion: skew('x').suggestion, alerts: [skew('x')] }]);
  });
});
