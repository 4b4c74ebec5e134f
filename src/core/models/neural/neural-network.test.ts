import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { FeatureMatrix, Target, TrainingProgress } from '../types';
import { neuralNetworkFamily } from './neural-network';

// Two well-separated blobs in 2-D (class 0 left-below, class 1 right-above), and a line y = 2x + 1.
const blobs: { X: FeatureMatrix; y: Target } = {
  X: { values: Float64Array.from([-2, -1, -1.5, -2, -1, -1.5, -2.5, -0.5, -1.2, -1.8, 2, 1, 1.5, 2, 1, 1.5, 2.5, 0.5, 1.2, 1.8]), rows: 10, cols: 2, featureNames: ['a', 'b'] },
  y: { values: Float64Array.from([0, 0, 0, 0, 0, 1, 1, 1, 1, 1]), classes: ['no', 'yes'] },
};
const line: { X: FeatureMatrix; y: Target } = {
  X: { values: Float64Array.from([-1, -0.5, 0, 0.5, 1, 1.5]), rows: 6, cols: 1, featureNames: ['x'] },
  y: { values: Float64Array.from([-1, 0, 1, 2, 3, 4]) },
};
const small = { layers: 1, units: 8, batch_size: 8, epochs: 60, learning_rate: 0.05, patience: 0 };

beforeAll(async () => {
  await tf.setBackend('cpu');
});

