// How much memory a training job will take, estimated before it starts: the feature matrices (rows × features × 8,
// raw and prepared) and the model — trees × nodes (bounded by 2^depth and by rows ÷ rows per leaf) × bytes per node
// for tree ensembles, the training rows for k-nearest neighbours. checkTrainingBudget refuses what would not fit.

import { DataError } from '../errors';
import type { Hyperparameters } from '../models/types';
import { formatBytes, formatRows } from './memory-budget';

/** A training job as the estimate sees it; `params` are resolved (the family's defaults filled in). */
export interface TrainingShape {
  readonly family: string;
  readonly label: string;
  readonly params: Hyperparameters;
  readonly rows: number;
  /** Rows scored after the fit (validation). */
  readonly scoredRows: number;
  readonly features: number;
  /** Classes of a classification target (2 for binary), else 1. */
  readonly outputs: number;
}

export interface TrainingEstimate {
  readonly bytes: number;
  readonly dataBytes: number;
  readonly modelBytes: number;
  /** Tree ensembles: trees and the bound on nodes per tree; 0 for other families. */
  readonly trees: number;
  readonly nodesPerTree: number;
  readonly nodeBytes: number;
}

/** Bytes of one tree node: feature (4), threshold (8), children (4 + 4), cover (8) and the leaf values (8 each), twice: typed arrays while fitting, plain arrays in the run's JSON. */
function measureNode(values: number): number {
  return 2 * (28 + 8 * values);
}

/** The estimate of `shape` (see the module comment); every term is an upper bound the fit can stay under. */
export function estimateTrainingBytes(shape: TrainingShape): TrainingEstimate {
  const { params: p, rows, scoredRows, features, outputs } = shape;
  const num = (name: string, fallback: number) => (typeof p[name] === 'number' ? (p[name] as number) : fallback);
  const dataBytes = (rows + scoredRows) * features * 8 * 2;
  const none = { trees: 0, nodesPerTree: 0, nodeBytes: 0 };
  const withModel = (modelBytes: number, trees = none) => ({ bytes: dataBytes + modelBytes, dataBytes, modelBytes, ...trees });
  switch (shape.family) {
    case 'decision_tree':
    case 'random_forest': {
      const trees = shape.family === 'random_forest' ? num('nEstimators', 100) : 1;
      const inBag = shape.family === 'random_forest' && p.bootstrap !== false ? Math.ceil(0.632 * rows) : rows;
      const nodesPerTree = boundNodes(inBag, num('minSamplesLeaf', 1), num('maxDepth', 0), Infinity);
      const nodeBytes = measureNode(outputs);
      return withModel(trees * nodesPerTree * nodeBytes, { trees, nodesPerTree, nodeBytes });
    }
    case 'gradient_boosting': {
      const perRound = outputs > 2 ? outputs : 1;
      const trees = num('maxIter', 100) * perRound;
      const nodesPerTree = boundNodes(rows, num('minSamplesLeaf', 20), num('maxDepth', 0), num('maxLeafNodes', 31));
      const nodeBytes = measureNode(1);
      // Binned features (1 byte a cell), gradients and hessians, raw scores.
      const working = rows * features + rows * perRound * 8 * 3;
      return withModel(trees * nodesPerTree * nodeBytes + working, { trees, nodesPerTree, nodeBytes });
    }
    case 'knn':
      return withModel(rows * (features * 8 + 4)); // the training rows, kept, and the k-d tree's row order
    case 'neural_network':
      return withModel(rows * features * 4 * 2); // float32 tensors of the rows and of each epoch's shuffled copy
    default:
      return withModel(0);
  }
}

/** Nodes of one tree: at most 2^(depth+1) − 1 for a depth, 2 × leaves − 1 for leaves, and a leaf holds ≥ minLeaf rows. */
function boundNodes(rows: number, minLeaf: number, maxDepth: number, maxLeaves: number): number {
  const leaves = Math.min(Math.max(1, Math.ceil(rows / Math.max(1, minLeaf))), maxLeaves, maxDepth > 0 ? 2 ** maxDepth : Infinity);
  return 2 * leaves - 1;
}

/**
 * Throws a DataError when `shape`'s estimate is over `budgetBytes`: how much it would need, the budget, and what fits
 * (a lower Max depth, fewer trees or rounds, a sample of the training rows).
 */
export function checkTrainingBudget(shape: TrainingShape, budgetBytes: number): void {
  const estimate = estimateTrainingBytes(shape);
  if (estimate.bytes <= budgetBytes) return;
  const { trees, nodesPerTree, nodeBytes, dataBytes } = estimate;
  const shapeText = `${formatRows(shape.rows)} training rows × ${shape.features.toLocaleString('en-US')} features${trees > 0 ? `; ${trees.toLocaleString('en-US')} ${trees === 1 ? 'tree' : 'trees'} of up to ${formatRows(nodesPerTree)} nodes` : ''}`;
  const options: string[] = [];
  const available = budgetBytes - dataBytes;
  if (trees > 0 && available > 0) {
    const depth = Math.floor(Math.log2(available / (trees * nodeBytes) + 1)) - 1;
    if (depth >= 1 && shape.family !== 'gradient_boosting') options.push(`Max depth ≤ ${depth}`);
    const treesFit = Math.floor(available / (nodesPerTree * nodeBytes));
    const perRound = shape.family === 'gradient_boosting' && shape.outputs > 2 ? shape.outputs : 1;
    if (treesFit >= perRound) options.push(shape.family === 'gradient_boosting' ? `at most ${Math.floor(treesFit / perRound).toLocaleString('en-US')} boosting rounds` : `at most ${treesFit.toLocaleString('en-US')} trees`);
  }
  const rowsFit = Math.floor((shape.rows * budgetBytes) / estimate.bytes);
  if (rowsFit > 0) options.push(`a sample of ${formatRows(rowsFit)} training rows`);
  const fits = options.length > 0 ? ` What fits: ${options.join(', or ')}.` : '';
  throw new DataError(`Training ${shape.label} would need about ${formatBytes(estimate.bytes)} of memory (${shapeText}), more than this tab's budget of ${formatBytes(budgetBytes)}.${fits}`);
}
