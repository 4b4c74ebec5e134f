// The lean training loop: seeded shuffles, one optimiser step per mini-batch, one read of the losses per epoch
// (train and validation together), early stopping with best-weights restore, cooperative stop and abort. The steps
// run in an engine: the WebAssembly SIMD kernel when tfjs runs on the CPU (wasm, cpu), else tfjs tensors.

import * as tf from '@tensorflow/tfjs';
import { TrainingError } from '../../errors';
import { shuffleInPlace } from '../../random/prng';
import { createCheckpoint } from '../../time/create-checkpoint';
import type { FitContext } from '../types';
import { createKernelEngine } from './kernel-engine';
import type { NetworkTopology, NetworkWeights } from './network';
import type { ScheduledParams } from './params';
import { createTfjsEngine } from './tfjs-engine';
import type { TrainingEngine, TrainingRows } from './training-engine';

export type { TrainingRows };

/** Which engine runs the steps: 'auto' takes the kernel when tfjs' backend is wasm or cpu and the kernel loads. */
export type EngineChoice = 'auto' | 'kernel' | 'tfjs';

export interface LoopOptions {
  params: ScheduledParams;
  random: () => number;
  ctx: FitContext;
  /** Factor turning the loss into reported units (regression: target variance, as the loss is on a standardised target). */
  lossScale: number;
  /** Defaults to 'auto'; 'kernel' falls back to tfjs where the kernel cannot run (no WebAssembly SIMD, no memory). */
  engine?: EngineChoice;
}

/** What the loop learned: the weights kept (the best epoch's under early stopping) and how many epochs ran. */
export interface LoopResult {
  weights: NetworkWeights;
  /** Epochs begun, counting one ended by a stop request or a non-finite loss. */
  epochsRun: number;
  bestEpoch: number;
  /** Per finished epoch, in reported units: the training loss, and the loss early stopping watches (validation, else training). */
  trainLosses: number[];
  monitoredLosses: number[];
  /** Why the loop ended: the epoch cap, early stopping, a stop request, or a NaN/∞ loss (best weights kept). */
  end: 'cap' | 'patience' | 'request' | 'non-finite';
  /** The engine that ran the steps. */
  engine: 'kernel' | 'tfjs';
}

/** True when tfjs computes on the CPU, where the kernel engine beats tfjs' per-op dispatch. */
function isCpuBackend(): boolean {
  const backend = tf.getBackend();
  return backend === 'wasm' || backend === 'cpu';
}

function createEngine(choice: EngineChoice, topology: NetworkTopology, initial: NetworkWeights, validation: TrainingRows | undefined, params: ScheduledParams): { engine: TrainingEngine; kind: LoopResult['engine'] } {
  const kernel = choice === 'kernel' || (choice === 'auto' && isCpuBackend()) ? createKernelEngine(topology, initial, validation, params) : null;
  return kernel ? { engine: kernel, kind: 'kernel' } : { engine: createTfjsEngine(topology, initial, validation, params), kind: 'tfjs' };
}

/** Copies `rows` in the order of `order` into `into` (features and targets), so a batch is one contiguous slice. */
function gatherRows(source: TrainingRows, order: Uint32Array, into: TrainingRows): void {
  const { cols, width, x, targets, weights } = source;
  const [intoX, intoTargets, intoWeights] = [into.x, into.targets, into.weights];
  // Element loops: a subarray + set per row cost more than the copy for rows of a few floats.
  for (let i = 0; i < order.length; i++) {
    const r = order[i];
    for (let j = 0; j < cols; j++) intoX[i * cols + j] = x[r * cols + j];
    for (let j = 0; j < width; j++) intoTargets[i * width + j] = targets[r * width + j];
    if (weights && intoWeights) intoWeights[i] = weights[r];
  }
}

function formatRate(rate: number): string {
  return String(Number(rate.toPrecision(3)));
}

