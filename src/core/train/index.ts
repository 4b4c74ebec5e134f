// Public surface of core/train: leakage-safe training data, one candidate's fit + scores + CV, ranking.

export * from './types';
export { prepareTrainingData, readSupervisedProblem, type TrainingData } from './prepare-training-data';
export { scoreModel, listProblemMetrics, findPositiveClass } from './score-model';
export { scoreFold, summarizeFolds, crossValidate } from './cross-validate';
export { resolveParams } from './fit-prepared';
export { trainCandidate, trainOnTrainingPart } from './train-candidate';
export { rankRuns, readRankValue } from './rank-runs';
export { listCandidates } from './list-candidates';
export { rescoreRun } from './rescore-run';
