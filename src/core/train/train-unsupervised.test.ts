import { describe, expect, it } from 'vitest';
import { categoricalColumn, numericColumn, tableOf } from '../../test-support/table-builders';
import { loadModel } from '../models/registry';
import type { ProblemSpec } from '../problem/types';
import type { PipelineStep } from '../transform/step-types';
import { computePickK, suggestK } from './pick-k';
import { prepareUnsupervisedData } from './prepare-unsupervised-data';
import { projectRuns } from './project-runs';
import { rescoreRun } from './rescore-run';
import { scoreClusters } from './score-clusters';
import { trainUnsupervised } from './train-unsupervised';
import type { TrainRequest } from './types';

const PROBLEM: ProblemSpec = { target: null, task: 'clustering', primaryMetric: 'silhouette', secondaryMetrics: ['davies-bouldin'] };
// Three tight groups around (0, 0), (10, 0) and (0, 10); row 2 misses a, so the imputer's fill matters.
const A = [0, 1, null, 10, 11, 10, 0, 1, 0, 0.5, 10.5, 0.5];
const B = [0, 0, 1, 0, 1, 1, 10, 10, 11, 0.5, 0.5, 10.5];
const TABLE = tableOf(numericColumn('a', A), numericColumn('b', B), categoricalColumn('tag', ['p', 'q', 'p', 'q', 'p', 'q', 'p', 'q', 'p', 'q', 'p', 'q']));
const STEPS: PipelineStep[] = [{ kind: 'impute', id: 'i1', columns: ['a'], strategy: 'median' }];
const PARTS = { train: Uint32Array.of(0, 1, 2, 3, 4, 5, 6, 7, 8), validation: Uint32Array.of(9, 10, 11), folds: [] };

function requestFor(family: string, params = {}): TrainRequest {
  return { id: `run-${family}`, family, params, seed: 3, problem: PROBLEM, steps: STEPS, crossValidate: false, autoPrepare: false };
}

describe('prepareUnsupervisedData', () => {
  it('fits the pipeline on training rows, keeps numeric features and names the skipped categorical column', () => {
    const data = prepareUnsupervisedData(TABLE, PARTS, { steps: STEPS, problem: PROBLEM, needs: null });
    expect({ names: data.train.featureNames, rows: data.train.rows, row2: [...data.train.values.subarray(4, 6)], validation: data.validation?.rows, skipped: data.skipped }).toEqual({
      names: ['a', 'b'], rows: 9, row2: [1, 1], validation: 3,
      skipped: [{ column: 'tag', reason: 'category codes are no distances; one-hot encode it in the Prepare cell' }],
    });
  });

  it('refuses a supervised problem', () => {
    expect(() => prepareUnsupervisedData(TABLE, PARTS, { steps: STEPS, problem: { ...PROBLEM, task: 'binary', target: 'tag' }, needs: null })).toThrow('This path fits clustering models; the Problem cell says binary.');
  });
});

