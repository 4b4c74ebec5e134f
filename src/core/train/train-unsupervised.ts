// Trains one clustering candidate (k-means, PCA) on the prepared training rows and returns the same plain
// TrainedRun as the supervised path (task 'clustering'), so it is stored, ranked and reloaded like the others.

import { findFamilyInfo } from '../models/catalog';
import { pcaFamily } from '../models/classic/pca';
import type { FeatureMatrix, FittedModel } from '../models/types';
import type { Table } from '../table/types';
import { describePreparation, fitPrepared } from './fit-prepared';
import { prepareUnsupervisedData } from './prepare-unsupervised-data';
import { scoreClusters } from './score-clusters';
import { listProblemMetrics } from './score-model';
import { pickPlainInfo, pickWarnings } from './train-candidate';
import type { MetricScores, TrainContext, TrainedRun, TrainingParts, TrainRequest } from './types';
import { nowMs } from '../time/now-ms';
import { recordProvenance } from './record-provenance';

const NO_TARGET = { values: new Float64Array(0) };

/** Fits `request` (a clustering family) on `parts.train`, scores its clusters on `parts.validation`; no CV. */
export async function trainUnsupervised(table: Table, parts: TrainingParts, request: TrainRequest, ctx: TrainContext = {}): Promise<TrainedRun> {
  const startedMs = nowMs();
  const data = prepareUnsupervisedData(table, parts, describePreparation(request));
  const prepared = { train: { X: data.train, y: NO_TARGET }, validation: null, fitted: data.fitted, skipped: data.skipped, autoPreparation: data.autoPreparation, contract: data.contract };
  const fit = await fitPrepared(prepared, request, ctx);
  const spectrum = fit.family.capabilities.projects2d ? await computeSpectrum(data.train, request.seed) : undefined;
  return {
    id: request.id,
    family: fit.family.kind,
    label: fit.family.label,
    baseline: false,
    params: fit.params,
    task: 'clustering',
    seed: request.seed,
    primaryMetric: request.problem.primaryMetric,
    metrics: { validation: data.validation ? scoreClustering(fit.model, data.validation, request) : {}, cv: null },
    curve: fit.curve,
    durationMs: nowMs() - startedMs,
    trainedAt: Date.now(),
    stopped: fit.stopped,
    model: fit.model.toJSON(),
    pipeline: data.fitted,
    featureNames: [...data.train.featureNames],
    info: pickPlainInfo(fit.model.info),
    steps: [...request.steps],
    autoPrepare: request.autoPrepare !== false,
    ...(data.autoPreparation ? { autoPreparation: data.autoPreparation } : {}),
    ...(request.configKey ? { configKey: request.configKey } : {}),
    ...pickWarnings(fit.model),
    ...(spectrum ? { spectrum } : {}),
    ...recordProvenance(request, data.fitted),
    inputContract: data.contract,
  };
}

/** Cluster metrics of a model that assigns clusters; for a projection (PCA) every metric says why it is undefined. */
export function scoreClustering(model: FittedModel, X: FeatureMatrix, request: Pick<TrainRequest, 'problem' | 'seed'>): MetricScores {
  const metrics = listProblemMetrics(request.problem);
  const family = findFamilyInfo(model.kind);
  if (family?.capabilities.projects2d) return Object.fromEntries(metrics.map((id) => [id, { value: null, reason: `${family.label} projects rows; it assigns no clusters to score` }]));
  return scoreClusters(X, model.predict(X), metrics, request.seed);
}

/** Explained-variance ratio of every principal component of X (for the bar chart, whatever was kept). */
async function computeSpectrum(X: FeatureMatrix, seed: number): Promise<number[]> {
  const full = await pcaFamily.fit(X, NO_TARGET, { n_components: Math.min(X.rows, X.cols) }, { seed });
  return [...(full.info.explainedVarianceRatio as number[])];
}
