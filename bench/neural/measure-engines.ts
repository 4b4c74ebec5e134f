// Node tool (`npx tsx bench/neural/measure-engines.ts [rounds] [epochs]`): the lean loop's two engines on the
// bench's rows and network (10→64→64→1, batch 256), alternating kernel, tfjs-wasm, kernel, …, printing ms/step
// (wall, and this process' CPU time, the steadier figure on a loaded machine) and the final training loss.
// A quick check while changing the engines, not the bench itself.
import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import { createRandom } from '../../src/core/random/prng';
import { initialiseWeights, type NetworkTopology } from '../../src/core/models/neural/network';
import type { ScheduledParams } from '../../src/core/models/neural/params';
import { runTrainingLoop, type EngineChoice } from '../../src/core/models/neural/train-loop';
// @ts-expect-error -- a plain .mjs module shared with suite.mjs, no declarations
import { generateNeuralData } from './generate-data.mjs';

const [rounds, epochs] = [Number(process.argv[2] ?? 3), Number(process.argv[3] ?? 3)];
const ROWS = 20_000;
const COLS = 10;
const data = generateNeuralData({ rows: ROWS, cols: COLS, seed: 5 }) as { x: number[]; y: number[] };
const train = { x: Float32Array.from(data.x), targets: Float32Array.from(data.y), rows: ROWS, cols: COLS, width: 1 };
const topology: NetworkTopology = { inputs: COLS, hidden: [64, 64], activation: 'relu', outputs: 1, output: 'sigmoid' };
const params: ScheduledParams = { layers: 2, units: 64, activation: 'relu', dropout: 0, optimizer: 'adam', learningRate: 1e-3, batchSize: 256, epochs, patience: 0, classWeight: 'none', seed: 0 };
const steps = epochs * Math.ceil(ROWS / params.batchSize);

async function measure(engine: EngineChoice): Promise<string> {
  const start = performance.now();
  const cpuStart = process.cpuUsage();
  const result = await runTrainingLoop(topology, initialiseWeights(topology, createRandom(1)), train, undefined, { params, random: createRandom(1), ctx: { seed: 1 }, lossScale: 1, engine });
  const ms = performance.now() - start;
  const cpu = process.cpuUsage(cpuStart);
  return `${result.engine.padEnd(6)} ${(ms / steps).toFixed(3)} ms/step wall, ${((cpu.user + cpu.system) / 1000 / steps).toFixed(3)} CPU, final train loss ${result.trainLosses.at(-1)?.toFixed(5)}`;
}

await tf.setBackend('wasm');
for (let round = 0; round < rounds; round++) for (const engine of ['kernel', 'tfjs'] as const) console.log(await measure(engine));
