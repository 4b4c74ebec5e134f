import { describe, expect, it } from 'vitest';
import { detectAlerts } from './detect-alerts';
import type { CategoryProfile, TargetProfile } from './types';

function category(name: string, overrides: Partial<CategoryProfile>): CategoryProfile {
  return { kind: 'categorical', name, count: 100, missing: 0, missingPct: 0, distinct: 3, idLike: false, notes: [], topValues: [], otherCount: 0, meanLength: null, uniqueRatio: 0.03, ...overrides };
}

const noDuplicates = { count: 0, pct: 0, examples: [] };

describe('detectAlerts', () => {
  it('flags missingness, near-constant and high-cardinality columns with their evidence', () => {
    const alerts = detectAlerts({
      columns: [
        category('gappy', { missing: 25, missingPct: 25 }),
        category('flat', { topValues: [{ value: 'a', count: 99, pct: 99 }] }),
        category('city', { kind: 'text', distinct: 60, uniqueRatio: 0.6 }),
      ],
      duplicates: noDuplicates,
      target: null,
    });
    expect(alerts).toEqual([
      {
        id: 'missing:gappy', severity: 'warning', kind: 'missing', columns: ['gappy'], message: '"gappy" is missing in 25.0 % of rows.',
        evidence: { missing: 25, missingPct: 25 },
        suggestion: { kind: 'impute', column: 'gappy', detail: 'Impute (median for numbers, most frequent for categories) and add a "was missing" indicator.' },
      },
      {
        id: 'high-cardinality:city', severity: 'warning', kind: 'high-cardinality', columns: ['city'], message: '"city" has 60 distinct values (60.0 % unique).',
        evidence: { distinct: 60, uniquePct: 60 },
        suggestion: { kind: 'none', column: 'city', detail: 'Group rare levels into "other", or use frequency or target encoding instead of one-hot.' },
      },
      {
        id: 'near-constant:flat', severity: 'info', kind: 'near-constant', columns: ['flat'], message: '"flat" is a in 99.0 % of present rows.',
        evidence: { value: 'a', pct: 99 },
        suggestion: { kind: 'drop', column: 'flat', detail: 'Drop it unless the rare values are what matters.' },
      },
    ]);
  });

  it('turns duplicates, mixed-type import warnings and an imbalanced target into alerts', () => {
    const target: TargetProfile = {
      name: 'y', task: 'binary', taskReason: '', associations: [{ column: 'leak', measure: 'cramers-v', value: 0.97 }], identicalColumns: [], notes: [], perClassHistograms: [],
      classBalance: { classes: [{ value: 'no', count: 95, pct: 95 }, { value: 'yes', count: 5, pct: 5 }], imbalanceRatio: 19, minorityPct: 5, warning: 'rare' },
    };
    const alerts = detectAlerts({
      columns: [category('amount', {})],
      duplicates: { count: 2, pct: 2, examples: [{ row: 7, duplicateOf: 3 }] },
      target,
      importWarnings: [{ code: 'mixed-types', message: 'Column "amount" mixes numbers and text.', lines: [4, 9] }, { code: 'blank-lines', message: 'ignored' }],
    });
    expect(alerts.map(({ id, severity, columns, evidence }) => ({ id, severity, columns, evidence }))).toEqual([
      { id: 'duplicates:', severity: 'warning', columns: [], evidence: { count: 2, pct: 2, firstRow: 7 } },
      { id: 'mixed-types:amount', severity: 'warning', columns: ['amount'], evidence: { lines: '4, 9' } },
      { id: 'imbalance:y', severity: 'warning', columns: ['y'], evidence: { minorityPct: 5, imbalanceRatio: 19 } },
      { id: 'tiny-class:y:yes', severity: 'warning', columns: ['y'], evidence: { class: 'yes', count: 5, pct: 5 } },
      { id: 'strong-association:leak', severity: 'info', columns: ['leak'], evidence: { measure: 'cramers-v', value: 0.97 } },
    ]);
  });
});
