import { describe, expect, it } from 'vitest';
import type { ProblemSpec } from '../../problem/types';
import { chunkSourceFromTable } from '../../table/chunk-source';
import { resolveNeeds } from '../fit-prepared';
import { createSyntheticTable } from './fixtures/synthetic-table';
import { fitNeuralStreamed } from './fit-neural-streamed';
import { prepareStreamed } from './prepare-streamed';

const table = createSyntheticTable({ rows: 1200, features: 4, classes: 3, seed: 4 });
const problem: ProblemSpec = { target: 'label', task: 'multiclass', primaryMetric: 'accuracy', secondaryMetrics: [] };
const params = { layers: 1, units: 16, epochs: 6, batch_size: 32, patience: 0, learning_rate: 0.01 };

async function fit(seed: number) {
  const prep = prepareStreamed(table, [], problem, resolveNeeds({ family: 'neural_network', params, autoPrepare: true }), { validationShare: 0.25, testShare: 0, seed: 1 });
  return fitNeuralStreamed(chunkSourceFromTable(table, 250), prep, params, seed);
}

describe('fitNeuralStreamed', () => {
  it('trains epoch after epoch over the chunks: the losses fall and the model predicts classes', async () => {
    const result = await fit(3);
    const losses = result.curve.map((p) => p.metrics.trainLoss);
    expect(result.curve.length).toBe(6);
    expect(losses[5]).toBeLessThan(losses[0] * 0.8);
    expect(result.curve[5].metrics.validationLoss).toBeLessThan(result.curve[0].metrics.validationLoss);
    expect(result.rows.train + result.rows.validation).toBe(1200);
    expect(result.model.toJSON().classes).toEqual(['high', 'low', 'mid']);
  }, 60_000);

  it('is reproducible for a seed', async () => {
    const [a, b] = [await fit(3), await fit(3)];
    expect(b.model.toJSON().state).toEqual(a.model.toJSON().state);
    expect(b.curve).toEqual(a.curve);
  }, 60_000);
});