describe('trainUnsupervised', () => {
  it('k-means stopped by its iteration cap: the run carries the not-converged warning', async () => {
    const capped = await trainUnsupervised(TABLE, PARTS, requestFor('kmeans', { k: 3, n_init: 1, max_iter: 1 }));
    expect(capped.warnings?.map((w) => w.code)).toEqual(['not-converged']);
  });

  it('k-means: a plain clustering run scored on validation with silhouette and Davies–Bouldin', async () => {
    const run = await trainUnsupervised(TABLE, PARTS, requestFor('kmeans', { k: 3 }));
    const validationX = { values: Float64Array.of(0.5, 0.5, 10.5, 0.5, 0.5, 10.5), rows: 3, cols: 2, featureNames: ['a', 'b'] };
    // Each validation row is its own cluster: 3 clusters on 3 rows, so the silhouette is undefined.
    expect({ ...run, durationMs: 0, trainedAt: 0, model: null, pipeline: null, inputContract: run.inputContract?.columns.map((c) => c.name), curve: run.curve.length, info: Object.keys(run.info) }).toEqual({
      id: 'run-kmeans', family: 'kmeans', label: 'k-means', baseline: false, params: { k: 3, n_init: 10, max_iter: 300, tol: 1e-4 },
      task: 'clustering', seed: 3, primaryMetric: 'silhouette',
      metrics: { validation: scoreClusters(validationX, loadModel(run.model).predict(validationX), ['silhouette', 'davies-bouldin'], 3), cv: null },
      curve: 10, durationMs: 0, trainedAt: 0, stopped: false, model: null, pipeline: null, inputContract: ['a', 'b'], featureNames: ['a', 'b'], info: ['inertia', 'iterations'], steps: STEPS, autoPrepare: false,
    });
    expect(run.metrics.validation.silhouette).toEqual({ value: null, reason: 'silhouette needs 2 to 2 clusters; got 3' });
    expect(JSON.parse(JSON.stringify(run))).toEqual({ ...run, model: JSON.parse(JSON.stringify(run.model)) });
  });

  it('k = 2 (the upper group against the lower two) scores what rescoreRun scores again from the stored JSON', async () => {
    const run = await trainUnsupervised(TABLE, { ...PARTS, validation: Uint32Array.of(0, 3, 6, 7, 9, 10) }, requestFor('kmeans', { k: 2 }));
    expect(run.metrics.validation.silhouette?.value).toBeGreaterThan(0.5);
    expect(rescoreRun(TABLE, Uint32Array.of(0, 3, 6, 7, 9, 10), structuredClone(run), PROBLEM)).toEqual(run.metrics.validation);
  });

  it('PCA: stores the whole spectrum, and its metrics say why they are undefined', async () => {
    const run = await trainUnsupervised(TABLE, PARTS, requestFor('pca', { n_components: 1 }));
    const reason = 'Principal component analysis projects rows; it assigns no clusters to score';
    expect({ metrics: run.metrics.validation, spectrum: run.spectrum?.length, sum: run.spectrum?.reduce((a, b) => a + b, 0).toFixed(12) }).toEqual({
      metrics: { silhouette: { value: null, reason }, 'davies-bouldin': { value: null, reason } }, spectrum: 2, sum: (1).toFixed(12),
    });
  });
});

describe('computePickK', () => {
  it('elbow and silhouette for k = 2..4 on three groups: the silhouette suggests 3, inertia falls', () => {
    const X = prepareUnsupervisedData(TABLE, { train: Uint32Array.from({ length: 12 }, (_, i) => i), validation: new Uint32Array(0) }, { steps: STEPS, problem: PROBLEM, needs: null }).train;
    const progress: string[] = [];
    const result = computePickK(X, { kMin: 2, kMax: 4, restarts: 3, maxIter: 100, seed: 1 }, (done, total) => progress.push(`${done}/${total}`));
    expect({ ks: result.points.map((p) => p.k), suggested: result.suggestedK, falling: result.points.every((p, i, a) => i === 0 || p.inertia < a[i - 1].inertia), progress, rows: [result.silhouetteRows, result.rows] })
      .toEqual({ ks: [2, 3, 4], suggested: 3, falling: true, progress: ['1/3', '2/3', '3/3'], rows: [12, 12] });
  });

  it('suggests the first of equal silhouettes and nothing when none is defined', () => {
    expect(suggestK([{ k: 2, inertia: 9, silhouette: 0.5 }, { k: 3, inertia: 4, silhouette: 0.5 }, { k: 4, inertia: 3, silhouette: 0.1 }])).toBe(2);
    expect(suggestK([{ k: 2, inertia: 1, silhouette: null, reason: 'x' }])).toBeNull();
  });
});

describe('projectRuns', () => {
  it('projects validation rows with PCA and colours them by the k-means run', async () => {
    const pca = await trainUnsupervised(TABLE, PARTS, requestFor('pca'));
    const kmeans = await trainUnsupervised(TABLE, PARTS, requestFor('kmeans', { k: 3 }));
    const projection = projectRuns(TABLE, Uint32Array.of(9, 10, 11, 2), pca, kmeans, 1);
    const clusters = loadModel(kmeans.model).predict({ values: Float64Array.of(0.5, 0.5, 10.5, 0.5, 0.5, 10.5, 1, 1), rows: 4, cols: 2, featureNames: ['a', 'b'] });
    expect({ shown: projection.shown, placed: projection.placed, clusters: projection.clusters, distinct: new Set(projection.clusters).size }).toEqual({ shown: 4, placed: 4, clusters, distinct: 3 });
  });
});
