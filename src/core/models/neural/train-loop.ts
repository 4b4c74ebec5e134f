// The lean training loop: seeded shuffles, one optimiser step per mini-batch, one GPU→CPU read per epoch
// (train and validation loss together), early stopping with best-weights restore, cooperative stop and abort.

import * as tf from '@tensorflow/tfjs';
import { TrainingError } from '../../errors';
import { shuffleInPlace } from '../../random/prng';
import { createCheckpoint } from '../../time/create-checkpoint';
import type { FitContext } from '../types';
import { computeLossAndGradient } from './backprop';
import { flattenWeights, planParameterLayout, unflattenWeights, viewParameters, type ParameterLayout } from './flat-parameters';
import { createFlatOptimizer, type FlatOptimizer } from './flat-optimizer';
import { computeLogits, type NetworkTopology, type NetworkWeights } from './network';
import type { ScheduledParams } from './params';

/** Rows ready for the network: features [rows × cols] and targets [rows × width] (0/1, one-hot or standardised). */
export interface TrainingRows {
  x: Float32Array;
  targets: Float32Array;
  rows: number;
  cols: number;
  width: number;
  /** Per-row loss weights (sample × class weights); absent = all equal. */
  weights?: Float32Array;
}

export interface LoopOptions {
  params: ScheduledParams;
  random: () => number;
  ctx: FitContext;
  /** Factor turning the loss into reported units (regression: target variance, as the loss is on a standardised target). */
  lossScale: number;
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
}

const PREDICT_BATCH = 4096;

function computeRowLosses(logits: tf.Tensor2D, targets: tf.Tensor2D, output: NetworkTopology['output']): tf.Tensor1D {
  if (output === 'softmax') return tf.losses.softmaxCrossEntropy(targets, logits, undefined, 0, tf.Reduction.NONE) as tf.Tensor1D;
  if (output === 'sigmoid') return tf.losses.sigmoidCrossEntropy(targets, logits, undefined, 0, tf.Reduction.NONE).reshape([-1]);
  return tf.squaredDifference(logits, targets).reshape([-1]);
}

/** Mean loss over all of `rows` (unweighted), in batches, as a scalar tensor. */
function computeDatasetLoss(theta: tf.Tensor1D, layout: ParameterLayout, topology: NetworkTopology, x: tf.Tensor2D, y: tf.Tensor2D): tf.Scalar {
  return tf.tidy(() => {
    const net = viewParameters(layout, theta);
    const rows = x.shape[0];
    let total: tf.Scalar = tf.scalar(0);
    for (let start = 0; start < rows; start += PREDICT_BATCH) {
      const size = Math.min(PREDICT_BATCH, rows - start);
      const logits = computeLogits(tf.slice(x, [start, 0], [size, -1]), net, topology.activation);
      total = tf.add(total, tf.sum(computeRowLosses(logits, tf.slice(y, [start, 0], [size, -1]), topology.output)));
    }
    return tf.div(total, rows);
  });
}

/** Copies `rows` in the order of `order` into `into` (features and targets), so a batch is one contiguous slice. */
function gatherRows(source: TrainingRows, order: Uint32Array, into: TrainingRows): void {
  const { cols, width } = source;
  for (let i = 0; i < order.length; i++) {
    const r = order[i];
    into.x.set(source.x.subarray(r * cols, (r + 1) * cols), i * cols);
    into.targets.set(source.targets.subarray(r * width, (r + 1) * width), i * width);
    if (source.weights && into.weights) into.weights[i] = source.weights[r];
  }
}

/** Row weights scaled to sum to 1 (the batch's weighted mean). */
function normaliseWeights(weights: Float32Array): Float32Array {
  const total = weights.reduce((sum, w) => sum + w, 0);
  return total > 0 ? weights.map((w) => w / total) : weights.map(() => 1 / weights.length);
}

function formatRate(rate: number): string {
  return String(Number(rate.toPrecision(3)));
}

