// Neural bench worker: trains the MLP 10→64→64→2 on one backend, with tfjs' model.fit (the reference), the
// studio's lean loop (neuralNetworkFamily.fit), or that loop forced onto the tfjs engine (its steps before the
// kernel engine), and reports time and held-out accuracy.
import * as tf from '@tensorflow/tfjs';
import { neuralNetworkFamily, type NeuralState } from '../../src/core/models/neural';
import { initialiseWeights, type NetworkTopology } from '../../src/core/models/neural/network';
import { readNeuralParams } from '../../src/core/models/neural/params';
import { planSchedule } from '../../src/core/models/neural/plan-schedule';
import { measureInputScaling, measureTargetScaling, prepareRows } from '../../src/core/models/neural/prepare-rows';
import { runTrainingLoop } from '../../src/core/models/neural/train-loop';
import { createRandom } from '../../src/core/random/prng';
import type { FeatureMatrix } from '../../src/core/models/types';
import { selectTfBackend } from '../../src/workers/tf-backend'; // also sets the WASM paths
import type { TrainMessage, TrainRequest } from './messages';

const post = (message: TrainMessage): void => postMessage(message);

async function activate(backend: TrainRequest['backend']): Promise<string | undefined> {
  if (backend === 'auto') {
    const start = performance.now();
    const choice = await selectTfBackend('auto');
    const perBackend = choice.probes.map((p) => `${p.backend} ${p.probeMs ?? '?'} ms`).join(', ');
    post({ kind: 'probe', backend: choice.backend, reason: `${choice.reason} [probe wall time: ${perBackend}]`, probeMs: performance.now() - start });
    return undefined;
  }
  if (backend === 'webgpu') {
    const gpu = (navigator as Navigator & { gpu?: { requestAdapter(): Promise<{ isFallbackAdapter?: boolean; info?: { isFallbackAdapter?: boolean; description?: string } } | null> } }).gpu;
    const adapter = await gpu?.requestAdapter();
    if (!adapter) return 'no WebGPU adapter';
    const software = adapter.isFallbackAdapter === true || adapter.info?.isFallbackAdapter === true;
    post({ kind: 'note', note: `${software ? 'software fallback adapter' : 'adapter'} ${adapter.info?.description ?? ''}`.trim() });
  }
  const ok = await tf.setBackend(backend).catch(() => false);
  return ok && tf.getBackend() === backend ? undefined : `tfjs could not start ${backend} (got ${tf.getBackend()})`;
}

function computeAccuracy(predicted: ArrayLike<number>, y: Float32Array, from: number): number {
  let hits = 0;
  for (let i = 0; i < predicted.length; i++) hits += predicted[i] === y[from + i] ? 1 : 0;
  return hits / predicted.length;
}

async function trainWithFit(req: TrainRequest): Promise<number> {
  const model = tf.sequential({
    layers: [
      tf.layers.dense({ inputShape: [req.cols], units: 64, activation: 'relu' }),
      tf.layers.dense({ units: 64, activation: 'relu' }),
      tf.layers.dense({ units: 2, activation: 'softmax' }),
    ],
  });
  model.compile({ optimizer: tf.train.adam(1e-3), loss: 'categoricalCrossentropy' });
  const x = tf.tensor2d(req.x.subarray(0, req.trainRows * req.cols), [req.trainRows, req.cols]);
  const y = tf.tidy(() => tf.oneHot(tf.tensor1d(Int32Array.from(req.y.subarray(0, req.trainRows)), 'int32'), 2).toFloat());
  const start = performance.now();
  await model.fit(x, y, { batchSize: req.batchSize, epochs: req.epochs, shuffle: true, verbose: 0,
    callbacks: { onEpochEnd: (epoch) => post({ kind: 'epoch', epoch: epoch + 1, elapsedMs: performance.now() - start }) } });
  const testRows = req.y.length - req.trainRows;
  const predicted = tf.tidy(() => (model.predict(tf.tensor2d(req.x.subarray(req.trainRows * req.cols), [testRows, req.cols])) as tf.Tensor).argMax(1).dataSync());
  const trainMs = performance.now() - start;
  tf.dispose([x, y]);
  model.dispose();
  post({ kind: 'done', backend: tf.getBackend(), trainMs, accuracy: computeAccuracy(predicted, req.y, req.trainRows), msPerStep: trainMs / (req.epochs * Math.ceil(req.trainRows / req.batchSize)) });
  return trainMs;
}

