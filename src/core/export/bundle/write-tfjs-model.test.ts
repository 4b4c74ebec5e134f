// The TensorFlow.js artifact of a trained network, loaded back with tf.loadLayersModel, gives the studio's own
// outputs (predictProba for classifiers, predict for regression) within 1e-5 (relative above 1) on fixture rows
// in raw units (body mass in grams, model year ~1976), so the folded standardisation matters.

import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import { beforeAll, describe, expect, it } from 'vitest';
import { neuralNetworkFamily } from '../../models/neural/neural-network';
import { readFixture, selectFixture, type TreeFixture } from '../../models/trees/fixtures/read-fixture';
import type { FeatureMatrix, FittedModel, Hyperparameters, SerializedModel } from '../../models/types';
import { writeTfjsModel } from './write-tfjs-model';

beforeAll(async () => {
  await tf.setBackend('wasm');
});

/** Loads the artifact as a page would, from its model.json and weight bytes. */
async function loadArtifact(artifact: { modelJson: string; weights: Uint8Array }): Promise<tf.LayersModel> {
  const json = JSON.parse(artifact.modelJson) as { modelTopology: object; weightsManifest: { paths: string[]; weights: tf.io.WeightsManifestEntry[] }[] };
  const weightData = artifact.weights.slice().buffer;
  return tf.loadLayersModel(tf.io.fromMemory({ modelTopology: json.modelTopology, weightSpecs: json.weightsManifest[0].weights, weightData }));
}

async function predictWithTfjs(model: SerializedModel, X: FeatureMatrix): Promise<{ values: Float32Array; shape: number[] }> {
  const loaded = await loadArtifact(writeTfjsModel(model, X.cols, model.classes ?? null));
  const output = tf.tidy(() => loaded.predict(tf.tensor2d(Float32Array.from(X.values), [X.rows, X.cols])) as tf.Tensor);
  const result = { values: output.dataSync() as Float32Array, shape: output.shape };
  output.dispose();
  loaded.dispose();
  return result;
}

/** Largest difference, relative where the studio's value is above 1 in magnitude. */
function measureLargestError(ours: ArrayLike<number>, studio: ArrayLike<number>): number {
  let largest = 0;
  for (let i = 0; i < studio.length; i++) largest = Math.max(largest, Math.abs(ours[i] - studio[i]) / Math.max(1, Math.abs(studio[i])));
  return ours.length === studio.length ? largest : Infinity;
}

/** The fixture's rows of `part` that have every feature (the network takes no missing values). */
function selectCompleteRows(fx: TreeFixture, part: 'train' | 'test'): ReturnType<typeof selectFixture> {
  return selectFixture(fx, fx[part].filter((row) => fx.X.slice(row * fx.cols, (row + 1) * fx.cols).every((v) => v !== null)));
}

async function fitFixture(name: string, params: Hyperparameters): Promise<{ studio: FittedModel; json: SerializedModel; X: FeatureMatrix }> {
  const fx = readFixture(name);
  const [train, test] = [selectCompleteRows(fx, 'train'), selectCompleteRows(fx, 'test')];
  const studio = await neuralNetworkFamily.fit(train.X, train.y, { patience: 0, ...params }, { seed: 5 });
  return { studio, json: JSON.parse(JSON.stringify(studio.toJSON())) as SerializedModel, X: test.X };
}

