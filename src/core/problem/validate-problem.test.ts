import { describe, expect, it } from 'vitest';
import type { Table } from '../table/types';
import type { ProblemSpec } from './types';
import { validateProblem } from './validate-problem';
import { textColumn } from '../../test-support/table-builders';

const table: Table = {
  rowCount: 12,
  columns: [
    { kind: 'categorical', name: 'label', levels: ['no', 'yes'], codes: Int32Array.from([0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, -1]) },
    { kind: 'numeric', name: 'x', values: Float64Array.from([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]) },
    textColumn('same', Array.from({ length: 12 }, () => 'a')),
  ],
};

const binary: ProblemSpec = { target: 'label', task: 'binary', positiveClass: 'yes', primaryMetric: 'roc-auc', secondaryMetrics: ['pr-auc'] };

describe('validateProblem', () => {
  it('accepts a sound regression spec', () => {
    expect(validateProblem({ target: 'x', task: 'regression', primaryMetric: 'rmse', secondaryMetrics: ['mae', 'r2'] }, table)).toEqual([]);
  });

  it('warns about missing targets and tiny classes of a binary spec', () => {
    expect(validateProblem(binary, table)).toEqual([
      { severity: 'warning', code: 'target-has-missing', message: '1 rows have no value for "label"; they will be left out of training and evaluation.' },
      { severity: 'warning', code: 'tiny-class', message: 'Class "yes" of "label" has only 1 rows: its scores will be noisy. Collect more, or group it with a similar class.' },
    ]);
  });

  it('names a target that is not in the table', () => {
    expect(validateProblem({ ...binary, target: 'lable' }, table)).toEqual([
      { severity: 'error', code: 'target-not-found', message: 'The target "lable" is not a column of this table. Choose one of: "label", "x", "same".' },
    ]);
  });

  it('rejects a one-class target and a positive class that does not occur', () => {
    expect(validateProblem({ ...binary, target: 'same', positiveClass: 'b' }, table)).toEqual([
      { severity: 'error', code: 'one-class', message: '"same" has only one value ("a"): there is nothing to predict. Choose another target.' },
    ]);
    expect(validateProblem({ ...binary, positiveClass: 'Yes' }, table).filter((issue) => issue.severity === 'error')).toEqual([
      { severity: 'error', code: 'positive-class-not-found', message: 'The positive class "Yes" does not occur in "label". Choose one of: "no", "yes".' },
    ]);
  });

  it('rejects metrics of another task, unknown and report-only metrics, bad costs and flags a reversed criterion', () => {
    const spec: ProblemSpec = {
      target: 'x',
      task: 'regression',
      primaryMetric: 'roc-auc',
      secondaryMetrics: ['nope' as 'mae', 'median-ae'],
      costs: { truePositive: 0, falsePositive: Number.NaN, falseNegative: 5, trueNegative: 0 },
      successCriterion: { metric: 'rmse', op: '>=', value: 3 },
    };
    expect(validateProblem(spec, table)).toEqual([
      { severity: 'error', code: 'metric-wrong-task', message: 'ROC-AUC does not apply to regression problems; choose another primary metric.' },
      { severity: 'error', code: 'unknown-metric', message: 'The secondary metric "nope" is unknown. Choose one from the list.' },
      { severity: 'error', code: 'metric-report-only', message: 'Median absolute error is reported by the Evaluate cell but is not a problem metric; choose another secondary metric from the list.' },
      { severity: 'error', code: 'bad-cost', message: 'The cost of a falsePositive (NaN) is not a finite number. Enter an amount per case.' },
      { severity: 'warning', code: 'criterion-direction', message: 'RMSE is better when lower, but the success criterion asks for ">= 3". Check the direction.' },
      { severity: 'warning', code: 'bad-cost', message: 'Costs per confusion-matrix cell apply to binary problems; they are ignored for regression.' },
    ]);
  });

  it('needs a target for supervised tasks, a number for regression and none for clustering', () => {
    expect(validateProblem({ ...binary, target: null }, table).map((issue) => issue.code)).toEqual(['no-target']);
    expect(validateProblem({ target: 'label', task: 'regression', primaryMetric: 'rmse', secondaryMetrics: [] }, table).map((issue) => issue.code)).toEqual(['regression-needs-number']);
    expect(validateProblem({ target: 'x', task: 'clustering', primaryMetric: 'silhouette', secondaryMetrics: [] }, table).map((issue) => issue.code)).toEqual(['target-ignored']);
  });

  it('flags a binary spec without a positive class and a 2-class multiclass spec', () => {
    const { positiveClass: _ignored, ...noPositive } = binary;
    expect(validateProblem(noPositive, table).map((issue) => issue.code)).toEqual(['positive-class-missing', 'target-has-missing', 'tiny-class']);
    expect(validateProblem({ ...binary, task: 'multiclass', primaryMetric: 'macro-f1', secondaryMetrics: [] }, table).map((issue) => issue.code)).toEqual([
      'target-has-missing',
      'two-classes-for-multiclass',
      'positive-class-ignored',
      'tiny-class',
    ]);
  });
});
