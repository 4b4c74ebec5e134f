// A run's provenance: the dataset, split and problem the train runner passed in its request, plus the SHA-256 of
// the fitted pipeline's JSON, so a later look (or Reproduce) can tell whether the same preparation came out.

import { computeSha256Hex } from '../export/bundle/sha256';
import type { FittedPipeline } from '../transform/fitted-types';
import type { DatasetArtifact, SplitArtifact } from '../notebook/runtime/artifacts';
import type { ProblemSpec } from '../problem/types';
import type { RunProvenance, TrainRequest, TrainSource } from './types';

/** The SHA-256 hex of `pipeline`'s JSON (the same JSON the run stores). */
export function hashFittedPipeline(pipeline: FittedPipeline): string {
  return computeSha256Hex(new TextEncoder().encode(JSON.stringify(pipeline)));
}

/** `{ provenance }` for a run of `request` fitted to `pipeline`, or nothing when the request carries no source. */
export function recordProvenance(request: TrainRequest, pipeline: FittedPipeline): { provenance?: RunProvenance } {
  return request.provenance ? { provenance: { ...request.provenance, pipelineHash: hashFittedPipeline(pipeline) } } : {};
}

/**
 * What a Train press records of its inputs: the dataset's facts, the split's request and sizes, the problem; null
 * when the split carries no request (an output saved before it did). Plain JSON copies: specs may be $state proxies.
 */
export function describeTrainSource(dataset: DatasetArtifact, split: SplitArtifact, problem: ProblemSpec): TrainSource | null {
  if (!split.request) return null;
  const plain = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;
  return {
    dataset: { contentHash: dataset.contentHash ?? '', name: dataset.name, rowCount: dataset.rowCount, columns: dataset.columns.map((c) => ({ name: c.name, kind: c.kind })) },
    split: { key: split.key, request: plain(split.request), trainRows: split.train.length, validationRows: split.validation.length },
    problem: plain(problem),
  };
}
