// Turns a profile's numbers into alerts a user can act on, each with its evidence and a suggested fix (the
// thresholds are in alert-rules.ts; the target's alerts in detect-target-alerts.ts). Skew and outliers skip
// two-valued columns; the outlier alert skips a column already flagged as skewed (its long tail is what lies
// outside). Cap bounds stay inside the observed range (a fence below a column's minimum is its minimum).

import type { ImportWarning } from '../ingest/types';
import { ALERT_THRESHOLDS, createAlert } from './alert-rules';
import { detectTargetAlerts } from './detect-target-alerts';
import { ID_LIKE_MIN_ROWS } from './profile-numeric';
import type { Alert, ColumnProfile, DuplicateRows, TargetProfile } from './types';

export { ALERT_THRESHOLDS } from './alert-rules';

export interface AlertInputs {
  columns: readonly ColumnProfile[];
  duplicates: DuplicateRows;
  target: TargetProfile | null;
  importWarnings?: readonly ImportWarning[];
}

const SEVERITY_ORDER = { critical: 0, warning: 1, info: 2 } as const;

/** Every alert for a profile, critical first, then in column order. */
export function detectAlerts(inputs: AlertInputs): Alert[] {
  const alerts = [
    ...inputs.columns.flatMap((column) => detectColumnAlerts(column)),
    ...detectTableAlerts(inputs),
  ];
  return alerts.map((alert, index) => ({ alert, index }))
    .sort((a, b) => SEVERITY_ORDER[a.alert.severity] - SEVERITY_ORDER[b.alert.severity] || a.index - b.index)
    .map((entry) => entry.alert);
}


function detectColumnAlerts(column: ColumnProfile): Alert[] {
  const t = ALERT_THRESHOLDS;
  const name = column.name;
  const alerts: Alert[] = [];
  if (column.missingPct > t.missingWarningPct) {
    const critical = column.missingPct > t.missingCriticalPct;
    alerts.push(createAlert('missing', critical ? 'critical' : 'warning', [name], `"${name}" is missing in ${column.missingPct.toFixed(1)} % of rows.`,
      { missing: column.missing, missingPct: column.missingPct },
      critical ? { kind: 'drop', column: name, detail: 'Too little is left to impute from; drop it, or add a "was missing" flag if the gaps mean something.' }
        : { kind: 'impute', column: name, detail: 'Impute (median for numbers, most frequent for categories) and add a "was missing" indicator.' }));
  }
  if (column.count > 0 && column.distinct <= 1) {
    alerts.push(createAlert('constant', 'warning', [name], `"${name}" has a single value in every present row: it cannot help a model.`, { distinct: column.distinct }, { kind: 'drop', column: name, detail: 'Drop it.' }));
    return alerts;
  }
  const top = column.kind === 'datetime' ? undefined : column.topValues[0];
  if (top && top.pct >= t.nearConstantPct) {
    alerts.push(createAlert('near-constant', 'info', [name], `"${name}" is ${String(top.value)} in ${top.pct.toFixed(1)} % of present rows.`,
      { value: String(top.value), pct: top.pct }, { kind: 'drop', column: name, detail: 'Drop it unless the rare values are what matters.' }));
  }
  if (column.idLike) {
    alerts.push(createAlert('id-like', 'warning', [name], `"${name}" looks like an identifier: every value is different.`, { distinct: column.distinct, count: column.count },
      { kind: 'drop', column: name, detail: 'Leave identifiers out of the features; a model would memorise them.' }));
  } else if (column.kind === 'categorical' || column.kind === 'text') {
    const uniquePct = (column.uniqueRatio ?? 0) * 100;
    if (column.distinct > t.highCardinalityLevels || (column.count >= ID_LIKE_MIN_ROWS && uniquePct > t.highCardinalityUniquePct)) {
      alerts.push(createAlert('high-cardinality', 'warning', [name], `"${name}" has ${column.distinct} distinct values (${uniquePct.toFixed(1)} % unique).`,
        { distinct: column.distinct, uniquePct }, { kind: 'none', column: name, detail: 'Group rare levels into "other", or use frequency or target encoding instead of one-hot.' }));
    }
  }
  if (column.kind === 'numeric') alerts.push(...detectNumericAlerts(column));
  return alerts;
}

