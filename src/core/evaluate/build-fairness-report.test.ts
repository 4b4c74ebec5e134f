import { describe, expect, it } from 'vitest';
import { categoricalColumn } from '../../test-support/table-builders';
import type { SupervisedTask } from '../problem/types';
import type { RunPredictions } from './run-predictions';
import { buildFairnessReport as buildOnGroups, predictAtThreshold } from './build-fairness-report';
import { groupEvaluatedRows } from './build-slice-report';

const SEX = categoricalColumn('sex', ['f', 'f', 'f', 'f', 'm', 'm', 'm', 'm', 'x']);
const buildFairnessReport = (column: typeof SEX, predictions: RunPredictions, ...rest: [SupervisedTask, number, number]) =>
  buildOnGroups(groupEvaluatedRows(column, predictions), predictions, ...rest);
// Positive-class scores f: 0.9 0.4 0.6 0.1, m: 0.8 0.7 0.2 0.3 (true 1 1 0 0 in both groups).
const PREDICTIONS: RunPredictions = {
  rows: Uint32Array.of(0, 1, 2, 3, 4, 5, 6, 7),
  yTrue: Float64Array.of(1, 1, 0, 0, 1, 1, 0, 0),
  yPred: Float64Array.of(1, 0, 1, 0, 1, 1, 0, 0),
  proba: Float64Array.of(0.1, 0.9, 0.6, 0.4, 0.4, 0.6, 0.9, 0.1, 0.2, 0.8, 0.3, 0.7, 0.8, 0.2, 0.7, 0.3),
  classes: ['benign', 'malignant'],
};

describe('buildFairnessReport', () => {
  it('at threshold 0.5: equal selection rates, group f finds half the positives that m finds', () => {
    const { value } = buildFairnessReport(SEX, PREDICTIONS, 'binary', 1, 0.5);
    expect(value).toEqual({
      report: {
        column: 'sex',
        groups: [
          { label: 'f', count: 4, selectionRate: 0.5, truePositiveRate: 0.5, falsePositiveRate: 0.5 },
          { label: 'm', count: 4, selectionRate: 0.5, truePositiveRate: 1, falsePositiveRate: 0 },
        ],
        demographicParityDifference: { value: 0 },
        demographicParityRatio: { value: 1 },
        equalOpportunityDifference: { value: 0.5 },
        equalizedOddsDifference: { value: 0.5 },
        notes: [],
      },
      sentences: [
        'Demographic parity difference 0.00: every group has the same selection rate (0.50).',
        'Equal opportunity difference 0.50: the true-positive rate of group “f” is 50 points lower than of group “m”.',
        'Equalized odds difference 0.50: the larger of the true-positive-rate gap (0.50) and the false-positive-rate gap (0.50) between groups.',
      ],
      decisions: '“malignant” predicted when its probability ≥ 0.5000 (the current threshold)',
    });
  });

  it('follows the threshold: at 0.35 group m is selected 25 points less often', () => {
    const { value } = buildFairnessReport(SEX, PREDICTIONS, 'binary', 1, 0.35);
    expect(value?.sentences[0]).toBe('Demographic parity difference 0.25: the selection rate of group “m” is 25 points lower than of group “f”.');
  });

  it('a group without positives is left out of the TPR difference and named; one group alone gives no difference', () => {
    const withX = { ...PREDICTIONS, rows: Uint32Array.of(0, 1, 8), yTrue: Float64Array.of(1, 0, 0), yPred: Float64Array.of(1, 0, 0), proba: null };
    expect(buildFairnessReport(SEX, withX, 'binary', 1, 0.5).value?.sentences).toEqual([
      'Demographic parity difference 0.50: the selection rate of group “x” is 50 points lower than of group “f”.',
      'Equal opportunity difference: not computed — true-positive rate is defined for 1 group(s); a difference needs at least 2.',
      'Equalized odds difference: not computed — true-positive rate is defined for 1 group(s); a difference needs at least 2.',
    ]);
  });

  it('says which decisions it uses without probabilities, and refuses regression', () => {
    expect([
      buildFairnessReport(SEX, { ...PREDICTIONS, proba: null }, 'binary', 1, 0.5).value?.decisions,
      buildFairnessReport(SEX, PREDICTIONS, 'regression', 1, 0.5),
    ]).toEqual([
      "the model's predicted classes (it gives no probabilities, so the threshold does not apply); positive = “malignant”",
      { value: null, reason: 'fairness rates compare decisions; this is a regression problem' },
    ]);
  });
});

describe('predictAtThreshold', () => {
  it('predicts the positive class at score ≥ threshold, else the other class', () => {
    expect(predictAtThreshold([0.2, 0.5, 0.9], 0.5, 0)).toEqual(Float64Array.of(1, 0, 0));
  });
});
