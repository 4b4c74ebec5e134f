// The 'neural_network' family: a multilayer perceptron trained by the lean loop (train-loop.ts: a WebAssembly SIMD
// kernel when the worker's tfjs backend is wasm or cpu, tfjs tensors on a GPU) and predicted with TensorFlow.js,
// for binary (sigmoid), multiclass (softmax) and regression (linear output, MSE on a standardised target), on
// standardised features. A fitted model keeps its weights as plain Float32Arrays, so it holds no tensors and needs
// no dispose. Batch size and epochs default to a plan from the training rows; the fit warns when the loss diverged
// or was still falling at the epoch cap.

import * as tf from '@tensorflow/tfjs';
import { createRandom } from '../../random/prng';
import { assertFeatureCount, assertNoMissing, assertTarget, argmaxRows, assertTaskSupported, throwIfAborted } from '../classic/fit-input';
import { inferTask } from '../read-params';
import type { FeatureMatrix, FittedModel, Hyperparameters, ModelFamily, ModelWarning, SerializedModel, Task } from '../types';
import { diagnoseTraining } from './diagnose-training';
import { computeLogits, createConstants, initialiseWeights, type NetworkTopology, type NetworkWeights } from './network';
import { NEURAL_INFO, NEURAL_KIND, readNeuralParams, type ScheduledParams } from './params';
import { planSchedule } from './plan-schedule';
import { measureInputScaling, measureTargetScaling, prepareRows, scaleInputs, type InputScaling, type TargetScaling } from './prepare-rows';
import { runTrainingLoop } from './train-loop';

/** The learned state in JSON: topology, weights as plain numbers (float32 values, exact through JSON), target scaling. */
export interface NeuralState {
  topology: NetworkTopology;
  kernels: number[][];
  biases: number[][];
  targetScaling: TargetScaling;
  /** Feature standardisation learned on the training rows; absent in models stored before it existed (raw features). */
  inputScaling?: InputScaling;
  epochsRun: number;
  bestEpoch: number;
  /** The batch size and epoch cap the fit ran with (absent in older models). */
  batchSize?: number;
  epochs?: number;
}

const PREDICT_BATCH = 4096;

/** The network's outputs after the link (probability of class 1, class probabilities, or standardised values), row-major. */
function computeOutputs(topology: NetworkTopology, weights: NetworkWeights, X: FeatureMatrix, inputScaling: InputScaling | undefined): Float32Array {
  const out = new Float32Array(X.rows * topology.outputs);
  const x32 = scaleInputs(X, inputScaling);
  tf.tidy(() => {
    const net = createConstants(topology, weights);
    for (let start = 0; start < X.rows; start += PREDICT_BATCH) {
      const size = Math.min(PREDICT_BATCH, X.rows - start);
      const values = tf.tidy(() => {
        const logits = computeLogits(tf.tensor2d(x32.subarray(start * X.cols, (start + size) * X.cols), [size, X.cols]), net, topology.activation);
        const linked = topology.output === 'softmax' ? tf.softmax(logits) : topology.output === 'sigmoid' ? tf.sigmoid(logits) : logits;
        return linked.dataSync();
      });
      out.set(values, start * topology.outputs);
    }
  });
  return out;
}

