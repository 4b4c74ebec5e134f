// How fast the kernel engine trains a network of a given shape here: the backend probe (workers/tf-backend.ts)
// times it beside tfjs' backends, so 'auto' picks the CPU kernel or a GPU by measurement.

import { createRandom } from '../../random/prng';
import { nowMs } from '../../time/now-ms';
import { createKernelEngine } from './kernel-engine';
import { initialiseWeights, type NetworkTopology } from './network';
import type { ScheduledParams } from './params';

/**
 * ms per Adam step of the kernel engine on `shape` (5 warm-up steps, so the JIT has compiled the JavaScript and
 * the kernel's hot loops, then up to `steps` within `budgetMs`); null without WebAssembly SIMD.
 */
export function timeKernelSteps(shape: { inputs: number; hidden: number[]; outputs: number; batchSize: number }, steps = 20, budgetMs = 200): number | null {
  const topology: NetworkTopology = { inputs: shape.inputs, hidden: shape.hidden, activation: 'relu', outputs: shape.outputs, output: 'softmax' };
  const random = createRandom(1);
  const params: ScheduledParams = { layers: shape.hidden.length, units: shape.hidden[0] ?? 0, activation: 'relu', dropout: 0, optimizer: 'adam', learningRate: 1e-3, batchSize: shape.batchSize, epochs: 1, patience: 0, classWeight: 'none', seed: 0 };
  const engine = createKernelEngine(topology, initialiseWeights(topology, random), undefined, params);
  if (engine === null) return null;
  const rows = {
    x: Float32Array.from({ length: shape.batchSize * shape.inputs }, () => random() * 2 - 1),
    targets: Float32Array.from({ length: shape.batchSize * shape.outputs }, (_, i) => (i % shape.outputs === Math.floor(i / shape.outputs) % shape.outputs ? 1 : 0)),
    rows: shape.batchSize, cols: shape.inputs, width: shape.outputs,
  };
  const batch = { rows, start: 0, size: shape.batchSize, dropoutSeed: 0 };
  try {
    for (let i = 0; i < 5; i++) engine.step(batch);
    const start = nowMs();
    let done = 0;
    while (done < steps && nowMs() - start < budgetMs) {
      engine.step(batch);
      done++;
    }
    return (nowMs() - start) / done;
  } finally {
    engine.dispose();
  }
}
