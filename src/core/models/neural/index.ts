// The neural model family (TensorFlow.js), for the model registry.

export { neuralNetworkFamily, type NeuralState } from './neural-network';
export { NEURAL_INFO, NEURAL_KIND, NEURAL_PARAMS } from './params';
