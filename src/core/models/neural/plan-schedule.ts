// The network's data-scaled schedule: when batch size or epochs are 'auto', they follow the number of training
// rows, so 150 rows get thousands of optimiser steps (not 50 epochs × 1 batch) and a million rows a few epochs.

import { AUTO } from '../types';
import type { NeuralParams, ScheduledParams } from './params';

/** Optimiser steps an automatic epoch count aims for (Adam at 1e-3 needs a few thousand on small data). */
export const TARGET_STEPS = 3000;
const BATCH_RANGE = { min: 16, max: 256 } as const;
const EPOCH_RANGE = { min: 10, max: 500 } as const;

const clamp = (value: number, range: { min: number; max: number }): number => Math.min(range.max, Math.max(range.min, value));

/** Rows per step for 'auto': a tenth of the training rows, kept within 16–256. */
export function planBatchSize(rows: number): number {
  return clamp(Math.round(rows / 10), BATCH_RANGE);
}

/** Epochs for 'auto': enough for TARGET_STEPS steps at `batchSize`, kept within 10–500. */
export function planEpochs(rows: number, batchSize: number): number {
  const stepsPerEpoch = Math.max(1, Math.ceil(rows / batchSize));
  return clamp(Math.ceil(TARGET_STEPS / stepsPerEpoch), EPOCH_RANGE);
}

/** `params` with 'auto' batch size and epochs replaced by the plan for `rows` training rows (numbers kept as given). */
export function planSchedule(params: NeuralParams, rows: number): ScheduledParams {
  const batchSize = params.batchSize === AUTO ? planBatchSize(rows) : params.batchSize;
  const epochs = params.epochs === AUTO ? planEpochs(rows, batchSize) : params.epochs;
  return { ...params, batchSize, epochs };
}
