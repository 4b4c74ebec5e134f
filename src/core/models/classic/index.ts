// The classic model families (TypeScript on typed arrays): baselines, linear and logistic regression, kNN,
// naive Bayes, k-means and PCA, plus the helpers the UI uses to pick k and draw the PCA projection.

import type { ModelFamily } from '../types';
import { classPriorFamily, meanFamily, medianFamily, mostFrequentFamily } from './baselines';
import { kmeansFamily } from './kmeans';
import { knnFamily } from './knn';
import { linearRegressionFamily } from './linear-regression';
import { logisticRegressionFamily } from './logistic-regression';
import { naiveBayesFamily } from './naive-bayes';
import { pcaFamily } from './pca';

export { computeElbow, computeSilhouette, SILHOUETTE_EXACT_ROWS, type ElbowPoint, type SilhouetteResult } from './cluster-quality';
export { projectWithPca, type PcaModel } from './pca';

/** Every classic family, in the order the Train cell lists them. */
export const CLASSIC_FAMILIES: ModelFamily[] = [
  mostFrequentFamily,
  classPriorFamily,
  meanFamily,
  medianFamily,
  linearRegressionFamily,
  logisticRegressionFamily,
  knnFamily,
  naiveBayesFamily,
  kmeansFamily,
  pcaFamily,
];
