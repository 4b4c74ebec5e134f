import { describe, expect, it } from 'vitest';
import { createCurveRecorder, downsampleCurve } from './record-curve';

describe('createCurveRecorder', () => {
  it('keeps every record as a copy', () => {
    const recorder = createCurveRecorder('Gradient boosting');
    const metrics = { trainLoss: 0.5 };
    recorder.record({ iteration: 1, total: 2, metrics });
    metrics.trainLoss = 9;
    recorder.record({ iteration: 2, total: 2, metrics: { trainLoss: 0.25, validationScore: NaN } });
    expect(recorder.read()).toEqual([{ iteration: 1, total: 2, metrics: { trainLoss: 0.5 } }, { iteration: 2, total: 2, metrics: { trainLoss: 0.25, validationScore: NaN } }]);
  });

  it('a loss that turns NaN is a TrainingError naming the iteration', () => {
    const recorder = createCurveRecorder('Neural network');
    expect(() => recorder.record({ iteration: 4, total: 10, metrics: { trainLoss: NaN } })).toThrow(expect.objectContaining({
      name: 'TrainingError',
      message: 'Neural network: the trainLoss became NaN at iteration 4; lower the learning rate or scale the features.',
    }));
  });
});

describe('downsampleCurve', () => {
  it('keeps short curves and spaces long ones evenly, first and last kept', () => {
    expect(downsampleCurve([1, 2, 3], 5)).toEqual([1, 2, 3]);
    expect(downsampleCurve([0, 1, 2, 3, 4, 5, 6, 7, 8], 3)).toEqual([0, 4, 8]);
  });
});
