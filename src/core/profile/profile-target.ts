// What a profile says about the target: the proposed task, class balance, each feature's association
// with the target (η for number–class pairs, Cramér's V for class–class, |Spearman| for number–number; for a
// binary target also each numeric feature's single-feature AUC) and, for classification, per-class histogram
// counts of every numeric feature on its own edges.

import { factorizeTarget } from '../problem/factorize-target';
import { MAX_PROPOSED_CLASSES, proposeTask } from '../problem/propose-task';
import type { Column, Table } from '../table/types';
import { countBinsPerCode } from '../stats/bin-histogram';
import { throwIfAborted } from './check-abort';
import type { CategoryInput, NumericInput } from './build-correlations';
import { correlateSpearmanRanked } from './correlate-spearman';
import { finiteOrNull, percent } from './json-numbers';
import { measureCorrelationRatio } from './measure-correlation-ratio';
import { measureCramersV } from './measure-cramers-v';
import { measureRankAuc } from './measure-rank-auc';
import { MAX_RANKED_CELLS } from '../stats/rank-column';
import type { ClassBalance, NumericProfile, TargetAssociation, TargetProfile } from './types';

/** Below this minority share (percent) the class balance carries a warning. */
export const MINORITY_WARNING_PCT = 10;

export interface TargetInputs {
  numeric: readonly NumericInput[];
  categories: readonly CategoryInput[];
  /** Numeric profiles by name, for histogram edges. */
  numericProfiles: ReadonlyMap<string, NumericProfile>;
  signal?: AbortSignal;
}

/** Profiles `target` (a column of `table`) against every other numeric, categorical and boolean column. */
export function profileTarget(table: Table, target: Column, inputs: TargetInputs): TargetProfile {
  const proposal = proposeTask(table, target.name);
  const classification = proposal.task === 'binary' || proposal.task === 'multiclass';
  const classes = classification ? factorizeTarget(target, Number.POSITIVE_INFINITY) : null;
  const notes: string[] = [];
  const skipped = table.columns.filter((c) => c !== target && (c.kind === 'text' || c.kind === 'datetime')).map((c) => `"${c.name}"`);
  if (skipped.length > 0) notes.push(`Text and date columns (${skipped.join(', ')}) have no association measure.`);
  const associations: TargetAssociation[] = [];
  const numericTarget = inputs.numeric.find((x) => x.name === target.name);
  // The AUC needs every numeric feature ranked: within the bound the correlations rank them anyway; beyond it, η judges.
  const withAuc = classes?.labels.length === 2 && inputs.numeric.length * table.rowCount <= MAX_RANKED_CELLS;
  if (classes?.labels.length === 2 && !withAuc) notes.push(`Single-feature AUCs left out: ranking ${inputs.numeric.length} numeric columns of ${table.rowCount} rows costs too much; η stands in.`);
  for (const feature of inputs.numeric) {
    if (feature.name === target.name) continue;
    throwIfAborted(inputs.signal);
    if (classes) {
      const eta = finiteOrNull(measureCorrelationRatio(classes.codes, classes.labels.length, feature.values));
      associations.push({ column: feature.name, measure: 'eta', value: eta, ...(withAuc ? { auc: finiteOrNull(measureRankAuc(feature.rank(), classes.codes)) } : {}) });
    }
    else if (numericTarget) associations.push({ column: feature.name, measure: 'abs-spearman', value: finiteOrNull(Math.abs(correlateSpearmanRanked(feature.rank(), numericTarget.rank()))) });
  }
  for (const feature of inputs.categories) {
    if (feature.name === target.name) continue;
    throwIfAborted(inputs.signal);
    if (classes) associations.push({ column: feature.name, measure: 'cramers-v', value: finiteOrNull(measureCramersV(feature.codes, feature.levels, classes.codes, classes.labels.length)) });
    else if (numericTarget) associations.push({ column: feature.name, measure: 'eta', value: finiteOrNull(measureCorrelationRatio(feature.codes, feature.levels, numericTarget.values)) });
  }
  associations.sort((a, b) => (b.value ?? -1) - (a.value ?? -1));
  const undefinedNames = associations.filter((a) => a.value === null).map((a) => `"${a.column}"`);
  if (undefinedNames.length > 0) notes.push(`Association undefined for ${undefinedNames.join(', ')}: no shared present rows, or no variation.`);
  const perClassHistograms =
    classes && classes.labels.length <= MAX_PROPOSED_CLASSES
      ? inputs.numeric.filter((x) => x.name !== target.name).flatMap((x) => countPerClass(x, inputs.numericProfiles.get(x.name), classes))
      : [];
  return {
    name: target.name,
    task: proposal.task,
    taskReason: proposal.reason,
    classBalance: classes ? measureBalance(classes.labels, classes.counts) : null,
    associations,
    identicalColumns: numericTarget ? inputs.numeric.filter((x) => x !== numericTarget && isSameValues(x.values, numericTarget.values)).map((x) => x.name) : [],
    notes,
    perClassHistograms,
  };
}

function measureBalance(labels: string[], counts: number[]): ClassBalance {
  const total = counts.reduce((sum, count) => sum + count, 0);
  const majority = Math.max(...counts);
  const minority = Math.min(...counts);
  const minorityPct = percent(minority, total);
  const rarest = labels[counts.indexOf(minority)];
  return {
    classes: labels.map((value, i) => ({ value, count: counts[i], pct: percent(counts[i], total) })),
    imbalanceRatio: majority / minority,
    minorityPct,
    warning:
      minorityPct < MINORITY_WARNING_PCT
        ? `Class "${rarest}" is only ${minorityPct.toFixed(1)} % of rows: use a stratified split and a metric like PR-AUC or balanced accuracy.`
        : null,
  };
}

function countPerClass(feature: NumericInput, profile: NumericProfile | undefined, classes: { labels: string[]; codes: Int32Array }) {
  const edges = profile?.histogram?.edges;
  if (!edges) return [];
  const bins = edges.length - 1;
  const counts = countBinsPerCode(feature.values, edges, classes.codes, classes.labels.length);
  return [{ column: feature.name, edges, classes: classes.labels.map((label, k) => ({ label, counts: Array.from(counts.subarray(k * bins, (k + 1) * bins)) })) }];
}

function isSameValues(a: Float64Array, b: Float64Array): boolean {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i] && !(a[i] !== a[i] && b[i] !== b[i])) return false;
  return true;
}
