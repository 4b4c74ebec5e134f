// The Fairness panel's numbers: decisions (binary: at the current threshold) compared across the groups of a
// sensitive column — selection rate, TPR and FPR per group, the three fairlearn differences — and each
// difference said in plain words ("the true-positive rate of group X is 21 points lower than of group Y").

import type { SupervisedTask } from '../problem/types';
import { computeFairness, type FairnessReport, type GroupRates } from './compute-fairness';
import type { RowGroups } from './group-rows';
import type { MetricValue } from './metric-value';
import { readPositiveScore, type RunPredictions } from './run-predictions';

/** A fairness report with its plain-words sentences, or null with the reason it cannot be computed. */
export interface FairnessResult {
  value: { report: FairnessReport; sentences: string[]; decisions: string } | null;
  reason?: string;
}

/** Binary decisions: `positive` where score ≥ threshold, else the other class (1 − positive). */
export function predictAtThreshold(score: ArrayLike<number>, threshold: number, positive: number): Float64Array {
  return Float64Array.from(score, (s) => (s >= threshold ? positive : 1 - positive));
}

/** Fairness of the decisions for class `positive` across `groups` of the evaluated rows (see groupEvaluatedRows). */
export function buildFairnessReport(groups: RowGroups, predictions: RunPredictions, task: SupervisedTask, positive: number, threshold: number): FairnessResult {
  if (task === 'regression') return { value: null, reason: 'fairness rates compare decisions; this is a regression problem' };
  if (predictions.yTrue.length === 0) return { value: null, reason: 'there are no evaluated rows to group' };
  const score = task === 'binary' ? readPositiveScore(predictions, positive) : null;
  const yPred = score ? predictAtThreshold(score, threshold, positive) : predictions.yPred;
  const label = predictions.classes?.[positive] ?? String(positive);
  const decisions = score ? `“${label}” predicted when its probability ≥ ${threshold.toFixed(4)} (the current threshold)`
    : task === 'binary' ? `the model's predicted classes (it gives no probabilities, so the threshold does not apply); positive = “${label}”`
    : `“${label}” against every other class (the model's predicted classes)`;
  const report = computeFairness(groups, predictions.yTrue, yPred, positive);
  return { value: { report, sentences: describeFairness(report), decisions } };
}

type RateKey = 'selectionRate' | 'truePositiveRate' | 'falsePositiveRate';

/** The group with the lowest and the one with the highest defined rate (first of ties). */
function findExtremes(groups: GroupRates[], key: RateKey): { low: GroupRates; high: GroupRates } | null {
  const defined = groups.filter((g) => g[key] !== null);
  if (defined.length < 2) return null;
  const low = defined.reduce((a, b) => ((b[key] as number) < (a[key] as number) ? b : a));
  const high = defined.reduce((a, b) => ((b[key] as number) > (a[key] as number) ? b : a));
  return { low, high };
}

const points = (difference: number): string => `${Number((difference * 100).toFixed(1))}`;

function describeGap(name: string, rateName: string, value: MetricValue, groups: GroupRates[], key: RateKey): string {
  const extremes = findExtremes(groups, key);
  if (value.value === null || !extremes) return `${name}: not computed — ${value.reason ?? 'too few groups'}.`;
  if (value.value === 0) return `${name} 0.00: every group has the same ${rateName} (${(extremes.low[key] as number).toFixed(2)}).`;
  return `${name} ${value.value.toFixed(2)}: the ${rateName} of group “${extremes.low.label}” is ${points(value.value)} points lower than of group “${extremes.high.label}”.`;
}

/** One sentence per difference: its value and which groups it lies between, or why it is not computed. */
export function describeFairness(report: FairnessReport): string[] {
  const { groups } = report;
  const odds = report.equalizedOddsDifference;
  const tpr = findExtremes(groups, 'truePositiveRate');
  const fpr = findExtremes(groups, 'falsePositiveRate');
  const gap = (e: { low: GroupRates; high: GroupRates } | null, key: RateKey) => (e ? ((e.high[key] as number) - (e.low[key] as number)).toFixed(2) : '—');
  return [
    describeGap('Demographic parity difference', 'selection rate', report.demographicParityDifference, groups, 'selectionRate'),
    describeGap('Equal opportunity difference', 'true-positive rate', report.equalOpportunityDifference, groups, 'truePositiveRate'),
    odds.value === null ? `Equalized odds difference: not computed — ${odds.reason}.`
      : `Equalized odds difference ${odds.value.toFixed(2)}: the larger of the true-positive-rate gap (${gap(tpr, 'truePositiveRate')}) and the false-positive-rate gap (${gap(fpr, 'falsePositiveRate')}) between groups.`,
  ];
}
