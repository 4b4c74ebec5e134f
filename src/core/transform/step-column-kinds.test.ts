import { describe, expect, it } from 'vitest';
import { listStepColumnKinds } from './step-column-kinds';

describe('listStepColumnKinds', () => {
  it('gives the kinds each step reads, a mean or median imputation only numbers and datetimes', () => {
    expect([
      listStepColumnKinds({ kind: 'drop', id: 'a', columns: [] }),
      listStepColumnKinds({ kind: 'scale', id: 'a', columns: [], method: 'robust' }),
      listStepColumnKinds({ kind: 'ordinal', id: 'a', columns: [] }),
      listStepColumnKinds({ kind: 'date_parts', id: 'a', columns: [], parts: ['year'] }),
      listStepColumnKinds({ kind: 'derive', id: 'a', name: 'z', expression: '1' }),
      listStepColumnKinds({ kind: 'impute', id: 'a', columns: [], strategy: 'median' }),
      listStepColumnKinds({ kind: 'impute', id: 'a', columns: [], strategy: 'most_frequent' }),
    ]).toEqual(['any', ['numeric'], ['categorical', 'text', 'boolean'], ['datetime'], null, ['numeric', 'datetime'], 'any']);
  });
});
