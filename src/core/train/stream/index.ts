// Training on data larger than memory: stratified samples drawn in one pass, and fits that read every row chunk by chunk.

export { drawStratifiedSample, type SampleStratum, type SampleTarget, type StratifiedSample } from './draw-stratified-sample';
export { allocateStrata, STRATUM_FLOOR_ROWS } from './allocate-strata';
export { assignRowPart, createRowPartAssigner, hashRowUnit, type RowPart, type StreamedSplit } from './hash-row';
export { prepareStreamed, prepareChunk, type PreparedChunk, type StreamedPreparation } from './prepare-streamed';
export { createChunkCache, scanPreparedChunks, type ChunkCache } from './scan-chunks';
export { fitLinearStreamed } from './fit-linear-streamed';
export { fitLogisticStreamed } from './fit-logistic-streamed';
export { fitNeuralStreamed } from './fit-neural-streamed';
export { scoreStreamed, type StreamedScores } from './score-streamed';
export { fitStreamed, type StreamedFitRequest, type StreamedRun } from './fit-streamed';
export { explainNotStreamable, NOT_STREAMABLE_REASON, STREAMABLE_FAMILIES } from './streamable-families';
export type { StreamFitOptions, StreamProgress, StreamedModelFit, StreamedRows } from './stream-types';
export { assembleStreamedRun } from './assemble-streamed-run';
export { describeRowsSource, noteSampleRows, planStreamedRequests, readStreamedTag, type StreamedTrainRequest, type StreamedTrainTag, type TrainRowsChoice } from './streamed-request';
