// Public surface of core/transform: the leakage-safe feature pipeline.

export { fitPipeline, fitPipelineWithTraining, transformTable } from './pipeline';
export type { FitResult, TransformResult } from './pipeline';
export * from './fitted-types';
export * from './step-types';
export { takeRows } from './take-rows';
export { encodeNumber, decodeNumber } from './json-number';
export type { JsonNumber } from './json-number';
export { previewPipeline } from './preview-pipeline';
export type { PipelinePreview } from './preview-pipeline';
