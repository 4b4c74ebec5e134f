// The training engine on the CPU without tfjs: the network in one WebAssembly memory (kernel-network.ts), one
// step = stage the batch, forward, loss, backward, optimiser. A tfjs op costs ~10–50 µs of dispatch on WASM and a
// step of the bench's MLP was ~55 of them; here a step is ~15 kernel calls and a few loops over small arrays.

import { createArrayOptimizer } from './kernel-math';
import { computeLoss, createKernelNetwork, runBackward, runForward, stageRows, type KernelNetwork } from './kernel-network';
import type { NetworkTopology, NetworkWeights } from './network';
import { unpadWeights } from './padded-layout';
import type { ScheduledParams } from './params';
import { normaliseWeights, type TrainingEngine, type TrainingRows } from './training-engine';

/** Adam in the kernel (tf.train.adam's rule in float32); SGD and RMSprop in JavaScript. */
function createOptimizer(net: KernelNetwork, params: ScheduledParams): () => void {
  if (params.optimizer !== 'adam') {
    const update = createArrayOptimizer(params, net.size);
    return () => update(net.theta, net.gradient);
  }
  let t = 0;
  return () => {
    t++;
    const rate = (params.learningRate * Math.sqrt(1 - 0.999 ** t)) / (1 - 0.9 ** t);
    const { regions } = net;
    net.kernels.adam(4 * regions.theta, 4 * regions.gradient, 4 * regions.first, 4 * regions.second, net.size, rate);
  };
}

/** Mean loss over all `rows` (unweighted), forward passes of up to batchRows rows. */
function computeDatasetLoss(net: KernelNetwork, rows: TrainingRows): number {
  let total = 0;
  for (let start = 0; start < rows.rows; start += net.batchRows) {
    const size = Math.min(net.batchRows, rows.rows - start);
    stageRows(net, rows.x, start, size);
    runForward(net, size);
    total += computeLoss(net, rows.targets.subarray(start * rows.width, (start + size) * rows.width), size, undefined, 1);
  }
  return total / rows.rows;
}

/**
 * An engine training `initial` on batches of up to `params.batchSize` rows, or null where WebAssembly SIMD (or
 * its memory) is unavailable (the tfjs engine then trains it). Dropout masks come from createRandom(seed + layer),
 * not tfjs' generator: the same rule, other draws.
 */
export function createKernelEngine(topology: NetworkTopology, initial: NetworkWeights, validation: TrainingRows | undefined, params: ScheduledParams): TrainingEngine | null {
  const net = createKernelNetwork(topology, initial, Math.max(1, params.batchSize), params.dropout);
  if (net === null) return null;
  const optimize = createOptimizer(net, params);
  let best: Float32Array | undefined;
  let losses: number[] = [];
  return {
    step({ rows: source, start, size, dropoutSeed }) {
      stageRows(net, source.x, start, size);
      runForward(net, size, dropoutSeed);
      const weights = source.weights ? normaliseWeights(source.weights.subarray(start, start + size)) : undefined;
      losses.push(computeLoss(net, source.targets.subarray(start * source.width, (start + size) * source.width), size, weights, 1 / size));
      runBackward(net, size);
      optimize();
    },
    readLosses(withValidation) {
      const steps = losses;
      losses = [];
      return withValidation && validation ? { steps, validation: computeDatasetLoss(net, validation) } : { steps };
    },
    discardLosses() {
      losses = [];
    },
    keepBest() {
      best = Float32Array.from(net.theta);
    },
    readWeights: () => unpadWeights(net.layers, best ?? net.theta),
    dispose() {
      losses = [];
    },
  };
}
