// Group fairness of binary decisions, as fairlearn defines it: demographic parity difference / ratio (selection
// rates), equal opportunity difference (true-positive rates) and equalized odds difference (the larger of the TPR
// and FPR differences), each max − min over the groups where the rate is defined; other groups are named.
import type { RowGroups } from './group-rows';
import { assertSameLength, metricOf, undefinedMetric, type MetricValue } from './metric-value';

/** Rates of one group; a rate is null when the group has no row in its denominator. */
export interface GroupRates {
  label: string;
  count: number;
  selectionRate: number | null;
  truePositiveRate: number | null;
  falsePositiveRate: number | null;
}

export interface FairnessReport {
  column: string;
  groups: GroupRates[];
  demographicParityDifference: MetricValue;
  demographicParityRatio: MetricValue;
  equalOpportunityDifference: MetricValue;
  equalizedOddsDifference: MetricValue;
  /** Groups left out of a difference because their rate is undefined, and pooling notes. */
  notes: string[];
}

type RateKey = 'selectionRate' | 'truePositiveRate' | 'falsePositiveRate';
const RATE_NAMES: Record<RateKey, string> = { selectionRate: 'selection rate', truePositiveRate: 'true-positive rate', falsePositiveRate: 'false-positive rate' };

/** Rates per group for decisions yPred === positiveClass against yTrue === positiveClass. */
function rateGroups(groups: RowGroups, yTrue: ArrayLike<number>, yPred: ArrayLike<number>, positiveClass: number): GroupRates[] {
  const size = groups.labels.length;
  const [count, selected, positives, truePositives, negatives, falsePositives] = Array.from({ length: 6 }, () => new Float64Array(size));
  for (let i = 0; i < yTrue.length; i++) {
    const g = groups.codes[i];
    const predicted = yPred[i] === positiveClass ? 1 : 0;
    count[g]++;
    selected[g] += predicted;
    if (yTrue[i] === positiveClass) (positives[g]++, (truePositives[g] += predicted));
    else (negatives[g]++, (falsePositives[g] += predicted));
  }
  const ratio = (a: number, b: number): number | null => (b === 0 ? null : a / b);
  return groups.labels.map((label, g) => ({
    label,
    count: count[g],
    selectionRate: ratio(selected[g], count[g]),
    truePositiveRate: ratio(truePositives[g], positives[g]),
    falsePositiveRate: ratio(falsePositives[g], negatives[g]),
  }));
}

/** Max − min (and min / max) of one rate over the groups where it is defined; notes the groups left out. */
function spreadOf(rates: GroupRates[], key: RateKey, notes: string[]): { difference: MetricValue; ratio: MetricValue } {
  const defined = rates.filter((r) => r[key] !== null).map((r) => r[key] as number);
  const missing = rates.filter((r) => r[key] === null).map((r) => r.label);
  if (missing.length > 0) notes.push(`${RATE_NAMES[key]} is undefined for ${missing.join(', ')}; left out of its difference`);
  if (defined.length < 2) {
    const reason = `${RATE_NAMES[key]} is defined for ${defined.length} group(s); a difference needs at least 2`;
    return { difference: undefinedMetric(reason), ratio: undefinedMetric(reason) };
  }
  const max = Math.max(...defined);
  const min = Math.min(...defined);
  return { difference: metricOf(max - min), ratio: max === 0 ? undefinedMetric(`every group's ${RATE_NAMES[key]} is 0; the ratio is 0/0`) : metricOf(min / max) };
}

/** Fairness of decisions yPred (class indices) across `groups` of the evaluated rows. */
export function computeFairness(groups: RowGroups, yTrue: ArrayLike<number>, yPred: ArrayLike<number>, positiveClass = 1): FairnessReport {
  assertSameLength(yTrue, yPred, 'yPred');
  assertSameLength(yTrue, groups.codes, 'groups');
  const rates = rateGroups(groups, yTrue, yPred, positiveClass);
  const notes = groups.note === undefined ? [] : [groups.note];
  const selection = spreadOf(rates, 'selectionRate', notes);
  const tpr = spreadOf(rates, 'truePositiveRate', notes);
  const fpr = spreadOf(rates, 'falsePositiveRate', notes);
  const odds =
    tpr.difference.value === null ? tpr.difference
    : fpr.difference.value === null ? fpr.difference
    : metricOf(Math.max(tpr.difference.value, fpr.difference.value));
  return {
    column: groups.column,
    groups: rates,
    demographicParityDifference: selection.difference,
    demographicParityRatio: selection.ratio,
    equalOpportunityDifference: tpr.difference,
    equalizedOddsDifference: odds,
    notes,
  };
}
