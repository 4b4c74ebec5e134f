import { describe, expect, it } from 'vitest';
import { numericColumn, tableOf } from '../../../../test-support/table-builders';
import type { PipelineStep } from '../../../transform/step-types';
import { runPipelineParity } from './fixtures/pipeline-parity';

// 12 training rows, then held-out rows with missing values, values beyond the training range, ±0 and ties.
const X = [3.5, -1.25, 0, 7, 2, 2, 11.5, -4, 5.25, 1e-12, 9, 6, /* held out */ NaN, -30, 100, 2, 0, -0.5, 1e-9, 11.5, -4, 6.000001];
const Y = [10, 20, 15, 11, 14, 16, 30, 12, 13, 18, 19, 17, /* held out */ 5, NaN, 50, 0.001, 15, 10, 17, 16, 14, 12];
const table = tableOf(numericColumn('x', X), numericColumn('y', Y));

async function expectParity(steps: PipelineStep[]) {
  const result = await runPipelineParity(steps, table, 12);
  expect(result).toEqual({ onnxColumns: result.studioColumns, studioColumns: result.studioColumns, mismatches: [], rows: [10, 10] });
}

describe('numeric step exporters match transformTable (1e-9, relative above 1)', () => {
  it.each(['standard', 'minmax', 'robust', 'quantile_uniform'] as const)('scale %s', async (method) => {
    await expectParity([{ kind: 'scale', id: 's', columns: ['x', 'y'], method, nQuantiles: 7 }]);
  });

  it('log1p, with values ≤ −1 becoming missing and tiny values kept accurate', async () => {
    await expectParity([{ kind: 'log1p', id: 'l', columns: ['x', 'y'] }]);
  });

  it.each([true, false])('yeo_johnson (standardize %s)', async (standardize) => {
    await expectParity([{ kind: 'yeo_johnson', id: 'yj', columns: ['x', 'y'], standardize }]);
  });

  it.each(['percentile', 'iqr'] as const)('cap_outliers %s', async (method) => {
    await expectParity([{ kind: 'cap_outliers', id: 'c', columns: ['x', 'y'], method, lower: 10, upper: 90 }]);
  });

  it.each(['uniform', 'quantile'] as const)('bin %s', async (method) => {
    await expectParity([{ kind: 'bin', id: 'b', columns: ['x', 'y'], method, nBins: 4 }]);
  });

  it('refuses quantile_normal, naming the step', async () => {
    await expect(runPipelineParity([{ kind: 'scale', id: 'qn', columns: ['x'], method: 'quantile_normal' }], table, 12)).rejects.toThrow(/Step 'qn' \(scale\) cannot be exported to ONNX: method 'quantile_normal'/);
  });
});
