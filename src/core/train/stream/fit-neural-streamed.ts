// The neural network on every row: epochs of mini-batches read chunk by chunk — chunks in a seeded order, rows
// shuffled within a chunk — each chunk one call of the family's training loop (one epoch over that chunk, from the
// weights so far). Scalings (features, regression target) are measured on the sample. The optimiser's moments
// restart per chunk (the loop owns them); early stopping watches the streamed validation loss per epoch.

import { TrainingError } from '../../errors';
import type { Hyperparameters, Task, TrainingProgress } from '../../models/types';
import { initialiseWeights, type NetworkWeights } from '../../models/neural/network';
import { describeTopology, neuralNetworkFamily, type NeuralState } from '../../models/neural/neural-network';
import { readNeuralParams, type ScheduledParams } from '../../models/neural/params';
import { planSchedule } from '../../models/neural/plan-schedule';
import { measureInputScaling, measureTargetScaling, prepareRows } from '../../models/neural/prepare-rows';
import { runTrainingLoop } from '../../models/neural/train-loop';
import { createRandom, shuffleInPlace } from '../../random/prng';
import type { ChunkSource } from '../../table/chunk-source';
import type { StreamedPreparation } from './prepare-streamed';
import { scanPreparedChunks } from './scan-chunks';
import type { StreamedModelFit, StreamFitOptions } from './stream-types';

/** Trains the neural network on every training row of `source`; `seed` is the run's seed (plus the family's). */
export async function fitNeuralStreamed(source: ChunkSource, prep: StreamedPreparation, rawParams: Hyperparameters, seed: number, options: StreamFitOptions = {}): Promise<StreamedModelFit> {
  const { raw, typed: unscheduled } = readNeuralParams(rawParams);
  const task: Task = prep.classes === null ? 'regression' : prep.classes.length === 2 ? 'binary' : 'multiclass';
  const estimatedTrainRows = Math.max(1, Math.round(source.rowCount * (1 - prep.split.validationShare - prep.split.testShare)));
  const typed = planSchedule(unscheduled, estimatedTrainRows);
  const random = createRandom((seed + typed.seed) >>> 0);
  const topology = describeTopology(task, prep.featureNames.length, prep.classes?.length ?? 1, typed);
  const scaling = { target: measureTargetScaling(task, prep.sample.y), inputs: measureInputScaling(prep.sample.X) };
  const chunkParams: ScheduledParams = { ...typed, epochs: 1, patience: 0 };
  let weights: NetworkWeights = initialiseWeights(topology, random);
  let best = { weights, loss: Infinity, epoch: 0 };
  const curve: TrainingProgress[] = [];
  const rows = { train: 0, validation: 0, dropped: 0 };
  let stopped = false;
  let epoch = 0;
  while (epoch < typed.epochs && !stopped) {
    epoch++;
    const sums = { train: 0, trainRows: 0, validation: 0, validationRows: 0, dropped: 0 };
    const order = shuffleInPlace(Array.from({ length: source.chunkCount }, (_, i) => i), random);
    let done = 0;
    await scanPreparedChunks(source, prep, async (chunk) => {
      if (stopped || (stopped = options.shouldStop?.() === true) || chunk.train === null) return;
      const train = prepareRows(task, chunk.train.X, chunk.train.y, scaling, { balanced: typed.classWeight === 'balanced' });
      const validation = chunk.validation ? prepareRows(task, chunk.validation.X, chunk.validation.y, scaling) : undefined;
      const ctx = { seed, signal: options.signal, shouldStop: options.shouldStop };
      const result = await runTrainingLoop(topology, weights, train, validation, { params: chunkParams, random, ctx, lossScale: scaling.target.std ** 2 });
      if (result.end === 'request') stopped = true;
      if (result.trainLosses.length === 0) return;
      weights = result.weights;
      sums.train += result.trainLosses[0] * train.rows;
      sums.trainRows += train.rows;
      if (validation) { sums.validation += result.monitoredLosses[0] * validation.rows; sums.validationRows += validation.rows; }
      sums.dropped += chunk.dropped;
      options.onProgress?.({ stage: 'fit', pass: epoch, chunk: ++done, chunkCount: source.chunkCount });
    }, { signal: options.signal, cache: options.cache, order });
    if (sums.trainRows === 0) throw new TrainingError('No training rows were read from the dataset; give the training part a share above 0.');
    if (epoch === 1 || !stopped) Object.assign(rows, { train: sums.trainRows, validation: sums.validationRows, dropped: sums.dropped });
    const metrics: Record<string, number> = { trainLoss: sums.train / sums.trainRows };
    if (sums.validationRows > 0) metrics.validationLoss = sums.validation / sums.validationRows;
    curve.push({ iteration: epoch, total: typed.epochs, metrics });
    options.onProgress?.({ stage: 'fit', pass: epoch, chunk: source.chunkCount, chunkCount: source.chunkCount, metrics, iteration: epoch, total: typed.epochs });
    const watched = metrics.validationLoss ?? metrics.trainLoss;
    if (watched < best.loss) best = { weights, loss: watched, epoch };
    else if (typed.patience > 0 && epoch - best.epoch >= typed.patience) break;
  }
  const kept = typed.patience > 0 && best.epoch > 0 ? best : { weights, epoch };
  const state: NeuralState = {
    topology,
    kernels: kept.weights.kernels.map((k) => Array.from(k)),
    biases: kept.weights.biases.map((b) => Array.from(b)),
    targetScaling: scaling.target,
    inputScaling: scaling.inputs,
    epochsRun: epoch,
    bestEpoch: kept.epoch,
    batchSize: typed.batchSize,
    epochs: typed.epochs,
  };
  const model = neuralNetworkFamily.fromJSON({ formatVersion: 1, kind: 'neural_network', task, params: raw, featureNames: [...prep.featureNames], ...(prep.classes ? { classes: [...prep.classes] } : {}), state });
  return { model, params: raw, curve, passes: epoch, stopped, rows };
}