function createNeuralModel(task: Task, params: Hyperparameters, featureNames: string[], classes: string[], state: NeuralState, warnings: ModelWarning[] = []): FittedModel {
  const weights: NetworkWeights = { kernels: state.kernels.map((k) => Float32Array.from(k)), biases: state.biases.map((b) => Float32Array.from(b)) };
  const { topology, targetScaling, inputScaling } = state;
  const predictProba = (X: FeatureMatrix): Float64Array => {
    assertFeatureCount(NEURAL_KIND, X, featureNames);
    const outputs = computeOutputs(topology, weights, X, inputScaling);
    if (topology.output === 'softmax') return Float64Array.from(outputs);
    return Float64Array.from({ length: X.rows * 2 }, (_, i) => (i % 2 === 1 ? outputs[i >> 1] : 1 - outputs[i >> 1]));
  };
  const parameterCount = weights.kernels.reduce((s, k) => s + k.length, 0) + weights.biases.reduce((s, b) => s + b.length, 0);
  const model: FittedModel = {
    kind: NEURAL_KIND,
    task,
    info: {
      epochsRun: state.epochsRun, bestEpoch: state.bestEpoch, parameterCount, layerSizes: [topology.inputs, ...topology.hidden, topology.outputs],
      ...(state.batchSize !== undefined ? { batchSize: state.batchSize, epochs: state.epochs } : {}),
    },
    warnings,
    predict(X) {
      if (task === 'regression') {
        assertFeatureCount(NEURAL_KIND, X, featureNames);
        return Float64Array.from(computeOutputs(topology, weights, X, inputScaling), (v) => v * targetScaling.std + targetScaling.mean);
      }
      const proba = predictProba(X);
      const k = classes.length;
      return argmaxRows(proba, X.rows, k);
    },
    toJSON: (): SerializedModel => ({ formatVersion: 1, kind: NEURAL_KIND, task, params, featureNames, ...(task === 'regression' ? {} : { classes }), state }),
  };
  return task === 'regression' ? model : { ...model, predictProba };
}

/** The network's shape: `inputs` features, hidden layers × units, a sigmoid / softmax / linear output (streamed fits share it). */
export function describeTopology(task: Task, inputs: number, classCount: number, params: ScheduledParams): NetworkTopology {
  const hidden = Array.from({ length: params.layers }, () => params.units);
  if (task === 'multiclass') return { inputs, hidden, activation: params.activation, outputs: classCount, output: 'softmax' };
  return { inputs, hidden, activation: params.activation, outputs: 1, output: task === 'binary' ? 'sigmoid' : 'linear' };
}

/** Multilayer perceptron (TensorFlow.js): Glorot init from the seed, seeded shuffles, lean mini-batch loop. */
export const neuralNetworkFamily: ModelFamily = {
  ...NEURAL_INFO,
  async fit(X, y, rawParams, ctx) {
    const { raw, typed: unscheduled } = readNeuralParams(rawParams);
    const task = inferTask(y);
    assertTaskSupported(NEURAL_KIND, this.tasks, task);
    assertTarget(NEURAL_KIND, X, y);
    assertNoMissing(NEURAL_KIND, X);
    if (ctx.validation) {
      assertFeatureCount(NEURAL_KIND, ctx.validation.X, X.featureNames);
      assertNoMissing(NEURAL_KIND, ctx.validation.X);
    }
    throwIfAborted(ctx);
    const classes = [...(y.classes ?? [])];
    const typed = planSchedule(unscheduled, X.rows);
    const random = createRandom((ctx.seed + typed.seed) >>> 0);
    const topology = describeTopology(task, X.cols, classes.length, typed);
    const initial = initialiseWeights(topology, random);
    const scaling = { target: measureTargetScaling(task, y), inputs: measureInputScaling(X) };
    const train = prepareRows(task, X, y, scaling, { sampleWeights: ctx.sampleWeights, balanced: typed.classWeight === 'balanced' });
    const validation = ctx.validation ? prepareRows(task, ctx.validation.X, ctx.validation.y, scaling) : undefined;
    const result = await runTrainingLoop(topology, initial, train, validation, { params: typed, random, ctx, lossScale: scaling.target.std ** 2 });
    const state: NeuralState = {
      topology,
      kernels: result.weights.kernels.map((k) => Array.from(k)),
      biases: result.weights.biases.map((b) => Array.from(b)),
      targetScaling: scaling.target,
      inputScaling: scaling.inputs,
      epochsRun: result.epochsRun,
      bestEpoch: result.bestEpoch,
      batchSize: typed.batchSize,
      epochs: typed.epochs,
    };
    const warnings = diagnoseTraining(result, typed, validation ? 'validation' : 'training');
    return createNeuralModel(task, raw, [...X.featureNames], classes, state, warnings);
  },
  fromJSON: (json) => createNeuralModel(json.task, json.params, json.featureNames, json.classes ?? [], json.state as NeuralState),
};
