// One Train press planned: the requests it sends (each with its configuration key), which stored runs stand in
// for identical ones, the CV folds it scores, and a run completed with its fold scores.

import type { TrainCellSpec } from '../notebook/types';
import type { ProblemSpec } from '../problem/types';
import type { PipelineStep } from '../transform/step-types';
import { listCandidates } from './list-candidates';
import { describeRunConfigKey, type RunSetting } from './run-config';
import { listProblemMetrics } from './score-model';
import { summarizeFolds } from './summarize-folds';
import type { MetricScores, RunSummary, TrainRequest } from './types';

/** One request per candidate of `spec` for `problem`, each with its configuration key on `setting` (plain JSON copies: $state proxies cannot be cloned). */
export function buildTrainRequests(spec: TrainCellSpec, problem: ProblemSpec, steps: readonly PipelineStep[], createId: () => string, setting: RunSetting): (TrainRequest & { configKey: string })[] {
  const plain = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;
  return listCandidates(problem.task, spec.candidates, spec.tryAll).map((candidate) => {
    const request: TrainRequest = {
      id: createId(),
      family: candidate.family,
      params: plain(candidate.params),
      seed: spec.seed,
      problem: plain(problem),
      steps: plain(steps),
      crossValidate: spec.crossValidate,
      autoPrepare: spec.autoPrepare,
    };
    return { ...request, configKey: describeRunConfigKey(request, setting) };
  });
}

/** For each request, the stored run of the same configuration that stands in for it (undefined: train it). */
export function findReusableRuns<R extends RunSummary>(requests: readonly { configKey: string }[], runs: readonly R[]): (R | undefined)[] {
  const stored = new Map(runs.filter((run) => run.configKey !== undefined && !run.stopped).map((run) => [run.configKey, run]));
  return requests.map((request) => stored.get(request.configKey));
}

/** The CV folds a press scores: the split's folds when cross-validation is on, none for clustering (scored on validation only). */
export function listFoldsToScore<F>(spec: Pick<TrainCellSpec, 'crossValidate'>, problem: Pick<ProblemSpec, 'task'>, folds: readonly F[]): readonly F[] {
  return spec.crossValidate && problem.task !== 'clustering' ? folds : [];
}

/** `run` with the CV summary of the folds that were scored (null entries: skipped after a stop); no folds → cv null. */
export function attachFolds<R extends RunSummary>(run: R, folds: readonly (MetricScores | null)[], problem: ProblemSpec): R {
  if (folds.length === 0) return run;
  const scored = folds.filter((f): f is MetricScores => f !== null);
  return { ...run, metrics: { ...run.metrics, cv: summarizeFolds(scored, folds.length, listProblemMetrics(problem)) } };
}
