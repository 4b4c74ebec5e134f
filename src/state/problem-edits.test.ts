import { describe, expect, it } from 'vitest';
import type { ProblemSpec } from '../core/problem/types';
import type { Table } from '../core/table/types';
import { proposeTarget } from '../core/problem/propose-target';
import { chooseTarget as chooseTargetOf, chooseTask as chooseTaskOf, choosePrimaryMetric, readCriterionOp, setCost, setSuccessCriterion, toggleSecondaryMetric } from './problem-edits';

/** 10 rows: a rare-positive yes/no target (2 of 10), a 3-class species, a number. */
const TABLE: Table = {
  rowCount: 10,
  columns: [
    { kind: 'categorical', name: 'churn', codes: Int32Array.from([0, 0, 1, 0, 0, 0, 1, 0, 0, 0]), levels: ['no', 'yes'] },
    { kind: 'categorical', name: 'species', codes: Int32Array.from([0, 1, 2, 0, 1, 2, 0, 1, 2, 0]), levels: ['a', 'b', 'c'] },
    { kind: 'numeric', name: 'mass', values: Float64Array.from([1.5, 2.25, 3, 4.5, 5, 6.75, 7, 8.5, 9, 10.25]) },
  ],
};

/** The edits as the form makes them: with the proposal the worker computes for the (new or current) target. */
const chooseTarget = (spec: ProblemSpec, table: Table, target: string) => chooseTargetOf(spec, proposeTarget(table, target), target);
const chooseTask = (spec: ProblemSpec, table: Table, task: ProblemSpec['task']) => chooseTaskOf(spec, spec.target === null ? null : proposeTarget(table, spec.target), task);

const START: ProblemSpec = { target: null, task: 'binary', primaryMetric: 'roc-auc', secondaryMetrics: ['accuracy', 'f1', 'log-loss'] };

describe('problem edits', () => {
  it('choosing an imbalanced binary target proposes its positive class and imbalance-aware metrics', () => {
    expect([proposeTarget(TABLE, 'churn'), chooseTarget(START, TABLE, 'churn')]).toEqual([
      { task: 'binary', positiveClass: 'yes', reason: '"churn" has two classes; "yes" reads as the positive one.', target: 'churn', classes: ['no', 'yes'], minorityPct: 20 },
      { target: 'churn', task: 'binary', positiveClass: 'yes', primaryMetric: 'roc-auc', secondaryMetrics: ['accuracy', 'f1', 'log-loss'] },
    ]);
    const rare: Table = { ...TABLE, columns: [{ ...TABLE.columns[0], codes: Int32Array.from([0, 0, 0, 0, 0, 0, 1, 0, 0, 0]) } as Table['columns'][number]] };
    expect(chooseTarget(START, rare, 'churn')).toEqual({
      target: 'churn', task: 'binary', positiveClass: 'yes', primaryMetric: 'roc-auc', secondaryMetrics: ['pr-auc', 'balanced-accuracy', 'log-loss'],
    });
  });

  it('a 3-class target becomes multiclass and a number regression, dropping the positive class', () => {
    const binary = chooseTarget(START, TABLE, 'churn');
    expect([chooseTarget(binary, TABLE, 'species'), chooseTarget(binary, TABLE, 'mass')]).toEqual([
      { target: 'species', task: 'multiclass', primaryMetric: 'macro-f1', secondaryMetrics: ['balanced-accuracy', 'log-loss', 'accuracy'] },
      { target: 'mass', task: 'regression', primaryMetric: 'rmse', secondaryMetrics: ['mae', 'r2'] },
    ]);
  });

  it('choosing clustering clears the target; the success criterion follows the new primary metric', () => {
    const withCriterion = setSuccessCriterion(chooseTarget(START, TABLE, 'mass'), { value: 3 });
    expect([withCriterion.successCriterion, chooseTask(withCriterion, TABLE, 'clustering')]).toEqual([
      { metric: 'rmse', op: '<=', value: 3 },
      { target: null, task: 'clustering', primaryMetric: 'silhouette', secondaryMetrics: ['davies-bouldin'], successCriterion: { metric: 'silhouette', op: '>=', value: 3 } },
    ]);
  });

  it('shows ≤ for a lower-is-better metric before any criterion is set, and the criterion\'s own op after', () => {
    const regression = chooseTarget(START, TABLE, 'mass');
    expect([readCriterionOp(regression), readCriterionOp(START), readCriterionOp(setSuccessCriterion(regression, { value: 2, op: '>=' }))]).toEqual(['<=', '>=', '>=']);
  });

  it('edits metrics, costs and the criterion', () => {
    let spec = choosePrimaryMetric(START, 'accuracy');
    spec = toggleSecondaryMetric(spec, 'roc-auc', true);
    spec = toggleSecondaryMetric(spec, 'f1', false);
    spec = setCost(spec, 'falseNegative', 50);
    spec = setCost(spec, 'truePositive', -10);
    spec = setSuccessCriterion(spec, { value: 0.8 });
    spec = setSuccessCriterion(spec, { metric: 'log-loss' });
    expect(spec).toEqual({
      target: null, task: 'binary', primaryMetric: 'accuracy', secondaryMetrics: ['roc-auc', 'log-loss'],
      costs: { truePositive: -10, falsePositive: 0, falseNegative: 50, trueNegative: 0 },
      successCriterion: { metric: 'log-loss', op: '<=', value: 0.8 },
    });
    const cleared = setSuccessCriterion(setCost(setCost(spec, 'falseNegative', null), 'truePositive', null), null);
    expect(cleared).toEqual({ target: null, task: 'binary', primaryMetric: 'accuracy', secondaryMetrics: ['roc-auc', 'log-loss'] });
  });
});
