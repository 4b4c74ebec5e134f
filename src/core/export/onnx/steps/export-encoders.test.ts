import { describe, expect, it } from 'vitest';
import { booleanColumn, numericColumn, sortedCategoricalColumn, tableOf, textColumn } from '../../../../test-support/table-builders';
import type { PipelineStep } from '../../../transform/step-types';
import { runPipelineParity } from './fixtures/pipeline-parity';

// 12 training rows, then held-out rows with missing values and categories never seen in training ('Zed', 'new').
const COLOR = ['red', 'blue', 'red', 'green', 'red', 'blue', 'teal', 'red', 'blue', 'green', null, 'red', /* held out */ 'blue', null, 'Zed', 'teal', 'green', 'red'];
const NOTE = ['a b', 'c', 'a b', 'c', 'd', null, 'c', 'a b', 'c', 'd', 'c', 'é', /* held out */ 'é', 'new', null, 'c', 'd', 'a b'];
const FLAG = [true, false, null, true, true, false, true, false, true, true, false, true, /* held out */ null, true, false, false, true, null];
const TARGET = [1, 0, 1, 1, 0, 0, 1, 1, 0, 1, 0, 1, /* held out */ 0, 1, 1, 0, 0, 1];
const CLASS = ['a', 'b', 'c', 'a', 'b', 'c', 'a', 'a', 'b', 'c', 'c', 'a', /* held out */ 'a', 'b', 'c', 'a', 'b', 'c'];
const AMOUNT = [1.5, null, 3, 4, null, 6, 7, 8.25, 9, 10, 11, 12, /* held out */ null, 2, null, 4, 5, 6];
const table = tableOf(
  sortedCategoricalColumn('color', COLOR), textColumn('note', NOTE), booleanColumn('flag', FLAG), numericColumn('amount', AMOUNT),
  numericColumn('target', TARGET), sortedCategoricalColumn('klass', CLASS),
);

async function expectParity(steps: PipelineStep[], target = 'target') {
  const result = await runPipelineParity(steps, table, 12, { target });
  expect(result).toEqual({ onnxColumns: result.studioColumns, studioColumns: result.studioColumns, mismatches: [], rows: [6, 6] });
}

describe('encoder and impute exporters match transformTable, unseen and missing labels included', () => {
  it('passes raw columns through, categorical codes as the model reads them', async () => {
    await expectParity([{ kind: 'drop', id: 'd', columns: ['klass'] }]);
  });

  it.each([
    { handleUnknown: 'ignore' as const },
    { handleUnknown: 'infrequent_if_exist' as const, minFrequency: 2 },
    { handleUnknown: 'infrequent_if_exist' as const, maxCategories: 3, drop: 'first' as const },
    { drop: 'if_binary' as const },
  ])('one_hot %o', async (options) => {
    await expectParity([{ kind: 'one_hot', id: 'oh', columns: ['color', 'note', 'flag'], ...options }]);
  });

  it('ordinal', async () => {
    await expectParity([{ kind: 'ordinal', id: 'o', columns: ['color', 'note', 'flag'] }]);
  });

  it('target_encode with a numeric target, then with a three-class target (one column per class)', async () => {
    await expectParity([{ kind: 'target_encode', id: 't', columns: ['color', 'note', 'flag'], target: 'target' }]);
    await expectParity([{ kind: 'target_encode', id: 't', columns: ['color', 'note'], target: 'klass', smoothing: 2 }], 'klass');
  });

  it.each(['mean', 'median', 'most_frequent'] as const)('impute %s with indicators', async (strategy) => {
    const columns = strategy === 'most_frequent' ? ['amount', 'color', 'note', 'flag'] : ['amount'];
    await expectParity([{ kind: 'impute', id: 'i', columns, strategy, addIndicator: true }]);
  });

  it('impute constant: a categorical fill that is not a level becomes a new last code', async () => {
    await expectParity([
      { kind: 'impute', id: 'i1', columns: ['color', 'note'], strategy: 'constant', fillValue: 'unknown', addIndicator: true },
      { kind: 'impute', id: 'i2', columns: ['flag'], strategy: 'constant', fillValue: 'true' },
      { kind: 'impute', id: 'i3', columns: ['amount'], strategy: 'constant', fillValue: -1 },
    ]);
  });
});
