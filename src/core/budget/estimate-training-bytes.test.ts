import { describe, expect, it } from 'vitest';
import { categoricalColumn, numericColumn, tableOf, textColumn } from '../../test-support/table-builders';
import type { TrainRequest } from '../train/types';
import { describeTrainingJob } from './describe-training-job';
import { checkTrainingBudget, estimateTrainingBytes, type TrainingShape } from './estimate-training-bytes';

const GIB = 1024 ** 3;

const FOREST: TrainingShape = {
  family: 'random_forest', label: 'random forest', rows: 1_000_000, scoredRows: 250_000, features: 40, outputs: 2,
  params: { nEstimators: 100, bootstrap: true, maxDepth: 0, minSamplesLeaf: 1 },
};

function refusalOf(shape: TrainingShape, budgetBytes: number): string {
  try {
    checkTrainingBudget(shape, budgetBytes);
  } catch (error) {
    return `${(error as Error).name}: ${(error as Error).message}`;
  }
  throw new Error('accepted');
}

describe('estimateTrainingBytes', () => {
  it('a forest: rows × features × 16 for the matrices, and trees × nodes (2 × in-bag rows − 1) × 88 bytes', () => {
    // 1,250,000 × 40 × 16 = 800,000,000; in bag 632,000 rows → 1,263,999 nodes; 100 × 1,263,999 × 2 × (28 + 8 × 2).
    expect(estimateTrainingBytes(FOREST)).toEqual({ dataBytes: 800_000_000, modelBytes: 11_123_191_200, bytes: 11_923_191_200, trees: 100, nodesPerTree: 1_263_999, nodeBytes: 88 });
  });

  it('depth and rows per leaf bound the nodes; without bootstrap every row is in bag', () => {
    expect(estimateTrainingBytes({ ...FOREST, params: { ...FOREST.params, maxDepth: 10 } }).nodesPerTree).toBe(2 ** 11 - 1);
    expect(estimateTrainingBytes({ ...FOREST, params: { ...FOREST.params, minSamplesLeaf: 100 } }).nodesPerTree).toBe(2 * 6_320 - 1);
    expect(estimateTrainingBytes({ ...FOREST, params: { ...FOREST.params, bootstrap: false } }).nodesPerTree).toBe(1_999_999);
  });

  it('boosting: rounds × classes trees of at most 2 × leaves − 1 nodes, plus binned rows and gradients', () => {
    const shape: TrainingShape = { family: 'gradient_boosting', label: 'gradient boosting', rows: 1000, scoredRows: 0, features: 10, outputs: 5, params: { maxIter: 100, maxLeafNodes: 31, maxDepth: 0, minSamplesLeaf: 20 } };
    // 500 trees × 61 nodes × 2 × (28 + 8); 1000 × 10 binned bytes + 1000 × 5 × 24 bytes of gradients, hessians and scores.
    expect(estimateTrainingBytes(shape)).toEqual({ dataBytes: 160_000, modelBytes: 500 * 61 * 72 + 10_000 + 120_000, bytes: 160_000 + 2_326_000, trees: 500, nodesPerTree: 61, nodeBytes: 72 });
  });

  it('k-nearest neighbours keep their training rows; linear models only the matrices', () => {
    const base = { label: 'x', rows: 1000, scoredRows: 0, features: 10, outputs: 2, params: {} };
    expect(estimateTrainingBytes({ ...base, family: 'knn' }).modelBytes).toBe(1000 * 84);
    expect(estimateTrainingBytes({ ...base, family: 'logistic_regression' })).toMatchObject({ modelBytes: 0, bytes: 160_000, trees: 0 });
  });
});

describe('checkTrainingBudget', () => {
  it('refuses a forest over the budget, naming what fits: a depth, fewer trees, a sample', () => {
    // Available for trees: 4 GiB − 800,000,000 = 3,494,967,296 bytes: depth 17 (262,143 nodes × 100 trees × 88 = 2.3 GB),
    // 31 trees of 1,263,999 nodes, or 1,000,000 × 4 GiB ÷ 11,923,191,200 = 360,219 rows.
    expect(refusalOf(FOREST, 4 * GIB)).toBe(
      'DataError: Training random forest would need about 11.1 GB of memory (1.0 M training rows × 40 features; 100 trees of up to 1.3 M nodes), ' +
        'more than this tab\'s budget of 4.0 GB. What fits: Max depth ≤ 17, or at most 31 trees, or a sample of 360,219 training rows.',
    );
  });

  it('refuses boosting by rounds, not depth', () => {
    const shape: TrainingShape = { family: 'gradient_boosting', label: 'gradient boosting', rows: 2_000_000, scoredRows: 0, features: 50, outputs: 10, params: { maxIter: 5000, maxLeafNodes: 1024, maxDepth: 0, minSamplesLeaf: 20 } };
    // 50,000 trees × 2,047 nodes × 72 + 580,000,000 working bytes + 1,600,000,000 of matrices = 9,549,200,000 bytes; the
    // 2,694,967,296 left for trees hold 18,285 trees: 1,828 rounds of 10 classes. With 1 GiB the matrices alone are over.
    expect(refusalOf(shape, 4 * GIB)).toBe(
      'DataError: Training gradient boosting would need about 8.9 GB of memory (2.0 M training rows × 50 features; 50,000 trees of up to 2,047 nodes), ' +
        'more than this tab\'s budget of 4.0 GB. What fits: at most 1,828 boosting rounds, or a sample of 899,544 training rows.',
    );
    expect(refusalOf(shape, GIB)).toMatch(/What fits: a sample of 224,886 training rows\.$/);
  });

  it('a job within the budget passes, and the budget is all that decides', () => {
    expect(() => checkTrainingBudget({ ...FOREST, rows: 100_000, scoredRows: 20_000 }, 4 * GIB)).not.toThrow();
    expect(() => checkTrainingBudget(FOREST, 12 * GIB)).not.toThrow();
  });
});

describe('describeTrainingJob', () => {
  it('counts features per column as preparation may make them, the classes of the target, and fills in default parameters', () => {
    const table = tableOf(
      numericColumn('x', [1, 2, 3, 4]),
      categoricalColumn('few', ['a', 'b', 'c', 'a']),
      categoricalColumn('many', Array.from({ length: 4 }, (_, i) => `v${i}`)),
      textColumn('note', ['p', 'q', 'r', 's']),
      { kind: 'datetime', name: 'when', values: Float64Array.from([0, 1, 2, 3]) },
      categoricalColumn('__proto__', ['x', 'y', 'z', 'x']),
    );
    const request = { id: 'r', family: 'random_forest', params: { nEstimators: 7 }, seed: 0, steps: [], crossValidate: false, problem: { target: '__proto__', task: 'multiclass', primaryMetric: 'accuracy', secondaryMetrics: [] } } as TrainRequest;
    const shape = describeTrainingJob(table, { train: Uint32Array.of(0, 1, 2), validation: Uint32Array.of(3), folds: [] }, request);
    expect({ ...shape, params: { nEstimators: shape.params.nEstimators, maxDepth: shape.params.maxDepth } }).toEqual({
      family: 'random_forest', label: 'random forest', rows: 3, scoredRows: 1, features: 1 + 3 + 4 + 5, outputs: 3, params: { nEstimators: 7, maxDepth: 0 },
    });
  });
});