describe('neuralNetworkFamily', () => {
  it('separates two blobs, gives probabilities per class, and leaves no tensor behind', async () => {
    const before = tf.memory().numTensors;
    const model = await neuralNetworkFamily.fit(blobs.X, blobs.y, small, { seed: 3 });
    expect(tf.memory().numTensors).toBe(before);
    expect(Array.from(model.predict(blobs.X))).toEqual([0, 0, 0, 0, 0, 1, 1, 1, 1, 1]);
    const proba = model.predictProba!(blobs.X);
    expect(proba.length).toBe(20);
    expect(Array.from({ length: 10 }, (_, r) => Math.round((proba[2 * r] + proba[2 * r + 1]) * 1e6) / 1e6)).toEqual(Array(10).fill(1));
    const json = JSON.parse(JSON.stringify(model.toJSON()));
    const reloaded = neuralNetworkFamily.fromJSON(json);
    expect(Array.from(reloaded.predictProba!(blobs.X))).toEqual(Array.from(proba));
    expect(tf.memory().numTensors).toBe(before);
    expect([json.kind, json.task, json.classes, json.state.topology]).toEqual(['neural_network', 'binary', ['no', 'yes'], { inputs: 2, hidden: [8], activation: 'relu', outputs: 1, output: 'sigmoid' }]);
    // Training-row mean and population std of a (−1.52, 1.52 → 0, 1.52…) and b, stored so prediction scales alike.
    expect(json.state.inputScaling.mean.map((v: number) => Math.round(v * 1e9) / 1e9 + 0)).toEqual([0, 0]);
  });

  it('learns the same weights from the same seed and different ones from another (cpu backend)', async () => {
    const params = { ...small, epochs: 5, dropout: 0.2 };
    const a = (await neuralNetworkFamily.fit(blobs.X, blobs.y, params, { seed: 7 })).toJSON();
    const b = (await neuralNetworkFamily.fit(blobs.X, blobs.y, params, { seed: 7 })).toJSON();
    const c = (await neuralNetworkFamily.fit(blobs.X, blobs.y, { ...params, seed: 1 }, { seed: 7 })).toJSON();
    expect(b).toEqual(a);
    expect(c.state).not.toEqual(a.state);
  });

  it('fits a line (regression on a standardised target) and reports MSE in target units per epoch', async () => {
    const progress: TrainingProgress[] = [];
    const model = await neuralNetworkFamily.fit(line.X, line.y, { ...small, epochs: 300, activation: 'tanh' }, { seed: 1, validation: line, onProgress: (p) => progress.push(p) });
    expect(Array.from(model.predict(line.X), (v) => Math.round(v) + 0)).toEqual([-1, 0, 1, 2, 3, 4]);
    expect(model.predictProba).toBeUndefined();
    expect(progress.length).toBe(300);
    expect(Object.keys(progress[0].metrics)).toEqual(['trainLoss', 'validationLoss']);
    expect([progress[0].iteration, progress[0].total, progress[299].metrics.trainLoss < 0.01, progress[0].metrics.trainLoss > 1]).toEqual([1, 300, true, true]);
  });

  it('gives softmax probabilities for three classes', async () => {
    const X: FeatureMatrix = { values: Float64Array.from([0, 0, 0.1, 0.2, 5, 5, 5.2, 4.9, -5, 5, -4.8, 5.1]), rows: 6, cols: 2, featureNames: ['a', 'b'] };
    const y: Target = { values: Float64Array.from([0, 0, 1, 1, 2, 2]), classes: ['r', 'g', 'b'] };
    const model = await neuralNetworkFamily.fit(X, y, { ...small, epochs: 100, class_weight: 'balanced', optimizer: 'rmsprop', learning_rate: 0.02 }, { seed: 2 });
    expect(Array.from(model.predict(X))).toEqual([0, 0, 1, 1, 2, 2]);
    expect(model.predictProba!(X).length).toBe(18);
  });

  it('stops early on the validation loss and keeps the best epoch', async () => {
    // Validation labels are the opposite of training ones: the validation loss only rises, so epoch 1 is best.
    const flipped = { X: blobs.X, y: { ...blobs.y, values: blobs.y.values.map((v) => 1 - v) } };
    const model = await neuralNetworkFamily.fit(blobs.X, blobs.y, { ...small, epochs: 50, patience: 3 }, { seed: 3, validation: flipped });
    expect([model.info.epochsRun, model.info.bestEpoch]).toEqual([4, 1]);
  });

  it('names the column holding a missing value, and the learning rate when the loss becomes NaN with no weights to keep', async () => {
    const withNaN = { ...blobs.X, values: Float64Array.from(blobs.X.values, (v, i) => (i === 5 ? NaN : v)) };
    await expect(neuralNetworkFamily.fit(withNaN, blobs.y, small, { seed: 1 })).rejects.toThrow('feature "b" has one (row 3)');
    const before = tf.memory().numTensors;
    await expect(neuralNetworkFamily.fit(line.X, line.y, { ...small, units: 64, optimizer: 'sgd', learning_rate: 1 }, { seed: 1 })).rejects.toThrow(
      'The loss became NaN at epoch 9: the learning rate (1) is probably too high — try 0.1.',
    );
    expect(tf.memory().numTensors).toBe(before);
  });

  it('warns instead: diverged (NaN after the best epoch, whose weights it keeps) and not converged (epoch cap while the loss fell)', async () => {
    const diverged = await neuralNetworkFamily.fit(line.X, line.y, { ...small, units: 64, optimizer: 'sgd', learning_rate: 1, patience: 20 }, { seed: 1 });
    const capped = await neuralNetworkFamily.fit(blobs.X, blobs.y, { ...small, epochs: 3, learning_rate: 0.01 }, { seed: 1 });
    expect([diverged.warnings, [diverged.info.epochsRun, diverged.info.bestEpoch], capped.warnings?.map((w) => w.code)]).toEqual([
      [{ code: 'diverged', message: 'The loss became NaN or infinite at epoch 9: the learning rate (1) is probably too high — try 0.1; the weights of epoch 1 (lowest training loss) were kept.' }],
      [9, 1],
      ['not-converged'],
    ]);
    expect(diverged.predict(line.X).every(Number.isFinite)).toBe(true);
  });

  it('standardises features with training statistics; a model stored before that (no inputScaling) predicts from raw features as it did', () => {
    // 1 input → 2 relu units → 1 linear output; target scaling mean 10, std 2. x = 3: hidden [3, 0] → 6.5 → 23.
    const state = { topology: { inputs: 1, hidden: [2], activation: 'relu', outputs: 1, output: 'linear' }, kernels: [[1, -1], [2, 3]], biases: [[0, 0], [0.5]], targetScaling: { mean: 10, std: 2 }, epochsRun: 1, bestEpoch: 1 };
    const stored = { formatVersion: 1 as const, kind: 'neural_network', task: 'regression' as const, params: {}, featureNames: ['x'], state };
    const X = { values: Float64Array.from([3, -1]), rows: 2, cols: 1, featureNames: ['x'] };
    const old = neuralNetworkFamily.fromJSON(stored);
    // With inputScaling mean 1, std 2: x = 3 → 1 → hidden [1, 0] → 2.5 → 15; x = −1 → −1 → [0, 1] → 3.5 → 17.
    const scaled = neuralNetworkFamily.fromJSON({ ...stored, state: { ...state, inputScaling: { mean: [1], std: [2] } } });
    expect([Array.from(old.predict(X)), Array.from(scaled.predict(X))]).toEqual([[23, 17], [15, 17]]);
  });

  it('cancels on abort and ends on a stop request, without leaking tensors', async () => {
    const before = tf.memory().numTensors;
    const controller = new AbortController();
    controller.abort();
    await expect(neuralNetworkFamily.fit(blobs.X, blobs.y, small, { seed: 1, signal: controller.signal })).rejects.toThrow('cancelled');
    const stopped = await neuralNetworkFamily.fit(blobs.X, blobs.y, { ...small, batch_size: 8 }, { seed: 1, shouldStop: () => true });
    expect(stopped.info.epochsRun).toBe(1);
    expect(tf.memory().numTensors).toBe(before);
  });
});
