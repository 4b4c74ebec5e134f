import { describe, expect, it } from 'vitest';
import { diagnoseTraining } from './diagnose-training';
import { readNeuralParams } from './params';

const params = { ...readNeuralParams({}).typed, batchSize: 16, epochs: 10 };
const falling = [1, 0.9, 0.8, 0.7, 0.6, 0.5, 0.4, 0.3, 0.2, 0.1];

describe('diagnoseTraining', () => {
  it('not converged: the cap was hit while the loss still fell by more than 2 % of its whole fall', () => {
    expect(diagnoseTraining({ trainLosses: falling, monitoredLosses: falling, end: 'cap', bestEpoch: 10 }, params, 'validation')).toEqual([{
      code: 'not-converged',
      message: 'Training hit the epoch cap (10 epochs) while the validation loss was still falling (down 0.1 over the last epoch, 11.1 % of its fall since epoch 1): '
        + 'raise Epochs (or set it to auto) or the learning rate (0.001).',
    }]);
  });

  it('converged: a creeping loss, a flat one, or a run ended by early stopping or a stop request', () => {
    const creeping = [0.8, 0.3, 0.1, 0.05, 0.03, 0.02, 0.015, 0.012, 0.011, 0.0105];
    const flat = [1, 0.5, 0.4, 0.4, 0.4, 0.4, 0.4, 0.4, 0.4, 0.4];
    expect([
      diagnoseTraining({ trainLosses: creeping, monitoredLosses: creeping, end: 'cap', bestEpoch: 10 }, params, 'training'),
      diagnoseTraining({ trainLosses: flat, monitoredLosses: flat, end: 'cap', bestEpoch: 3 }, params, 'training'),
      diagnoseTraining({ trainLosses: falling, monitoredLosses: falling, end: 'patience', bestEpoch: 10 }, params, 'training'),
      diagnoseTraining({ trainLosses: falling, monitoredLosses: falling, end: 'request', bestEpoch: 10 }, params, 'training'),
    ]).toEqual([[], [], [], []]);
  });

  it('diverged: a loss ten times its lowest, or a NaN after which the best weights were kept', () => {
    const exploding = [2.2, 3.1, 3.9, 8.9, 1800, 2.4e6];
    expect([
      diagnoseTraining({ trainLosses: exploding, monitoredLosses: exploding, end: 'patience', bestEpoch: 1 }, { ...params, learningRate: 1, patience: 5 }, 'training'),
      diagnoseTraining({ trainLosses: exploding, monitoredLosses: exploding, end: 'cap', bestEpoch: 6 }, { ...params, learningRate: 1, patience: 0 }, 'training'),
      diagnoseTraining({ trainLosses: [2.2, 3.1], monitoredLosses: [1.9, 2.5], end: 'non-finite', bestEpoch: 1 }, { ...params, learningRate: 0.5 }, 'validation'),
    ]).toEqual([
      [{ code: 'diverged', message: 'The training loss exploded from 2.2 (epoch 1) to 2400000 (epoch 6): the learning rate (1) is probably too high — try 0.1; the weights of epoch 1 (lowest training loss) were kept.' }],
      [{ code: 'diverged', message: 'The training loss exploded from 2.2 (epoch 1) to 2400000 (epoch 6): the learning rate (1) is probably too high — try 0.1; the last weights were kept (early stopping is off).' }],
      [{ code: 'diverged', message: 'The loss became NaN or infinite at epoch 3: the learning rate (0.5) is probably too high — try 0.05; the weights of epoch 1 (lowest validation loss) were kept.' }],
    ]);
  });
});
