// The boosting loop: bin the features, then each round compute gradients, grow one tree per output, update
// train/validation predictions, report the losses, stop early on the validation loss and keep the best round.

import type { FeatureMatrix, FitContext, Task } from '../../types';
import { createCheckpoint } from '../../../time/create-checkpoint';
import { binMatrix, findMissingFeatures, fitBinMapper, type BinMapper } from './bin-mapper';
import { createLoss } from './boosting-loss';
import type { BoostingSettings } from './boosting-params';
import { findLeafBinned, type BoostedTree } from './boosted-tree';
import { createRandom, shuffleInPlace } from '../../../random/prng';
import { selectRows, shouldStopEarly, splitValidationRows } from './early-stopping';
import { createWorkspace, growTree, loadGradients, type GrowSettings, type GrowWorkspace } from './grow-tree';
import { readHistogramThreads } from './histogram-threads';
import { MIN_THREADED_UPDATES } from './threaded-histograms';

/** The learned ensemble: baseline per output and trees[round][output]. */
export interface BoostingResult {
  baseline: Float64Array;
  trees: BoostedTree[][];
  trainLoss: number[];
  validationLoss: number[];
  /** Rounds run before stopping (trees.length is the best round when a validation set was used). */
  roundsRun: number;
}

const BINNING_SUBSAMPLE = 200_000;

/** Fits the ensemble; y holds class indices for classification. Honours ctx.signal and ctx.shouldStop. */
export async function fitBoosting(
  X: FeatureMatrix, y: Float64Array, task: Task, classes: number, p: BoostingSettings, ctx: FitContext,
): Promise<BoostingResult> {
  const checkpoint = createCheckpoint(ctx.signal);
  const data = chooseData(X, y, task, classes, p, ctx);
  const { trainX } = data;
  const n = trainX.rows;
  const binningRows = n > BINNING_SUBSAMPLE ? sampleRows(n, BINNING_SUBSAMPLE, ctx.seed) : undefined;
  const mapper = fitBinMapper(trainX, p.maxBins, binningRows);
  // The bins live only in the workspace's heap (no second copy held for the whole fit); with helper threads
  // (setHistogramThreads) in shared memory, large nodes' histograms built on all of them.
  const threads = readHistogramThreads();
  const ws = createWorkspace(binMatrix(mapper, trainX), n, trainX.cols, 'wasm', threads !== null && n * trainX.cols >= (threads.minUpdates ?? MIN_THREADED_UPDATES));
  if (threads) await ws.heap.attachThreads(threads);
  try {
    return await runRounds(ws, mapper, data, task, classes, p, ctx, checkpoint);
  } finally {
    ws.heap.detachThreads();
  }
}

