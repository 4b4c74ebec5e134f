import { describe, expect, it } from 'vitest';
import { padWeights, planPaddedLayout, unpadWeights } from './padded-layout';

describe('padded layout', () => {
  it('rounds each output width up to 8 with zero columns, and unpads to the same weights', () => {
    const topology = { inputs: 2, hidden: [3], activation: 'relu' as const, outputs: 1, output: 'sigmoid' as const };
    const { layers, size } = planPaddedLayout(topology);
    expect([layers.map((l) => [l.paddedOutputs, l.kernelOffset, l.biasOffset]), size]).toEqual([[[8, 0, 16], [8, 24, 48]], 56]);
    const weights = { kernels: [Float32Array.of(1, 2, 3, 4, 5, 6), Float32Array.of(7, 8, 9)], biases: [Float32Array.of(-1, -2, -3), Float32Array.of(-4)] };
    const padded = new Float32Array(size).fill(99);
    padWeights(layers, weights, padded);
    expect(Array.from(padded.subarray(0, 24))).toEqual([1, 2, 3, 0, 0, 0, 0, 0, 4, 5, 6, 0, 0, 0, 0, 0, -1, -2, -3, 0, 0, 0, 0, 0]);
    expect(unpadWeights(layers, padded)).toEqual(weights);
  });
});
