// A neural_network run as a TensorFlow.js layers model (tfjs/model.json + tfjs/group1-shard1of1.bin) that
// `tf.loadLayersModel` reads: a Keras Sequential of a BatchNormalization layer holding the studio's input
// standardisation, then Dense layers with the studio's weights; a regression target's scaling is folded into the
// last one. It takes the pipeline's output features and returns what the studio's predictProba / predict give.
// Weights: float32, little-endian, in manifest order.

import { ExportError } from '../../errors';
import type { NeuralState } from '../../models/neural/neural-network';
import type { InputScaling } from '../../models/neural/prepare-rows';
import type { SerializedModel, Task } from '../../models/types';

export const TFJS_WEIGHTS_FILE = 'group1-shard1of1.bin';

/** The studio's activations by their Keras names (all four exist in Keras and tfjs-layers, elu with alpha 1). */
const KERAS_ACTIVATIONS: Readonly<Record<string, string>> = { relu: 'relu', tanh: 'tanh', sigmoid: 'sigmoid', elu: 'elu' };

/** How many feature names the text lists before pointing at the manifest. */
const LISTED_FEATURES = 20;

/** One Keras layer: its modelTopology entry and its weights, in the order the manifest lists them. */
interface KerasLayer {
  topology: { class_name: string; config: Record<string, unknown> };
  weights: { name: string; shape: number[]; values: ArrayLike<number> }[];
}

/** What tfjs/model.json takes and returns, as one paragraph for the README and model card. */
function describeTfjsModel(task: Task, featureNames: readonly string[], classes: readonly string[] | null, standardised: boolean): string {
  const shown = featureNames.slice(0, LISTED_FEATURES).map((n) => `\`${n}\``).join(', ');
  const more = featureNames.length > LISTED_FEATURES ? `, … (${featureNames.length} in all)` : '';
  const input = `tfjs/model.json takes a float32 tensor [N, ${featureNames.length}]: the pipeline's output features in the run's featureNames order (${shown}${more}; manifest.json run.featureNames lists them all), not the raw columns — for raw columns use model.onnx or the pipeline.${standardised ? " Its first layer (BatchNormalization, inference mode) holds the studio's feature standardisation; TensorFlow.js' fit would run it on batch statistics, so freeze or drop it before fine-tuning." : ''}`;
  const quoted = (classes ?? []).map((c) => `\`${c}\``);
  const names = quoted.join(', ');
  if (task === 'binary') return `${input} It returns [N, 2]: the probabilities of ${names} in that order (the second column is the probability of ${quoted[1]}), as the studio's predictProba; the predicted class is the larger column's.`;
  if (task === 'multiclass') return `${input} It returns [N, ${classes?.length ?? 0}]: softmax probabilities of ${names} in that order, as the studio's predictProba; the predicted class is the largest column's.`;
  return `${input} It returns [N, 1]: the predicted target in its own units (the target standardisation is folded into the last layer), as the studio's predict.`;
}

function checkState(model: SerializedModel, featureCount: number, classes: readonly string[] | null): NeuralState {
  if (model.kind !== 'neural_network') throw new ExportError(`TensorFlow.js files are written for neural_network runs only, not "${model.kind}".`);
  const state = model.state as NeuralState;
  const { topology } = state;
  const sizes = [topology.inputs, ...topology.hidden, topology.outputs];
  if (featureCount !== topology.inputs || model.featureNames.length !== featureCount) {
    throw new ExportError(`The network takes ${topology.inputs} features, but ${featureCount} were given and model.json names ${model.featureNames.length}; export the run as it was trained.`);
  }
  if (state.kernels.length !== sizes.length - 1 || state.biases.length !== sizes.length - 1) {
    throw new ExportError(`The network's stored weights have ${state.kernels.length} kernels and ${state.biases.length} biases for ${sizes.length - 1} layers; the model JSON is damaged, train the run again.`);
  }
  state.kernels.forEach((k, l) => {
    if (k.length !== sizes[l] * sizes[l + 1] || state.biases[l].length !== sizes[l + 1]) {
      throw new ExportError(`Layer ${l + 1}'s stored kernel has ${k.length} values and its bias ${state.biases[l].length}; [${sizes[l]} × ${sizes[l + 1]}] and ${sizes[l + 1]} were expected. The model JSON is damaged, train the run again.`);
    }
  });
  const expected = model.task === 'regression' ? 0 : model.task === 'binary' ? 2 : topology.outputs;
  if ((classes?.length ?? 0) !== expected) {
    throw new ExportError(`A ${model.task} network needs ${expected} class labels, but ${classes?.length ?? 0} were given (${JSON.stringify(classes)}); pass the run's classes.`);
  }
  return state;
}

/**
 * (x − m) / s as a BatchNormalization layer in inference mode: (x − moving_mean) / √(moving_variance + 0) + beta.
 * The mean is split into its float32 value and the rest (beta = −rest / s), so x − m loses nothing to float32 even
 * far from zero (a model year of 1976 ± 4); folding m / s into the first Dense layer cost up to 2e-5 there.
 */
