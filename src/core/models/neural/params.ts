// The neural network's hyperparameter schema (drives the Train form and the tuning space) and its typed,
// validated form for the training loop.

import { AUTO, type FamilyInfo, type HyperparameterSpec, type Hyperparameters } from '../types';
import { readParams } from '../read-params';

export const NEURAL_KIND = 'neural_network';

export const ACTIVATIONS = ['relu', 'tanh', 'sigmoid', 'elu'] as const;
export const OPTIMIZERS = ['adam', 'sgd', 'rmsprop'] as const;

/** The schema: hidden layers × units, activation, dropout, optimiser, learning rate, batches, epochs, early stopping. */
export const NEURAL_PARAMS: readonly HyperparameterSpec[] = [
  { kind: 'int', name: 'layers', label: 'Hidden layers', min: 1, max: 4, default: 2, tune: { min: 1, max: 3, lowCost: 1 } },
  { kind: 'int', name: 'units', label: 'Units per hidden layer', min: 4, max: 512, default: 64, log: true, tune: { min: 16, max: 256, log: true, lowCost: 16 } },
  { kind: 'choice', name: 'activation', label: 'Activation', options: ACTIVATIONS, default: 'relu' },
  { kind: 'float', name: 'dropout', label: 'Dropout rate', min: 0, max: 0.8, default: 0, help: 'Share of hidden units dropped at random in each training step', tune: { min: 0, max: 0.5 } },
  { kind: 'choice', name: 'optimizer', label: 'Optimiser', options: OPTIMIZERS, default: 'adam' },
  { kind: 'float', name: 'learning_rate', label: 'Learning rate', min: 1e-5, max: 1, default: 1e-3, log: true, tune: { min: 1e-4, max: 1e-1, log: true } },
  { kind: 'int', name: 'batch_size', label: 'Batch size', min: 8, max: 4096, default: AUTO, log: true, help: 'auto: a tenth of the training rows, kept within 16–256' },
  { kind: 'int', name: 'epochs', label: 'Epochs', min: 1, max: 1000, default: AUTO, help: 'The most epochs; auto: enough for 3,000 optimiser steps, kept within 10–500 epochs — early stopping usually ends sooner' },
  { kind: 'int', name: 'patience', label: 'Early-stopping patience (epochs)', min: 0, max: 1000, default: 10, help: '0 = off; watches the validation loss (the training loss without validation rows) and keeps the best weights' },
  { kind: 'choice', name: 'class_weight', label: 'Class weights', options: ['none', 'balanced'], default: 'none', help: 'balanced: each class weighs rows / (classes × its rows), as sklearn' },
  { kind: 'int', name: 'seed', label: 'Seed', min: 0, max: 2 ** 31 - 1, default: 0, help: 'Added to the run seed: initial weights, shuffling, dropout' },
];

/** The family's metadata without its fit code: the UI lists it without loading TensorFlow.js. */
export const NEURAL_INFO: FamilyInfo = {
  kind: NEURAL_KIND,
  label: 'Neural network (MLP)',
  group: 'neural',
  tasks: ['binary', 'multiclass', 'regression'],
  params: NEURAL_PARAMS,
  needs: () => ({ acceptsMissing: false, categorical: 'one_hot', scaled: true }),
  capabilities: { budgetParam: 'epochs' },
};

export type Activation = (typeof ACTIVATIONS)[number];
export type OptimizerName = (typeof OPTIMIZERS)[number];

/** Validated hyperparameters with their types (learning rate per step, sizes in rows / units). */
export interface NeuralParams {
  layers: number;
  units: number;
  activation: Activation;
  dropout: number;
  optimizer: OptimizerName;
  learningRate: number;
  /** Rows per optimiser step, or 'auto' (planSchedule picks it from the training rows). */
  batchSize: number | typeof AUTO;
  /** The most epochs, or 'auto' (planSchedule picks it from the training rows and the batch size). */
  epochs: number | typeof AUTO;
  patience: number;
  classWeight: 'none' | 'balanced';
  seed: number;
}

/** NeuralParams with the schedule decided: numbers only, as the training loop runs them. */
export type ScheduledParams = Omit<NeuralParams, 'batchSize' | 'epochs'> & { batchSize: number; epochs: number };

/** `params` completed with defaults and checked (ModelSpecError on a bad value); the raw form is kept for toJSON. */
export function readNeuralParams(params: Hyperparameters): { raw: Hyperparameters; typed: NeuralParams } {
  const raw = readParams(NEURAL_KIND, NEURAL_PARAMS, params);
  const typed: NeuralParams = {
    layers: raw.layers as number,
    units: raw.units as number,
    activation: raw.activation as Activation,
    dropout: raw.dropout as number,
    optimizer: raw.optimizer as OptimizerName,
    learningRate: raw.learning_rate as number,
    batchSize: raw.batch_size as number | typeof AUTO,
    epochs: raw.epochs as number | typeof AUTO,
    patience: raw.patience as number,
    classWeight: raw.class_weight as 'none' | 'balanced',
    seed: raw.seed as number,
  };
  return { raw, typed };
}
