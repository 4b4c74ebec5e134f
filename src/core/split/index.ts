// Public surface of core/split: holdout splits, CV folds, and summaries (the seeded PRNG is core/random).

export { splitHoldout } from './split-holdout';
export { makeFolds } from './make-folds';
export { summarizeSplit } from './summarize-split';
export type { PartSummary, SplitIssue, SplitSummary, SummarizeOptions } from './summarize-split';
export * from './split-spec';
export { runSplit, collectSplitBuffers } from './run-split';
export type { SplitRequest, SplitResult } from './run-split';