const FEATURE_NAMES = (cols: number): string[] => Array.from({ length: cols }, (_, i) => `x${i}`);
const matrixOf = (req: TrainRequest, from: number, to: number): FeatureMatrix => ({ values: Float64Array.from(req.x.subarray(from * req.cols, to * req.cols)), rows: to - from, cols: req.cols, featureNames: FEATURE_NAMES(req.cols) });
const leanParams = (req: TrainRequest) => ({ layers: 2, units: 64, activation: 'relu', learning_rate: 1e-3, batch_size: req.batchSize, epochs: req.epochs, patience: 0 });

/** neuralNetworkFamily.fit's steps (same seed, scaling, shuffles) with the loop's engine forced to tfjs. */
async function fitOnTfjsEngine(req: TrainRequest, X: FeatureMatrix, y: { values: Float64Array; classes: string[] }, onEpoch: (epoch: number) => void) {
  const params = leanParams(req);
  const typed = planSchedule(readNeuralParams(params).typed, X.rows);
  const random = createRandom((1 + typed.seed) >>> 0);
  const topology: NetworkTopology = { inputs: X.cols, hidden: [64, 64], activation: 'relu', outputs: 1, output: 'sigmoid' };
  const initial = initialiseWeights(topology, random);
  const scaling = { target: measureTargetScaling('binary', y), inputs: measureInputScaling(X) };
  const ctx = { seed: 1, onProgress: (p: { iteration: number }) => onEpoch(p.iteration) };
  const result = await runTrainingLoop(topology, initial, prepareRows('binary', X, y, scaling), undefined, { params: typed, random, ctx, lossScale: 1, engine: 'tfjs' });
  const state: NeuralState = { topology, kernels: result.weights.kernels.map((k) => Array.from(k)), biases: result.weights.biases.map((b) => Array.from(b)), targetScaling: scaling.target, inputScaling: scaling.inputs, epochsRun: result.epochsRun, bestEpoch: result.bestEpoch };
  return neuralNetworkFamily.fromJSON({ formatVersion: 1, kind: 'neural_network', task: 'binary', params, featureNames: [...X.featureNames], classes: y.classes, state });
}

async function trainLean(req: TrainRequest): Promise<void> {
  const X = matrixOf(req, 0, req.trainRows);
  const y = { values: Float64Array.from(req.y.subarray(0, req.trainRows)), classes: ['0', '1'] };
  const start = performance.now();
  const onEpoch = (epoch: number): void => post({ kind: 'epoch', epoch, elapsedMs: performance.now() - start });
  const model = req.loop === 'lean-tfjs'
    ? await fitOnTfjsEngine(req, X, y, onEpoch)
    : await neuralNetworkFamily.fit(X, y, leanParams(req), { seed: 1, onProgress: (p) => onEpoch(p.iteration) });
  const predicted = model.predict(matrixOf(req, req.trainRows, req.y.length));
  const trainMs = performance.now() - start;
  post({ kind: 'done', backend: tf.getBackend(), trainMs, accuracy: computeAccuracy(predicted, req.y, req.trainRows), msPerStep: trainMs / (req.epochs * Math.ceil(req.trainRows / req.batchSize)) });
}

onmessage = async (event: MessageEvent<TrainRequest>) => {
  const req = event.data;
  const unavailable = await activate(req.backend);
  if (unavailable) return post({ kind: 'unavailable', backend: req.backend, note: unavailable });
  if (req.loop === 'fit') await trainWithFit(req);
  else await trainLean(req);
};
