// The alert thresholds and the one way an alert is made. Thresholds: near-constant top value ≥ 99 %; high
// cardinality > 50 levels or > 50 % unique; missing > 20 % warning, > 60 % critical; |skewness| > 2; IQR outliers
// > 5 %; tiny class < 10 rows or < 1 %. Leakage means near-determination: a single-feature AUC ≥ 0.99 (binary
// target, numeric feature) or an association ≥ 0.99 (|Spearman ρ| or η for a numeric target; η or Cramér's V for
// classes); an AUC ≥ 0.98 or an association ≥ 0.9 short of that is only an info to check. Chosen against the
// bundled samples (breast-cancer, penguins, cars, seattle-weather): see the profile README.

import type { Alert, AlertKind } from './types';

export const ALERT_THRESHOLDS = {
  nearConstantPct: 99,
  highCardinalityLevels: 50,
  highCardinalityUniquePct: 50,
  missingWarningPct: 20,
  missingCriticalPct: 60,
  skewness: 2,
  outlierPct: 5,
  leakage: 0.99,
  strongAssociation: 0.9,
  strongAuc: 0.98,
  tinyClassRows: 10,
  tinyClassPct: 1,
} as const;

/** An alert with its stable id (`${kind}:${columns}`). */
export function createAlert(kind: AlertKind, severity: Alert['severity'], columns: string[], message: string, evidence: Alert['evidence'], suggestion: Alert['suggestion']): Alert {
  return { id: `${kind}:${columns.join(',')}`, severity, kind, columns, message, evidence, suggestion };
}
