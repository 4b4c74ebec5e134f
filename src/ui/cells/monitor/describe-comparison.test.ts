import { describe, expect, it } from 'vitest';
import type { LoggedComparison } from '../../../core/monitor/compare-logged-versions';
import { describeDistribution, describeInterval, describeVerdict } from './describe-comparison';

describe('describe-comparison', () => {
  it('words a distribution of classes or numbers, and a value with its interval', () => {
    expect([
      describeDistribution({ kind: 'classes', labels: ['Adelie', 'Chinstrap', 'Gentoo'], shares: [0.7056, 0, 0.2944], scored: 180 }),
      describeDistribution({ kind: 'numbers', mean: 12.25, p10: 8, p50: 12, p90: 16.5, scored: 40 }),
      describeDistribution({ kind: 'numbers', mean: null, p10: null, p50: null, p90: null, scored: 0 }),
      describeInterval(0.58750540617, 0.5610085, 0.6117276),
      describeInterval(0.9, null, null),
      describeInterval(null, null, null),
    ]).toEqual(['Adelie 70.6 %, Gentoo 29.4 %', 'mean 12.25 · p10 8 · median 12 · p90 16.5', 'no scored row', '0.5875 [0.561, 0.6117]', '0.9', '—']);
  });

  it('names the challenger by its registered version when it has one', () => {
    const base = { challenger: { version: 'run-2', role: 'canary' }, registered: { version: 2, stage: 'none' }, gate: { passed: true, reasons: [] } } as unknown as LoggedComparison;
    expect([
      describeVerdict(base, 'churn', 1),
      describeVerdict({ ...base, registered: null, gate: { passed: false, reasons: [] } }, 'churn', 1),
      describeVerdict({ ...base, gate: null }, 'churn', 1),
    ]).toEqual(['churn v2 (canary) passed its gate against churn v1.', '"run-2" (canary) did not pass its gate against churn v1.', 'No verdict on churn v2 (canary) yet.']);
  });
});
