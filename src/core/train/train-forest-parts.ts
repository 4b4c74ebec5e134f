// A random-forest candidate trained across several training workers: each worker prepares the same training
// data and fits one range of trees; one worker then merges the parts in tree order (OOB score after the merge)
// and scores the run. The merged run equals the one-worker run, whatever the number of parts.

import { findModelFamily } from '../models/registry';
import { fitForestTrees, mergeForestTrees, readForestSetup, type ForestTree } from '../models/trees/forest/forest-chunks';
import type { Table } from '../table/types';
import { describePreparation } from './fit-prepared';
import { resolveParams } from './run-config';
import { prepareTrainingData } from './prepare-training-data';
import { createCurveRecorder } from './record-curve';
import { assembleRun } from './train-candidate';
import type { TrainContext, TrainedRun, TrainingParts, TrainRequest } from './types';
import { nowMs } from '../time/now-ms';

/** Trees start … end − 1 of a forest, as fitted by one worker (fewer after a stop request). */
export interface ForestPart {
  start: number;
  end: number;
  trees: ForestTree[];
}

function prepareForest(table: Table, parts: TrainingParts, request: TrainRequest) {
  const family = findModelFamily(request.family);
  const params = resolveParams(family, request.params);
  const data = prepareTrainingData(table, parts, describePreparation(request));
  return { family, params, data, setup: readForestSetup(family.params, data.train.X, data.train.y, params) };
}

/** Fits trees `range.start` … `range.end − 1` of `request`'s forest on the prepared training part; progress per tree (runId tagged; the first part's carries its running OOB score, the others skip that work). */
export async function fitForestPart(table: Table, parts: TrainingParts, request: TrainRequest, range: { start: number; end: number }, ctx: TrainContext = {}): Promise<ForestPart> {
  const { data, setup } = prepareForest(table, parts, request);
  const trees = await fitForestTrees(data.train.X, data.train.y, setup, {
    seed: request.seed,
    signal: ctx.signal,
    ...(data.train.sampleWeights ? { sampleWeights: data.train.sampleWeights } : {}),
    shouldStop: ctx.shouldStop,
    onProgress: (progress) => ctx.onProgress?.({ ...progress, runId: request.id, fold: null }),
  }, range.start, range.end, range.start === 0);
  return { ...range, trees };
}

/** Merges the parts of `request`'s forest into one model and returns its run (curve: the OOB score as trees are added). */
export function mergeForestParts(table: Table, parts: TrainingParts, request: TrainRequest, forestParts: readonly ForestPart[], startedMs = nowMs()): TrainedRun {
  const { family, params, data, setup } = prepareForest(table, parts, request);
  const curve = createCurveRecorder(family.label);
  const model = mergeForestTrees(data.train.X, data.train.y, setup, request.seed, forestParts.map((p) => p.trees), (progress) => curve.record(progress));
  const stopped = forestParts.some((p) => p.trees.length < p.end - p.start);
  return assembleRun(request, data, { model, family, params, curve: curve.read(), stopped }, startedMs);
}