/** The rounds of fitBoosting on a workspace holding the binned training rows. */
async function runRounds(
  ws: GrowWorkspace, mapper: BinMapper, data: ReturnType<typeof chooseData>, task: Task, classes: number, p: BoostingSettings, ctx: FitContext,
  checkpoint: () => Promise<void>,
): Promise<BoostingResult> {
  const { trainX, trainY, weights } = data;
  const n = trainX.rows;
  const loss = createLoss(task, classes);
  const K = loss.outputs;
  const baseline = loss.baseline(trainY, weights);
  const raw = Array.from({ length: K }, (_, k) => new Float64Array(n).fill(baseline[k]));
  const grad = Array.from({ length: K }, () => new Float64Array(n));
  const hess = Array.from({ length: K }, () => new Float64Array(n));
  const val = data.valX && data.valY ? { binned: binMatrix(mapper, data.valX), y: data.valY, n: data.valX.rows } : null;
  const valRaw = val ? Array.from({ length: K }, (_, k) => new Float64Array(val.n).fill(baseline[k])) : [];
  const settings: GrowSettings = {
    minSamplesLeaf: p.minSamplesLeaf, l2: p.l2Regularization, minHessian: 1e-3, binCounts: mapper.binCounts,
    hasMissing: findMissingFeatures(ws.heap.binned, n, trainX.cols), categorical: mapper.categorical,
    maxLeafNodes: p.maxLeafNodes, maxDepth: p.maxDepth, learningRate: p.learningRate,
  };
  const trees: BoostedTree[][] = [];
  // The training curve reads every step-th row (≤ ~10,000 rows, as sklearn's small train set for scoring).
  const step = Math.max(1, Math.ceil(n / 10_000));
  const trainLoss = [loss.loss(trainY, raw, weights, step)];
  const validationLoss = val ? [loss.loss(val.y, valRaw, undefined)] : [];
  for (let round = 1; round <= p.maxIter; round++) {
    await checkpoint();
    // Unweighted binary log loss: gradients straight into the heap by its SIMD kernel (when it has one).
    const inHeap = task === 'binary' && !weights && ws.heap.loadLogisticGradients(raw[0], trainY);
    if (!inHeap) loss.gradients(trainY, raw, weights, grad, hess);
    const roundTrees = raw.map((rawK, k) => {
      if (!inHeap) loadGradients(ws, grad[k], hess[k]);
      return growTree(ws, mapper, settings, rawK);
    });
    trees.push(roundTrees);
    trainLoss.push(loss.loss(trainY, raw, weights, step));
    const metrics: Record<string, number> = { trainLoss: trainLoss[round] };
    if (val) {
      addTrees(roundTrees, val.binned, val.n, valRaw);
      validationLoss.push(loss.loss(val.y, valRaw, undefined));
      metrics.validationLoss = validationLoss[round];
    }
    ctx.onProgress?.({ iteration: round, total: p.maxIter, metrics });
    if (data.earlyStopping && shouldStopEarly(validationLoss, p.nIterNoChange, p.tol)) break;
    if (ctx.shouldStop?.()) break;
  }
  const roundsRun = trees.length;
  if (data.earlyStopping) trees.length = findBestRound(validationLoss);
  return { baseline, trees, trainLoss, validationLoss, roundsRun };
}

function chooseData(X: FeatureMatrix, y: Float64Array, task: Task, classes: number, p: BoostingSettings, ctx: FitContext) {
  const earlyStopping = p.earlyStopping === 'on' || (p.earlyStopping === 'auto' && (ctx.validation !== undefined || X.rows > 10_000));
  if (ctx.validation || !earlyStopping) {
    return { trainX: X, trainY: y, weights: ctx.sampleWeights, valX: ctx.validation?.X, valY: ctx.validation?.y.values, earlyStopping };
  }
  const split = splitValidationRows(y, task === 'regression' ? 0 : classes, p.validationFraction, ctx.seed);
  const pick = (values: Float64Array, rows: Uint32Array) => Float64Array.from(rows, (i) => values[i]);
  return {
    trainX: selectRows(X, split.train), trainY: pick(y, split.train),
    weights: ctx.sampleWeights ? pick(ctx.sampleWeights, split.train) : undefined,
    valX: selectRows(X, split.validation), valY: pick(y, split.validation), earlyStopping,
  };
}

/** `size` of the n rows, seeded, in increasing order (the bin edges come from ≤ 200,000 rows, as sklearn's). */
function sampleRows(n: number, size: number, seed: number): Uint32Array {
  const all = shuffleInPlace(Uint32Array.from({ length: n }, (_, i) => i), createRandom(seed));
  return all.slice(0, size).sort();
}

/** Adds one round's trees to the running raw predictions of a binned matrix. */
function addTrees(roundTrees: BoostedTree[], binned: Uint8Array, n: number, raw: Float64Array[]): void {
  roundTrees.forEach((tree, k) => {
    const out = raw[k];
    for (let i = 0; i < n; i++) out[i] += tree.value[findLeafBinned(tree, binned, n, i)];
  });
}

/** Rounds to keep: the round with the lowest validation loss (at least one). */
function findBestRound(validationLoss: number[]): number {
  let best = 1;
  for (let round = 2; round < validationLoss.length; round++) if (validationLoss[round] < validationLoss[best]) best = round;
  return best;
}
