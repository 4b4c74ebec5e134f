// Public surface of core/train: leakage-safe training data, one candidate's fit + scores + CV, ranking, and the
// clustering path (k-means / PCA runs, cluster metrics, pick k, 2-D projection).

export * from './types';
export { prepareTrainingData, readSupervisedProblem, type TrainingData } from './prepare-training-data';
export { scoreModel, listProblemMetrics, findPositiveClass } from './score-model';
export { scoreFold, summarizeFolds, crossValidate } from './cross-validate';
export { resolveParams } from './run-config';
export { trainCandidate, trainOnTrainingPart } from './train-candidate';
export { rankRuns, readRankValue } from './rank-runs';
export { flagRuns, findRunsWorseThanBaseline } from './flag-runs';
export { listCandidates } from './list-candidates';
export { rescoreRun } from './rescore-run';
export { trainUnsupervised, scoreClustering } from './train-unsupervised';
export { prepareUnsupervisedData, type UnsupervisedData } from './prepare-unsupervised-data';
export { computeDaviesBouldin } from './davies-bouldin';
export { scoreClusters, SILHOUETTE_SAMPLE_ROWS } from './score-clusters';
export { computePickK, suggestK, PICK_K_DEFAULTS, type PickKPoint, type PickKResult, type PickKOptions } from './pick-k';
export { projectRuns, type RunProjection } from './project-runs';
export { fitForestPart, mergeForestParts, type ForestPart } from './train-forest-parts';
export { listForestPartBuffers } from './forest-part-buffers';
export { planForestParts, splitTreeRanges } from './plan-forest-parts';
export { splitRun, joinRun } from './split-run';
