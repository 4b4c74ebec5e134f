// Comparing trained runs: the leaderboard and paired tests that say whether a difference between two models
// is real (McNemar on the same rows, paired and corrected resampled t-tests over CV folds).

export * from './comparison-result';
export * from './test-mcnemar';
export * from './test-paired-scores';
export * from './sort-leaderboard';
export { computeStudentTwoSidedP, computeChiSquareSurvival } from '../stats/distribution-tails';
export * from './test-paired-errors';
