import { describe, expect, it } from 'vitest';
import { numericColumn, tableOf } from '../test-support/table-builders';
import { createTestRunStore } from '../test-support/run-store';
import type { TrainRequest } from '../core/train/types';
import { trainingApi } from './training-api';
import { holdTestTable } from '../test-support/held-table';

// Three groups along a (around 1.5, 20 and 40): k = 3 separates them.
const TABLE = tableOf(
  numericColumn('a', [1, 2, 1.5, 20, 21, 19, 40, 41, 39, 2.5, 20.5, 40.5]),
  numericColumn('b', [0, 1, 0.5, 0, 1, 0.5, 0, 1, 0.5, 0.2, 0.2, 0.2]),
);
const PARTS = { train: Uint32Array.of(0, 1, 2, 3, 4, 5, 6, 7, 8), validation: Uint32Array.of(0, 3, 6, 9, 10, 11), folds: [] };
const REQUEST: TrainRequest = {
  id: 'km-1', family: 'kmeans', params: { k: 3 }, seed: 1, steps: [], crossValidate: true, autoPrepare: false, // b is noise: scaling it would blur the groups
  problem: { target: null, task: 'clustering', primaryMetric: 'silhouette', secondaryMetrics: ['davies-bouldin'] },
};

describe('trainingApi on a clustering problem', () => {
  it('trains k-means on the unsupervised path, and a CV fold is skipped', async () => {
    holdTestTable('c1', TABLE);
    const run = await trainingApi.trainRun('c1', PARTS, REQUEST, 'auto', createTestRunStore().store);
    expect({ task: run.task, family: run.family, silhouetteAbove: (run.metrics.validation.silhouette?.value ?? 0) > 0.8, db: run.metrics.validation['davies-bouldin']?.value !== null })
      .toEqual({ task: 'clustering', family: 'kmeans', silhouetteAbove: true, db: true });
    expect(await trainingApi.trainFold('c1', { train: PARTS.train, validation: PARTS.validation }, 0, REQUEST, 'auto')).toBeNull();
  });

  it('picks k with progress after every k and projects validation rows with PCA coloured by k-means', async () => {
    holdTestTable('c1', TABLE);
    const progress: number[] = [];
    const picked = trainingApi.pickK('c1', PARTS.train, REQUEST, (done) => progress.push(done));
    expect({ ks: picked.points.map((p) => p.k), suggested: picked.suggestedK, progress }).toEqual({ ks: [2, 3, 4, 5, 6, 7, 8], suggested: 3, progress: [1, 2, 3, 4, 5, 6, 7] });
    const runs = createTestRunStore();
    const pca = await runs.commit(await trainingApi.trainRun('c1', PARTS, { ...REQUEST, id: 'pca-1', family: 'pca', params: {} }, 'auto', runs.store));
    const kmeans = await runs.commit(await trainingApi.trainRun('c1', PARTS, REQUEST, 'auto', runs.store));
    const projection = await trainingApi.projectStoredRuns('c1', PARTS.validation, pca, kmeans, 1);
    expect({ shown: projection.shown, clusters: new Set(projection.clusters).size, x: projection.x.length }).toEqual({ shown: 6, clusters: 3, x: 6 });
  });
});