function detectNumericAlerts(column: Extract<ColumnProfile, { kind: 'numeric' }>): Alert[] {
  const t = ALERT_THRESHOLDS;
  const name = column.name;
  const alerts: Alert[] = [];
  // A 0/1 indicator is skewed and "outlying" by construction; neither alert would help.
  if (column.distinct <= 2) return alerts;
  const skewed = column.skewness !== null && Math.abs(column.skewness) > t.skewness;
  if (skewed && column.skewness !== null) {
    const positive = column.min !== null && column.min >= 0 && column.skewness > 0;
    alerts.push(createAlert('skew', 'info', [name], `"${name}" is ${column.skewness > 0 ? 'right' : 'left'}-skewed (skewness ${column.skewness.toFixed(2)}).`,
      { skewness: column.skewness },
      positive ? { kind: 'log-transform', column: name, detail: 'log(1 + x) makes it more symmetric for linear models and neural networks; trees do not need it.' }
        : { kind: 'none', column: name, detail: 'Values below 0 rule out a plain log; consider a Yeo–Johnson transform or a tree model.' }));
  }
  const outliers = column.outliersIqr;
  if (!skewed && outliers && outliers.pct > t.outlierPct) alerts.push(createOutlierAlert(name, outliers, column.min, column.max));
  return alerts;
}

/** The outlier alert; its cap bounds are the IQR fences moved inside [min, max], so a non-negative column is never capped below 0. */
function createOutlierAlert(name: string, outliers: { count: number; pct: number; lower: number; upper: number }, min: number | null, max: number | null): Alert {
  const lower = min === null ? outliers.lower : Math.max(outliers.lower, min);
  const upper = max === null ? outliers.upper : Math.min(outliers.upper, max);
  // Bounds like -4.199999999999999 (float arithmetic on quartiles) read as 6 significant digits; evidence keeps them exact.
  const [lo, hi] = [lower, upper].map((bound) => Number(bound.toPrecision(6)));
  const below = min !== null && min < lower;
  const above = max !== null && max > upper;
  const where = below && above ? `outside [${lo}, ${hi}] (1.5 × IQR)` : above ? `above ${hi} (Q3 + 1.5 × IQR)` : `below ${lo} (Q1 − 1.5 × IQR)`;
  return createAlert('outliers', 'info', [name], `${outliers.count} values of "${name}" (${outliers.pct.toFixed(1)} %) lie ${where}.`,
    { count: outliers.count, pct: outliers.pct, lower, upper },
    { kind: 'cap-outliers', column: name, detail: `Check whether they are errors; if not, cap at ${lo} and ${hi} for models sensitive to scale.` });
}

function detectTableAlerts(inputs: AlertInputs): Alert[] {
  const alerts: Alert[] = [];
  const { duplicates, target } = inputs;
  if (duplicates.count > 0) {
    alerts.push(createAlert('duplicates', 'warning', [], `${duplicates.count} rows (${duplicates.pct.toFixed(1)} %) repeat an earlier row exactly.`,
      { count: duplicates.count, pct: duplicates.pct, firstRow: duplicates.examples[0]?.row ?? -1 },
      { kind: 'dedupe', detail: 'Remove exact duplicates before splitting, or copies will sit in both train and test and flatter the scores.' }));
  }
  for (const warning of inputs.importWarnings ?? []) {
    if (warning.code !== 'mixed-types') continue;
    const columns = inputs.columns.filter((c) => warning.message.includes(`"${c.name}"`)).map((c) => c.name);
    alerts.push(createAlert('mixed-types', 'warning', columns, warning.message, { lines: (warning.lines ?? []).join(', ') },
      { kind: 'none', detail: 'Fix the odd values at the source, or override the column type in the Data cell.' }));
  }
  if (target) alerts.push(...detectTargetAlerts(target));
  return alerts;
}