/** One epoch's mini-batches (shuffled order); each batch's share of the rows, or null after a stop request. */
async function runEpoch(state: EpochState, train: TrainingRows, options: LoopOptions): Promise<number[] | null> {
  const { params, random, ctx } = options;
  const { shuffled, engine } = state;
  gatherRows(train, shuffleInPlace(state.order, random), shuffled);
  const shares: number[] = [];
  for (let start = 0; start < train.rows; start += params.batchSize) {
    const size = Math.min(params.batchSize, train.rows - start);
    const dropoutSeed = Math.floor(random() * 2 ** 31); // drawn by both engines, so both see the same shuffles
    engine.step({ rows: shuffled, start, size, dropoutSeed });
    shares.push(size / train.rows);
    await state.checkpoint();
    if (ctx.shouldStop?.() === true) {
      engine.discardLosses(); // a part epoch: its loss is not comparable, keep the best (or current) weights
      return null;
    }
  }
  return shares;
}

/** What one epoch's loop needs: the engine and the reused buffers. */
interface EpochState {
  readonly engine: TrainingEngine;
  readonly shuffled: TrainingRows;
  readonly order: Uint32Array;
  readonly checkpoint: () => Promise<void>;
}

/**
 * Trains `initial` on `train` for up to params.epochs epochs; fires ctx.onProgress after each epoch with
 * { trainLoss, validationLoss? } (mean loss per row; cross-entropy in nats or MSE in target units).
 * A NaN/∞ loss ends the loop with the best weights so far (`end: 'non-finite'`), or throws TrainingError when
 * there are none (first epoch, or patience 0); AbortError when ctx.signal aborts; ctx.shouldStop ends early.
 */
export async function runTrainingLoop(topology: NetworkTopology, initial: NetworkWeights, train: TrainingRows, validation: TrainingRows | undefined, options: LoopOptions): Promise<LoopResult> {
  const { params, ctx, lossScale } = options;
  const { engine, kind } = createEngine(options.engine ?? 'auto', topology, initial, validation, params);
  const state: EpochState = {
    engine,
    shuffled: { ...train, x: new Float32Array(train.x.length), targets: new Float32Array(train.targets.length), weights: train.weights ? new Float32Array(train.rows) : undefined },
    order: Uint32Array.from({ length: train.rows }, (_, i) => i),
    checkpoint: createCheckpoint(ctx.signal),
  };
  let hasBest = false;
  let bestLoss = Infinity;
  let bestEpoch = 0;
  const trainLosses: number[] = [];
  const monitoredLosses: number[] = [];
  let end: LoopResult['end'] = 'cap';
  try {
    while (trainLosses.length < params.epochs) {
      const epoch = trainLosses.length + 1;
      const shares = await runEpoch(state, train, options);
      if (shares === null) {
        end = 'request';
        break;
      }
      const read = engine.readLosses(validation !== undefined);
      const metrics: Record<string, number> = { trainLoss: shares.reduce((sum, share, i) => sum + share * read.steps[i], 0) * lossScale };
      if (read.validation !== undefined) metrics.validationLoss = read.validation * lossScale;
      if (!Object.values(metrics).every(Number.isFinite)) {
        if (hasBest) {
          end = 'non-finite';
          break;
        }
        throw new TrainingError(`The loss became NaN at epoch ${epoch}: the learning rate (${formatRate(params.learningRate)}) is probably too high — try ${formatRate(params.learningRate / 10)}.`);
      }
      trainLosses.push(metrics.trainLoss);
      monitoredLosses.push(metrics.validationLoss ?? metrics.trainLoss);
      ctx.onProgress?.({ iteration: epoch, total: params.epochs, metrics });
      if (params.patience > 0) {
        if (monitoredLosses[epoch - 1] < bestLoss) {
          bestLoss = monitoredLosses[epoch - 1];
          bestEpoch = epoch;
          engine.keepBest();
          hasBest = true;
        } else if (epoch - bestEpoch >= params.patience) {
          end = 'patience';
          break;
        }
      }
    }
    const epochsRun = trainLosses.length + (end === 'request' || end === 'non-finite' ? 1 : 0);
    return { weights: engine.readWeights(), epochsRun, bestEpoch: hasBest ? bestEpoch : epochsRun, trainLosses, monitoredLosses, end, engine: kind };
  } finally {
    engine.dispose();
  }
}