function describeStandardisation(inputs: number, scaling: InputScaling): KerasLayer {
  const movingMean = Float32Array.from(scaling.mean);
  const variance = Float32Array.from(scaling.std, (s) => s * s);
  const bad = variance.findIndex((v) => !(v > 0 && Number.isFinite(v)));
  if (bad >= 0) throw new ExportError(`Feature ${bad + 1}'s standard deviation ${scaling.std[bad]} squared does not fit a float32, so TensorFlow.js cannot standardise it; rescale that feature in the pipeline.`);
  const name = 'standardise';
  return {
    topology: {
      class_name: 'BatchNormalization',
      config: {
        axis: -1, momentum: 0.99, epsilon: 0, center: true, scale: false,
        beta_initializer: { class_name: 'Zeros', config: {} }, moving_mean_initializer: { class_name: 'Zeros', config: {} },
        moving_variance_initializer: { class_name: 'Ones', config: {} }, beta_regularizer: null, beta_constraint: null,
        name, trainable: false, batch_input_shape: [null, inputs], dtype: 'float32',
      },
    },
    weights: [
      { name: `${name}/beta`, shape: [inputs], values: scaling.mean.map((m, i) => -(m - movingMean[i]) / scaling.std[i]) },
      { name: `${name}/moving_mean`, shape: [inputs], values: movingMean },
      { name: `${name}/moving_variance`, shape: [inputs], values: variance },
    ],
  };
}

function describeDense(l: number, kernel: ArrayLike<number>, bias: ArrayLike<number>, shape: [number, number], activation: string, first: boolean): KerasLayer {
  const name = `dense_${l + 1}`;
  return {
    topology: {
      class_name: 'Dense',
      config: {
        units: shape[1], activation, use_bias: true,
        kernel_initializer: { class_name: 'VarianceScaling', config: { scale: 1, mode: 'fan_avg', distribution: 'uniform', seed: null } },
        bias_initializer: { class_name: 'Zeros', config: {} },
        kernel_regularizer: null, bias_regularizer: null, activity_regularizer: null, kernel_constraint: null, bias_constraint: null,
        name, trainable: true, ...(first ? { batch_input_shape: [null, shape[0]] } : {}), dtype: 'float32',
      },
    },
    weights: [{ name: `${name}/kernel`, shape, values: kernel }, { name: `${name}/bias`, shape: [shape[1]], values: bias }],
  };
}

/** The Dense layers: the studio's weights, the output link as the last activation, a regression target unscaled. */
function describeDenseLayers(state: NeuralState, activation: string): KerasLayer[] {
  const { topology, targetScaling } = state;
  const sizes = [topology.inputs, ...topology.hidden, topology.outputs];
  const last = state.kernels.length - 1;
  const first = state.inputScaling === undefined;
  return state.kernels.map((kernel, l) => {
    const [inputs, units] = [sizes[l], sizes[l + 1]];
    const bias = state.biases[l];
    if (l < last) return describeDense(l, kernel, bias, [inputs, units], activation, first && l === 0);
    if (topology.output === 'softmax') return describeDense(l, kernel, bias, [inputs, units], 'softmax', first && l === 0);
    if (topology.output === 'linear') {
      const { mean, std } = targetScaling;
      return describeDense(l, kernel.map((w) => w * std), bias.map((b) => b * std + mean), [inputs, units], 'linear', first && l === 0);
    }
    // sigmoid(z) as two columns: softmax([0, z]) = [1 − sigmoid(z), sigmoid(z)], predictProba's layout.
    const pair = new Float64Array(inputs * 2);
    for (let i = 0; i < inputs; i++) pair[i * 2 + 1] = kernel[i];
    return describeDense(l, pair, [0, bias[0]], [inputs, 2], 'softmax', first && l === 0);
  });
}

/**
 * The layers-model artifact of a neural_network run's model JSON for `featureCount` features (the run's
 * featureNames) and its `classes` (null for regression). `notes` holds the text saying what it takes and returns.
 * An ExportError names what is wrong (another family, an activation without a Keras name, mismatched shapes).
 */
export function writeTfjsModel(model: SerializedModel, featureCount: number, classes: readonly string[] | null): { modelJson: string; weights: Uint8Array; notes: string[] } {
  const state = checkState(model, featureCount, classes);
  const activation = KERAS_ACTIVATIONS[state.topology.activation];
  if (activation === undefined) {
    throw new ExportError(`The activation "${state.topology.activation}" has no Keras name, so TensorFlow.js cannot load the network; use one of ${Object.keys(KERAS_ACTIVATIONS).join(', ')}.`);
  }
  const dense = describeDenseLayers(state, activation);
  const layers = state.inputScaling ? [describeStandardisation(state.topology.inputs, state.inputScaling), ...dense] : dense;
  const specs = layers.flatMap((layer) => layer.weights);
  const weights = new Uint8Array(specs.reduce((n, w) => n + w.values.length * 4, 0));
  const view = new DataView(weights.buffer);
  let at = 0;
  for (const w of specs) {
    for (let i = 0; i < w.values.length; i++, at += 4) view.setFloat32(at, w.values[i], true);
  }
  const modelJson = JSON.stringify({
    format: 'layers-model',
    generatedBy: 'ML Studio',
    convertedBy: null,
    modelTopology: { class_name: 'Sequential', config: { name: 'sequential', layers: layers.map((layer) => layer.topology) }, keras_version: 'tfjs-layers 4.22.0', backend: 'tensor_flow.js' },
    weightsManifest: [{ paths: [TFJS_WEIGHTS_FILE], weights: specs.map(({ name, shape }) => ({ name, shape, dtype: 'float32' })) }],
  });
  const notes = [describeTfjsModel(model.task, model.featureNames, classes, state.inputScaling !== undefined)];
  if (!state.inputScaling) notes.push('This network was stored before the studio standardised its inputs: it takes the features unscaled, as the studio did.');
  return { modelJson, weights, notes };
}
