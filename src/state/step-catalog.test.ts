import { describe, expect, it } from 'vitest';
import type { PipelineStep } from '../core/transform/step-types';
import { createStep, createStepId, describeColumnSelection, describeStep, listStepColumns, STEP_KINDS } from './step-catalog';

describe('step catalogue', () => {
  it('lists every step kind once, grouped', () => {
    expect(STEP_KINDS.map((k) => `${k.group}/${k.kind}`)).toEqual([
      'Columns/drop', 'Columns/cast', 'Missing values/impute', 'Scale and shape/scale', 'Scale and shape/log1p', 'Scale and shape/yeo_johnson',
      'Scale and shape/cap_outliers', 'Scale and shape/bin', 'Encode/one_hot', 'Encode/ordinal', 'Encode/target_encode',
      'Encode/date_parts', 'Derive/derive', 'Rows/filter', 'Rows/dedupe', 'Class imbalance/resample',
    ]);
  });

  it('gives fresh ids and target-seeded defaults', () => {
    const steps: PipelineStep[] = [{ kind: 'impute', id: 'impute-1', columns: [], strategy: 'mean' }, { kind: 'dedupe', id: 'impute-3' }];
    expect([createStepId('impute', steps), createStepId('scale', steps)]).toEqual(['impute-2', 'scale-1']);
    expect([createStep('target_encode', 't', 'y', ['city']), createStep('resample', 'r', null), createStep('impute', 'i', 'y')]).toEqual([
      { kind: 'target_encode', id: 't', columns: ['city'], target: 'y', smoothing: 'auto', folds: 5, seed: 0 },
      { kind: 'resample', id: 'r', method: 'class_weights', target: '', seed: 0 },
      { kind: 'impute', id: 'i', columns: [], strategy: 'median', addIndicator: false },
    ]);
  });

  it('describes configured steps in one line and lists the columns they read', () => {
    const steps: PipelineStep[] = [
      { kind: 'impute', id: 'a', columns: ['Age'], strategy: 'median' },
      { kind: 'impute', id: 'b', columns: ['x', 'y', 'z'], strategy: 'constant', fillValue: 0, addIndicator: true },
      { kind: 'scale', id: 'c', columns: [], method: 'quantile_normal' },
      { kind: 'bin', id: 'd', columns: ['Fare'], method: 'uniform', nBins: 4 },
      { kind: 'derive', id: 'e', name: 'ratio', expression: 'a / b' },
      { kind: 'cap_outliers', id: 'f', columns: ['w'], method: 'percentile' },
      { kind: 'resample', id: 'g', method: 'smote', target: 'y' },
      { kind: 'one_hot', id: 'h', columns: ['Sex'], drop: 'first' },
      { kind: 'one_hot', id: 'i', columns: ['Sex'], drop: 'none' },
    ];
    expect(steps.map(describeStep)).toEqual([
      'Impute Age with median',
      'Impute 3 columns with constant 0 (+ indicator)',
      'Scale (no columns yet) (quantile normal)',
      'Bin Fare into 4 equal-width bins',
      'Derive ratio = a / b',
      'Cap outliers in w (1–99 %)',
      'Balance y by smote (training only)',
      'One-hot encode Sex (first column dropped)',
      'One-hot encode Sex',
    ]);
    expect([listStepColumns(steps[1]), listStepColumns(steps[4]), listStepColumns(steps[6]), listStepColumns({ kind: 'target_encode', id: 't', columns: ['c'], target: 'y' })]).toEqual([
      ['x', 'y', 'z'], [], ['y'], ['c', 'y'],
    ]);
  });

  it('describes column rules in words, and a rule names no columns', () => {
    expect([
      describeColumnSelection({ rule: 'numeric' }),
      describeColumnSelection({ rule: 'numeric', onlyMissing: true }),
      describeColumnSelection({ rule: 'missing', exclude: ['Age'] }),
      describeColumnSelection({ rule: 'name', pattern: 'price_*', exclude: ['a', 'b', 'c'] }),
      describeColumnSelection({ rule: 'datetime', pattern: 'ts_*' }),
      describeStep({ kind: 'scale', id: 's', columns: { rule: 'numeric' }, method: 'standard' }),
      listStepColumns({ kind: 'target_encode', id: 't', columns: { rule: 'categorical' }, target: 'y' }),
    ]).toEqual([
      'all numeric columns',
      'numeric columns with missing values',
      'columns with missing values except Age',
      'columns named price_* except 3 columns',
      'date/time columns named ts_*',
      'Scale all numeric columns (standard)',
      ['y'],
    ]);
  });
});
