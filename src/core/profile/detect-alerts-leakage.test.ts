import { describe, expect, it } from 'vitest';
import { detectAlerts } from './detect-alerts';
import type { TargetAssociation, TargetProfile } from './types';

const target = (task: TargetProfile['task'], associations: TargetAssociation[]): TargetProfile => ({
  name: 'y', task, taskReason: '', classBalance: null, associations, identicalColumns: [], notes: [], perClassHistograms: [],
});
const summarize = (profile: TargetProfile) => detectAlerts({ columns: [], duplicates: { count: 0, pct: 0, examples: [] }, target: profile }).map((alert) => [alert.severity, alert.kind, alert.message]);

describe('detectAlerts on the target: leakage is near-determination', () => {
  it('a regression feature strongly but not exactly correlated with the target is an info; |ρ| ≥ 0.99 or η ≥ 0.99 is critical', () => {
    expect(summarize(target('regression', [
      { column: 'weight', measure: 'abs-spearman', value: 0.96 },
      { column: 'price_copy', measure: 'abs-spearman', value: 0.995 },
      { column: 'grade', measure: 'eta', value: 0.992 },
      { column: 'cylinders', measure: 'abs-spearman', value: 0.85 },
    ]))).toEqual([
      ['critical', 'leakage', '"price_copy" determines "y" almost exactly (|Spearman ρ| 0.995).'],
      ['critical', 'leakage', '"grade" determines "y" almost exactly (η 0.992).'],
      ['info', 'strong-association', '"weight" is strongly associated with "y" (|Spearman ρ| 0.960).'],
    ]);
  });

  it('a binary target judges numeric features by their single-feature AUC (≥ 0.99 critical, ≥ 0.98 info), categories by Cramér\'s V', () => {
    expect(summarize(target('binary', [
      { column: 'outcome_code', measure: 'eta', value: 0.8, auc: 0.995 },
      { column: 'worst perimeter', measure: 'eta', value: 0.78, auc: 0.9755 },
      { column: 'score', measure: 'eta', value: 0.6, auc: 0.985 },
      { column: 'status', measure: 'cramers-v', value: 0.97 },
      { column: 'flag', measure: 'cramers-v', value: 0.999 },
    ]))).toEqual([
      ['critical', 'leakage', '"outcome_code" determines "y" almost exactly (single-feature AUC 0.995).'],
      ['critical', 'leakage', '"flag" determines "y" almost exactly (Cramér\'s V 0.999).'],
      ['info', 'strong-association', '"score" is strongly associated with "y" (single-feature AUC 0.985).'],
      ['info', 'strong-association', '"status" is strongly associated with "y" (Cramér\'s V 0.970).'],
    ]);
  });

  it('a multiclass target uses η (numbers) and Cramér\'s V (categories) with the same 0.99 threshold', () => {
    expect(summarize(target('multiclass', [{ column: 'species_code', measure: 'eta', value: 0.993 }, { column: 'flipper', measure: 'eta', value: 0.88 }]))).toEqual([
      ['critical', 'leakage', '"species_code" determines "y" almost exactly (η 0.993).'],
    ]);
  });
});
