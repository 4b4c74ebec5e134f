import { describe, expect, it } from 'vitest';
import { blendOutputs } from './blend-outputs';

describe('blendOutputs', () => {
  it('averages class probabilities with the weights and takes the argmax (first class on ties)', () => {
    const a = { predictions: Float64Array.of(0, 1), proba: Float64Array.of(0.8, 0.2, 0.4, 0.6) };
    const b = { predictions: Float64Array.of(1, 1), proba: Float64Array.of(0.2, 0.8, 0.6, 0.4) };
    const blended = blendOutputs([a, b], [0.5, 0.5], 2);
    expect(Array.from(blended.proba!)).toEqual([0.5, 0.5, 0.5, 0.5]);
    expect(Array.from(blended.predictions)).toEqual([0, 0]);
    expect(Array.from(blendOutputs([a, b], [0.75, 0.25], 2).predictions)).toEqual([0, 1]);
  });

  it('counts a member without probabilities as a one-hot of its class, and keeps NaN rows NaN', () => {
    const a = { predictions: Float64Array.of(2, NaN), proba: null };
    const b = { predictions: Float64Array.of(0, 0), proba: Float64Array.of(1, 0, 0, 1, 0, 0) };
    const blended = blendOutputs([a, b], [0.6, 0.4], 3);
    expect(Array.from(blended.proba!.subarray(0, 3))).toEqual([0.4, 0, 0.6]);
    expect(Array.from(blended.predictions)).toEqual([2, NaN]);
  });

  it('averages regression values with the weights', () => {
    const blended = blendOutputs([{ predictions: Float64Array.of(1, 10), proba: null }, { predictions: Float64Array.of(3, 20), proba: null }], [0.25, 0.75], 0);
    expect({ predictions: Array.from(blended.predictions), proba: blended.proba }).toEqual({ predictions: [2.5, 17.5], proba: null });
  });

  it('refuses a weight count that differs from the outputs, naming both', () => {
    expect(() => blendOutputs([{ predictions: Float64Array.of(1), proba: null }], [0.5, 0.5], 0)).toThrow(/1 outputs and 2 weights/);
  });
});
