// The shapes shared by the streamed fits: how they report progress and stop, and what each returns.

import type { FittedModel, Hyperparameters, TrainingProgress } from '../../models/types';
import type { ChunkCache } from './scan-chunks';

/** Fires after every chunk: which pass over the data (1-based), the chunk done (1-based) of how many. */
export interface StreamProgress {
  stage: 'fit' | 'score';
  pass: number;
  chunk: number;
  chunkCount: number;
  /** Set at the end of an iteration (L-BFGS step, epoch, the linear fit): e.g. { trainLoss, validationLoss }, with its place. */
  metrics?: Record<string, number>;
  /** With `metrics`: the iteration just finished (1-based) of the planned most. */
  iteration?: number;
  total?: number;
}

export interface StreamFitOptions {
  signal?: AbortSignal;
  /** Read between chunks (linear, neural) or iterations (logistic): true ends the fit with the model so far. */
  shouldStop?: () => boolean;
  onProgress?: (progress: StreamProgress) => void;
  cache?: ChunkCache;
}

/** Rows a streamed fit read, by part; `dropped`: rows without a target or with a class the sample lacked. */
export interface StreamedRows {
  train: number;
  validation: number;
  dropped: number;
}

export interface StreamedModelFit {
  model: FittedModel;
  params: Hyperparameters;
  /** Per iteration or epoch, as the in-memory fits record it. */
  curve: TrainingProgress[];
  /** Full passes over the source. */
  passes: number;
  stopped: boolean;
  rows: StreamedRows;
}
