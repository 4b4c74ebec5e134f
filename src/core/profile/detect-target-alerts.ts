// The target's alerts: a column identical to it or nearly determining it (critical leakage), one only strongly
// associated with it (an info to check), an imbalanced balance and tiny classes.

import { ALERT_THRESHOLDS, createAlert } from './alert-rules';
import type { Alert, TargetProfile } from './types';

const MEASURE_LABELS: Record<string, string> = { auc: 'single-feature AUC', eta: 'η', 'cramers-v': "Cramér's V", 'abs-spearman': '|Spearman ρ|' };

/** Every alert about `target`: leakage first, then balance and tiny classes. */
export function detectTargetAlerts(target: TargetProfile): Alert[] {
  const t = ALERT_THRESHOLDS;
  const alerts: Alert[] = [];
  for (const column of target.identicalColumns) {
    alerts.push(createAlert('leakage', 'critical', [column], `"${column}" is identical to the target "${target.name}".`, { identical: 'true' },
      { kind: 'drop', column, detail: 'Drop it: it is the answer, not a clue.' }));
  }
  for (const association of target.associations) {
    if (!target.identicalColumns.includes(association.column)) alerts.push(...detectAssociationAlert(target.name, association));
  }
  const balance = target.classBalance;
  if (!balance) return alerts;
  if (balance.warning) {
    alerts.push(createAlert('imbalance', 'warning', [target.name], balance.warning, { minorityPct: balance.minorityPct, imbalanceRatio: balance.imbalanceRatio },
      { kind: 'none', detail: 'Stratify the split, judge with PR-AUC or balanced accuracy, and consider class weights.' }));
  }
  for (const entry of balance.classes) {
    if (entry.count >= t.tinyClassRows && entry.pct >= t.tinyClassPct) continue;
    alerts.push(createAlert('tiny-class', 'warning', [target.name], `Class "${entry.value}" of "${target.name}" has only ${entry.count} rows (${entry.pct.toFixed(1)} %).`,
      { class: entry.value, count: entry.count, pct: entry.pct },
      { kind: 'none', detail: 'Collect more rows, merge it with a similar class, or drop those rows; its scores will be noise.' }));
  }
  return alerts.map((alert) => (alert.kind === 'tiny-class' ? { ...alert, id: `${alert.id}:${alert.evidence.class}` } : alert));
}

/**
 * Critical leakage when the feature (nearly) determines the target, an info when it is only strongly associated.
 * A binary target's numeric feature is judged by its single-feature AUC, every other pair by its association.
 */
function detectAssociationAlert(targetName: string, association: TargetProfile['associations'][number]): Alert[] {
  const t = ALERT_THRESHOLDS;
  const byAuc = association.auc !== undefined && association.auc !== null;
  const measure = byAuc ? 'auc' : association.measure;
  const value = byAuc ? (association.auc as number) : association.value;
  if (value === null) return [];
  const column = association.column;
  const evidence = { measure, value };
  const shown = `${MEASURE_LABELS[measure]} ${value.toFixed(3)}`;
  if (value >= t.leakage) {
    return [createAlert('leakage', 'critical', [column], `"${column}" determines "${targetName}" almost exactly (${shown}).`, evidence,
      { kind: 'drop', column, detail: 'Check whether it is known before the target is; if it is recorded with or after it, drop it.' })];
  }
  if (value < (byAuc ? t.strongAuc : t.strongAssociation)) return [];
  return [createAlert('strong-association', 'info', [column], `"${column}" is strongly associated with "${targetName}" (${shown}).`, evidence,
    { kind: 'none', column, detail: 'Check that it is known at prediction time; if so it is simply a good feature.' })];
}
