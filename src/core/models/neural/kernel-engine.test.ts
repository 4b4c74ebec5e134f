import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { createRandom } from '../../random/prng';
import { createKernelEngine } from './kernel-engine';
import { initialiseWeights, type NetworkTopology, type NetworkWeights } from './network';
import { ACTIVATIONS, type OptimizerName, type ScheduledParams } from './params';
import { runTrainingLoop, type LoopResult } from './train-loop';
import type { TrainingRows } from './training-engine';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

// The kernel engine pinned to the tfjs engine (the path it replaced on wasm/cpu): the same seeded loop through
// both, for every activation × link × optimiser, with row weights and validation rows. Both round to float32 in a
// different order, so weights and per-epoch losses agree to ~1e-6; checked: no number further apart than 1e-4.
function makeRows(rows: number, cols: number, width: number, seed: number, weighted: boolean): TrainingRows {
  const random = createRandom(seed);
  const x = Float32Array.from({ length: rows * cols }, () => 2 * random() - 1);
  const targets = new Float32Array(rows * width);
  for (let r = 0; r < rows; r++) {
    const score = x[r * cols] - 0.5 * x[r * cols + 1] + 0.3 * random();
    if (width > 1) targets[r * width + (score > 0.3 ? 2 : score > -0.3 ? 1 : 0)] = 1;
    else targets[r] = width === 1 && seed % 2 === 0 ? score : score > 0 ? 1 : 0;
  }
  return { x, targets, rows, cols, width, weights: weighted ? Float32Array.from({ length: rows }, () => 0.5 + random()) : undefined };
}

async function train(engine: 'kernel' | 'tfjs', topology: NetworkTopology, optimizer: OptimizerName, seed: number): Promise<LoopResult> {
  const params: ScheduledParams = { layers: topology.hidden.length, units: topology.hidden[0], activation: topology.activation, dropout: 0, optimizer, learningRate: 0.01, batchSize: 16, epochs: 4, patience: 2, classWeight: 'none', seed: 0 };
  const rows = makeRows(45, topology.inputs, topology.outputs, seed, optimizer !== 'sgd');
  const validation = makeRows(13, topology.inputs, topology.outputs, seed + 1, false);
  return runTrainingLoop(topology, initialiseWeights(topology, createRandom(seed)), rows, validation, { params, random: createRandom(seed), ctx: { seed }, lossScale: 1, engine });
}

const SGD: ScheduledParams = { layers: 2, units: 6, activation: 'tanh', dropout: 0, optimizer: 'sgd', learningRate: 1, batchSize: 8, epochs: 1, patience: 0, classWeight: 'none', seed: 0 };

/** Every loss and weight of a run, in one list. */
const listNumbers = (r: LoopResult): number[] => [...r.trainLosses, ...r.monitoredLosses, ...r.weights.kernels.flatMap((k) => Array.from(k)), ...r.weights.biases.flatMap((b) => Array.from(b))];

describe('kernel engine', () => {
  const outputs = { sigmoid: 1, softmax: 3, linear: 1 } as const;
  const optimizers: OptimizerName[] = ['adam', 'sgd', 'rmsprop'];
  ACTIVATIONS.forEach((activation, a) => {
    for (const output of ['sigmoid', 'softmax', 'linear'] as const) {
      const optimizer = optimizers[a % 3];
      it(`trains as the tfjs engine: ${activation} hidden layers, ${output} output, ${optimizer}`, async () => {
        const topology: NetworkTopology = { inputs: 3, hidden: [9, 12], activation, outputs: outputs[output], output };
        const seed = output === 'linear' ? 4 : 5;
        const [kernel, reference] = [await train('kernel', topology, optimizer, seed), await train('tfjs', topology, optimizer, seed)];
        expect([kernel.engine, reference.engine]).toEqual(['kernel', 'tfjs']);
        const [ours, theirs] = [listNumbers(kernel), listNumbers(reference)];
        const worst = ours.reduce((max, v, i) => Math.max(max, Math.abs(v - theirs[i])), 0);
        expect([ours.length, worst < 1e-4, kernel.epochsRun, kernel.bestEpoch, kernel.end]).toEqual([theirs.length, true, reference.epochsRun, reference.bestEpoch, reference.end]);
      });
    }
  });

  it('gives the same weights from the same seed, to the bit', async () => {
    const topology: NetworkTopology = { inputs: 3, hidden: [16], activation: 'relu', outputs: 1, output: 'sigmoid' };
    const [a, b] = [await train('kernel', topology, 'adam', 5), await train('kernel', topology, 'adam', 5)];
    expect(b.weights).toEqual(a.weights);
  });

  it('backpropagates through dropout: the gradient equals finite differences of the loss under the same masks', () => {
    const topology: NetworkTopology = { inputs: 3, hidden: [6, 5], activation: 'tanh', outputs: 1, output: 'sigmoid' };
    const initial = initialiseWeights(topology, createRandom(2));
    const batch = { rows: makeRows(8, 3, 1, 3, false), start: 0, size: 8, dropoutSeed: 11 };
    const lossAt = (weights: NetworkWeights, dropout: number): number => {
      const engine = createKernelEngine(topology, weights, undefined, { ...SGD, learningRate: 0, dropout })!;
      engine.step(batch);
      return engine.readLosses(false).steps[0];
    };
    const engine = createKernelEngine(topology, initial, undefined, { ...SGD, learningRate: 1, dropout: 0.4 })!;
    engine.step(batch); // θ − 1 · gradient
    const stepped = engine.readWeights();
    const probes = [[0, 4], [0, 13], [1, 7], [1, 22], [2, 3]] as const;
    const gaps = probes.map(([layer, i]) => {
      const shifted = (delta: number): NetworkWeights => ({ ...initial, kernels: initial.kernels.map((k, l) => (l === layer ? k.map((v, j) => (j === i ? v + delta : v)) : k)) });
      const finite = (lossAt(shifted(1e-2), 0.4) - lossAt(shifted(-1e-2), 0.4)) / 2e-2;
      return Math.abs(initial.kernels[layer][i] - stepped.kernels[layer][i] - finite);
    });
    expect([gaps.every((gap) => gap < 1e-3), lossAt(initial, 0.4) !== lossAt(initial, 0)]).toEqual([true, true]);
  });
});