describe('writeTfjsModel', () => {
  it.each([['relu'], ['tanh'], ['sigmoid'], ['elu']])('multiclass (penguins), %s: softmax probabilities as predictProba', async (activation) => {
    const before = tf.memory().numTensors;
    const { studio, json, X } = await fitFixture('penguins-complete', { layers: 2, units: 16, epochs: 15, activation });
    const tfjs = await predictWithTfjs(json, X);
    expect({ shape: tfjs.shape, error: measureLargestError(tfjs.values, studio.predictProba!(X)) <= 1e-5 }).toEqual({ shape: [X.rows, 3], error: true });
    expect(tf.memory().numTensors).toBe(before);
  }, 60_000);

  it('binary (breast cancer): two columns, the probabilities of classes[0] and classes[1] as predictProba', async () => {
    const { studio, json, X } = await fitFixture('breast-cancer', { layers: 1, units: 16, epochs: 15 });
    const tfjs = await predictWithTfjs(json, X);
    expect({ shape: tfjs.shape, error: measureLargestError(tfjs.values, studio.predictProba!(X)) <= 1e-5 }).toEqual({ shape: [X.rows, 2], error: true });
    const { notes } = writeTfjsModel(json, X.cols, json.classes ?? null);
    expect(notes[0]).toContain(`It returns [N, 2]: the probabilities of \`${json.classes?.[0]}\`, \`${json.classes?.[1]}\` in that order (the second column is the probability of \`${json.classes?.[1]}\`)`);
    expect(notes[0]).toContain(`takes a float32 tensor [N, ${X.cols}]: the pipeline's output features in the run's featureNames order (\`${json.featureNames[0]}\`,`);
  }, 60_000);

  it('regression (cars), elu: the target in its own units as predict, also for a model stored without input scaling', async () => {
    const { studio, json, X } = await fitFixture('cars', { layers: 2, units: 16, epochs: 20, activation: 'elu' });
    const tfjs = await predictWithTfjs(json, X);
    expect({ shape: tfjs.shape, error: measureLargestError(tfjs.values, studio.predict(X)) <= 1e-5 }).toEqual({ shape: [X.rows, 1], error: true });
    const { inputScaling: _scaling, ...unscaled } = json.state as Record<string, unknown>;
    const older = { ...json, state: unscaled };
    const olderTfjs = await predictWithTfjs(older, X);
    expect(measureLargestError(olderTfjs.values, neuralNetworkFamily.fromJSON(older).predict(X))).toBeLessThanOrEqual(1e-5);
    expect(writeTfjsModel(older, X.cols, null).notes[1]).toMatch(/stored before the studio standardised its inputs/);
  }, 60_000);

  it('writes a layers-model manifest and float32 little-endian weights in manifest order', async () => {
    const { json, X } = await fitFixture('penguins-complete', { layers: 1, units: 4, epochs: 1 });
    const { modelJson, weights } = writeTfjsModel(json, X.cols, json.classes ?? null);
    const parsed = JSON.parse(modelJson);
    const f32 = (name: string, shape: number[]) => ({ name, shape, dtype: 'float32' });
    expect([parsed.format, parsed.modelTopology.class_name, parsed.weightsManifest]).toEqual(['layers-model', 'Sequential', [{
      paths: ['group1-shard1of1.bin'],
      weights: [
        f32('standardise/beta', [X.cols]), f32('standardise/moving_mean', [X.cols]), f32('standardise/moving_variance', [X.cols]),
        f32('dense_1/kernel', [X.cols, 4]), f32('dense_1/bias', [4]), f32('dense_2/kernel', [4, 3]), f32('dense_2/bias', [3]),
      ],
    }]]);
    expect(parsed.modelTopology.config.layers.map((l: { class_name: string; config: { activation?: string } }) => `${l.class_name} ${l.config.activation ?? ''}`))
      .toEqual(['BatchNormalization ', 'Dense relu', 'Dense softmax']);
    expect(weights.length).toBe(4 * (3 * X.cols + X.cols * 4 + 4 + 4 * 3 + 3));
    const view = new DataView(weights.buffer, weights.byteOffset, weights.byteLength);
    const readFloats = (at: number, count: number) => Array.from({ length: count }, (_, i) => view.getFloat32(4 * (at + i), true));
    const state = json.state as { kernels: number[][]; biases: number[][]; inputScaling: { mean: number[]; std: number[] } };
    expect(readFloats(X.cols, X.cols)).toEqual(state.inputScaling.mean.map((m) => Math.fround(m)));
    expect(readFloats(3 * X.cols, 4 * X.cols)).toEqual(state.kernels[0]);
    expect(readFloats(weights.length / 4 - 3, 3)).toEqual(state.biases[1]);
  }, 60_000);

  it('refuses another family, a wrong feature count, missing classes and an activation without a Keras name', async () => {
    const { json, X } = await fitFixture('penguins-complete', { layers: 1, units: 4, epochs: 1 });
    const classes = json.classes ?? null;
    expect(() => writeTfjsModel({ ...json, kind: 'knn' }, X.cols, classes)).toThrow('TensorFlow.js files are written for neural_network runs only, not "knn".');
    expect(() => writeTfjsModel(json, X.cols + 1, classes)).toThrow(`The network takes ${X.cols} features, but ${X.cols + 1} were given`);
    expect(() => writeTfjsModel(json, X.cols, null)).toThrow('A multiclass network needs 3 class labels, but 0 were given (null)');
    const state = json.state as { topology: object };
    const swish = { ...json, state: { ...state, topology: { ...state.topology, activation: 'swish' } } };
    expect(() => writeTfjsModel(swish, X.cols, classes)).toThrow('The activation "swish" has no Keras name, so TensorFlow.js cannot load the network; use one of relu, tanh, sigmoid, elu.');
  }, 60_000);
});
