// neural_network: the dense MLP the studio stores — inputs standardised in double and rounded once to float32, then
// float32 MatMul + bias + activation per hidden layer (as TensorFlow.js computes it), the output link (sigmoid,
// softmax or none), back to double; regression undoes the target standardisation in double.

import { ExportError } from '../../../errors';
import type { SerializedModel } from '../../../models/types';
import { toOnnxDataType, type OnnxGraphBuilder } from '../graph-builder';
import { addBinaryProbabilities, addClassifierOutputs, addDoubles, describePrediction, readClasses, type OnnxModelInfo, type OnnxModelOutputs } from './model-outputs';

interface NeuralState {
  topology: { inputs: number; hidden: number[]; activation: string; outputs: number; output: 'sigmoid' | 'softmax' | 'linear' };
  kernels: number[][];
  biases: number[][];
  targetScaling: { mean: number; std: number };
  inputScaling?: { mean: number[]; std: number[] };
}

const ACTIVATIONS: Record<string, string> = { relu: 'Relu', tanh: 'Tanh', sigmoid: 'Sigmoid', elu: 'Elu' };

/** neural_network (binary, multiclass, regression). */
export function addNeuralNetworkModel(builder: OnnxGraphBuilder, model: SerializedModel, features: string, info: OnnxModelInfo): OnnxModelOutputs {
  const { topology, kernels, biases, targetScaling, inputScaling } = model.state as NeuralState;
  const activation = ACTIVATIONS[topology.activation];
  if (!activation) throw new ExportError(`The neural_network run uses the activation "${topology.activation}", which has no ONNX form here; use relu, tanh, sigmoid or elu.`);
  let scaled = features;
  if (inputScaling) {
    const [centred] = builder.node('Sub', [features, addDoubles(builder, 'input_means', [1, topology.inputs], inputScaling.mean)], ['inputs_centred']);
    scaled = builder.node('Div', [centred, addDoubles(builder, 'input_stds', [1, topology.inputs], inputScaling.std)], ['inputs_scaled'])[0];
  }
  let h = builder.node('Cast', [scaled], ['inputs_float'], { to: { i: toOnnxDataType('float') } })[0];
  const sizes = [topology.inputs, ...topology.hidden, topology.outputs];
  for (let l = 0; l < kernels.length; l++) {
    const kernel = builder.constant(`kernel_${l}`, { type: 'float', dims: [sizes[l], sizes[l + 1]], values: kernels[l] });
    const bias = builder.constant(`bias_${l}`, { type: 'float', dims: [1, sizes[l + 1]], values: biases[l] });
    const [product] = builder.node('MatMul', [h, kernel], [`layer_${l}_product`]);
    [h] = builder.node('Add', [product, bias], [`layer_${l}_linear`]);
    if (l < kernels.length - 1) [h] = builder.node(activation, [h], [`layer_${l}_activated`]);
  }
  if (topology.output === 'linear') {
    const [value] = builder.node('Cast', [h], ['standardised_prediction'], { to: { i: toOnnxDataType('double') } });
    const [stretched] = builder.node('Mul', [value, addDoubles(builder, 'target_std', [1, 1], [targetScaling.std])], ['prediction_scaled']);
    return describePrediction(builder.node('Add', [stretched, addDoubles(builder, 'target_mean', [1, 1], [targetScaling.mean])], ['prediction'])[0]);
  }
  const classes = readClasses(model.kind, info);
  const [linked] = topology.output === 'softmax' ? builder.node('Softmax', [h], ['softmax_float'], { axis: { i: 1 } }) : builder.node('Sigmoid', [h], ['sigmoid_float']);
  const [probability] = builder.node('Cast', [linked], [topology.output === 'softmax' ? 'probabilities' : 'positive_proba'], { to: { i: toOnnxDataType('double') } });
  return addClassifierOutputs(builder, topology.output === 'softmax' ? probability : addBinaryProbabilities(builder, probability), classes);
}
