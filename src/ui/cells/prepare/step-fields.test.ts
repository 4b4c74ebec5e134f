import { describe, expect, it } from 'vitest';
import type { PipelineStep } from '../../../core/transform/step-types';
import { STEP_KINDS } from '../../../state/step-catalog';
import { readFillValue, setStepField, STEP_FIELDS } from './step-fields';

const visibleKeys = (step: PipelineStep) => STEP_FIELDS[step.kind].filter((f) => !f.when || f.when(step)).map((f) => f.key);

describe('step fields', () => {
  it('has a form for every catalogued kind, showing conditional fields only when they apply', () => {
    expect(STEP_KINDS.every((info) => Array.isArray(STEP_FIELDS[info.kind]))).toBe(true);
    expect([
      visibleKeys({ kind: 'impute', id: 'a', columns: [], strategy: 'median' }),
      visibleKeys({ kind: 'impute', id: 'a', columns: [], strategy: 'constant' }),
      visibleKeys({ kind: 'scale', id: 'b', columns: [], method: 'quantile_uniform' }),
      visibleKeys({ kind: 'cap_outliers', id: 'c', columns: [], method: 'percentile' }),
      visibleKeys({ kind: 'resample', id: 'd', method: 'smote', target: 'y' }),
      visibleKeys({ kind: 'one_hot', id: 'e', columns: [] }),
    ]).toEqual([
      ['strategy', 'addIndicator'],
      ['strategy', 'fillValue', 'addIndicator'],
      ['method', 'nQuantiles'],
      ['method', 'lower', 'upper'],
      ['method', 'target', 'seed', 'neighbors'],
      ['maxCategories', 'minFrequency', 'handleUnknown', 'drop'],
    ]);
  });

  it('sets and clears fields and reads fill values', () => {
    const step: PipelineStep = { kind: 'one_hot', id: 'h', columns: ['c'], maxCategories: 10 };
    expect([setStepField(step, 'maxCategories', undefined), setStepField(step, 'handleUnknown', 'ignore'), step]).toEqual([
      { kind: 'one_hot', id: 'h', columns: ['c'] },
      { kind: 'one_hot', id: 'h', columns: ['c'], maxCategories: 10, handleUnknown: 'ignore' },
      { kind: 'one_hot', id: 'h', columns: ['c'], maxCategories: 10 },
    ]);
    expect([readFillValue('0'), readFillValue(' -1.5 '), readFillValue('unknown'), readFillValue('')]).toEqual([0, -1.5, 'unknown', '']);
  });
});