/** One epoch's mini-batches (shuffled order); the loss tensors come back unread, or null after a stop request. */
async function runEpoch(state: EpochState, train: TrainingRows, options: LoopOptions): Promise<{ losses: tf.Scalar[]; shares: number[] } | null> {
  const { params, random, ctx } = options;
  const { shuffled, layout, topology, optimizer } = state;
  gatherRows(train, shuffleInPlace(state.order, random), shuffled);
  const losses: tf.Scalar[] = [];
  const shares: number[] = [];
  for (let start = 0; start < train.rows; start += params.batchSize) {
    const size = Math.min(params.batchSize, train.rows - start);
    const dropoutSeed = Math.floor(random() * 2 ** 31);
    const [next, loss] = tf.tidy(() => {
      const batch = {
        x: tf.tensor2d(shuffled.x.subarray(start * train.cols, (start + size) * train.cols), [size, train.cols]),
        y: tf.tensor2d(shuffled.targets.subarray(start * train.width, (start + size) * train.width), [size, train.width]),
        rowWeights: shuffled.weights ? tf.tensor2d(normaliseWeights(shuffled.weights.subarray(start, start + size)), [size, 1]) : tf.scalar(1 / size),
        ...(params.dropout > 0 ? { dropout: { rate: params.dropout, seed: dropoutSeed } } : {}),
      };
      const { loss, gradient } = computeLossAndGradient(viewParameters(layout, state.theta), topology, batch);
      return [optimizer.step(state.theta, gradient), loss] as const;
    });
    state.theta.dispose();
    state.theta = next;
    losses.push(loss);
    shares.push(size / train.rows);
    await state.checkpoint();
    if (ctx.shouldStop?.() === true) {
      tf.dispose(losses); // a part epoch: its loss is not comparable, keep the best (or current) weights
      return null;
    }
  }
  return { losses, shares };
}

/** What one epoch's loop needs and updates: the parameters (replaced at every step) and the reused buffers. */
interface EpochState {
  theta: tf.Tensor1D;
  readonly layout: ParameterLayout;
  readonly topology: NetworkTopology;
  readonly optimizer: FlatOptimizer;
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
  const layout = planParameterLayout(topology);
  const state: EpochState = {
    theta: tf.tensor1d(flattenWeights(layout, initial)),
    layout,
    topology,
    optimizer: createFlatOptimizer(params.optimizer, params.learningRate, layout.size),
    shuffled: { ...train, x: new Float32Array(train.x.length), targets: new Float32Array(train.targets.length), weights: train.weights ? new Float32Array(train.rows) : undefined },
    order: Uint32Array.from({ length: train.rows }, (_, i) => i),
    checkpoint: createCheckpoint(ctx.signal),
  };
  const validationTensors = validation ? [tf.tensor2d(validation.x, [validation.rows, validation.cols]), tf.tensor2d(validation.targets, [validation.rows, validation.width])] as const : undefined;
  let best: tf.Tensor1D | undefined;
  let bestLoss = Infinity;
  let bestEpoch = 0;
  const trainLosses: number[] = [];
  const monitoredLosses: number[] = [];
  let end: LoopResult['end'] = 'cap';
  try {
    while (trainLosses.length < params.epochs) {
      const epoch = trainLosses.length + 1;
      const pass = await runEpoch(state, train, options);
      if (pass === null) {
        end = 'request';
        break;
      }
      const validationLoss = validationTensors ? computeDatasetLoss(state.theta, layout, topology, validationTensors[0], validationTensors[1]) : undefined;
      const read = tf.tidy(() => tf.concat([tf.stack(pass.losses), ...(validationLoss ? [tf.reshape(validationLoss, [1])] : [])]).dataSync());
      tf.dispose([...pass.losses, ...(validationLoss ? [validationLoss] : [])]);
      const metrics: Record<string, number> = { trainLoss: pass.shares.reduce((sum, share, i) => sum + share * read[i], 0) * lossScale };
      if (validationLoss) metrics.validationLoss = read[pass.losses.length] * lossScale;
      if (!Object.values(metrics).every(Number.isFinite)) {
        if (best) {
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
          best?.dispose();
          best = tf.clone(state.theta);
        } else if (epoch - bestEpoch >= params.patience) {
          end = 'patience';
          break;
        }
      }
    }
    const epochsRun = trainLosses.length + (end === 'request' || end === 'non-finite' ? 1 : 0);
    const weights = unflattenWeights(layout, (best ?? state.theta).dataSync() as Float32Array);
    return { weights, epochsRun, bestEpoch: best ? bestEpoch : epochsRun, trainLosses, monitoredLosses, end };
  } finally {
    tf.dispose([state.theta, ...(best ? [best] : []), ...(validationTensors ?? [])]);
    state.optimizer.dispose();
  }
}
