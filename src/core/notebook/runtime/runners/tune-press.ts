// The parts of a Tune press its searches share: the setup (rows, folds, objective, the search's key), the budget
// watch (a stop press or the spent time budget cancels the trials in flight), one trial trained through the port as
// a tagged run, and "use best"'s final model.

import { isAbortError, ModelSpecError, TuneError } from '../../../errors';
import { findFamilyInfo } from '../../../models/catalog';
import type { FamilyInfo } from '../../../models/types';
import { METRICS } from '../../../problem/metrics';
import { deriveSeed } from '../../../random/prng';
import { makeKFolds } from '../../../split/make-folds';
import { nowMs } from '../../../time/now-ms';
import { scheduleAt } from '../../../time/schedule-at';
import { describeTrainSource } from '../../../train/record-provenance';
import type { RunSummary, TrainingParts, TrainRequest, TrialTag } from '../../../train/types';
import type { OutOfFoldPool } from '../../../tune/ensemble/keep-best-out-of-fold';
import { chooseBudgetBy, cutTrialParts, joinRows, scaleTrialParams } from '../../../tune/plan-trial';
import type { PlannedTrial, TrialResult } from '../../../tune/run-search';
import { buildSearchSpace, describeSpaceKey } from '../../../tune/search-space';
import { readObjective, type TuneOutput, type TuneTrial } from '../../../tune/tune-output';
import { toLoss, type SearchSpace } from '../../../tune/types';
import type { CellInputs } from '../artifacts';
import type { CandidateOutcome } from '../compute-port';
import type { RunContext } from '../runner';
import { requireInput } from '../runner';
import type { TuneCellSpec } from '../../types';

/** Folds a CV search makes itself when the Split has none. */
const OWN_FOLDS = 5;

/** What every trial of a press shares: the rows, the problem, the objective, the search's key. */
export interface SearchSetup {
  readonly datasetKey: string;
  readonly parts: TrainingParts;
  readonly problem: TrainRequest['problem'];
  readonly steps: TrainRequest['steps'];
  readonly provenance: TrainRequest['provenance'] | null;
  readonly metric: TuneOutput['metric'];
  readonly direction: TuneOutput['direction'];
  readonly objective: 'cv' | 'validation';
  readonly family: FamilyInfo | null;
  readonly space: SearchSpace | null;
  readonly budgetBy: 'rows' | 'iterations';
  readonly searchKey: string;
  readonly notes: string[];
  readonly spec: TuneCellSpec;
  /** Input columns besides the target (which families suit the data). */
  readonly columns: number;
  /** The automatic mode blends its best trials: every trial keeps its out-of-fold predictions (CV objective only). */
  readonly ensemble: boolean;
}

export interface SearchResult {
  readonly trials: TuneTrial[];
  readonly runs: Map<string, RunSummary>;
  readonly complete: boolean;
  readonly elapsedMs: number;
  readonly notes: string[];
  /** The best trials' out-of-fold predictions (automatic mode with an ensemble). */
  readonly pool?: OutOfFoldPool;
}

export function prepareSearch(spec: TuneCellSpec, inputs: CellInputs): SearchSetup {
  const dataset = requireInput(inputs, 'dataset');
  const split = requireInput(inputs, 'split');
  const problem = plain(requireInput(inputs, 'problem'));
  const steps = plain(inputs.pipeline?.steps ?? []);
  const notes: string[] = [];
  // Without the Split's folds, a CV search makes its own: plain k-fold over the training rows (seeded). Many trials
  // judged on one small validation part overfit it; the folds keep the validation part a fair check afterwards.
  const ownFolds = spec.objective === 'cv' && split.folds.length === 0 && split.train.length >= OWN_FOLDS * 10;
  const folds = ownFolds ? makeKFolds(split.train, OWN_FOLDS, spec.seed) : split.folds;
  const objective = spec.objective === 'cv' && folds.length > 0 ? 'cv' : 'validation';
  if (ownFolds) notes.push(`The Split cell has no CV folds, so the search cross-validates on ${OWN_FOLDS} random folds of the training rows it made itself (seed ${spec.seed}); add folds there (stratified, grouped or by time) to choose them.`);
  else if (spec.objective === 'cv' && objective === 'validation') notes.push(`The training part has too few rows for ${OWN_FOLDS} folds, so the search reads the validation rows.`);
  const ensemble = spec.mode === 'auto' && spec.ensemble && objective === 'cv';
  if (spec.mode === 'auto' && spec.ensemble && !ensemble) notes.push('The ensemble needs CV folds: it blends the trials’ out-of-fold predictions. Add folds in the Split cell and pick the CV objective to build one.');
  const family = spec.mode === 'family' ? findFamilyInfo(spec.family) ?? null : null;
  if (spec.mode === 'family' && !family) throw new ModelSpecError(`There is no model family "${spec.family}": pick one in the list.`);
  const space = family ? buildSearchSpace(family, spec.space) : null;
  const budgetBy = family ? chooseBudgetBy(family) : 'rows';
  const searchFacts = spec.mode === 'family'
    ? { mode: spec.mode, space: space ? describeSpaceKey(space) : null, strategy: spec.strategy, gridSteps: spec.strategy === 'grid' ? spec.gridSteps : null, halving: spec.halving }
    : { mode: spec.mode, ...(ensemble ? { ensemble } : {}) };
  const searchKey = JSON.stringify({ ...searchFacts, objective, ownFolds, seed: spec.seed, autoPrepare: spec.autoPrepare, split: split.key, problem, steps });
  return {
    datasetKey: dataset.key, parts: { train: split.train, validation: split.validation, folds: objective === 'cv' ? folds : [] }, problem, steps,
    provenance: describeTrainSource(dataset, split, problem), metric: problem.primaryMetric, direction: METRICS[problem.primaryMetric].direction,
    objective, family, space, budgetBy, searchKey, notes, spec, columns: Math.max(1, dataset.columns.length - 1), ensemble,
  };
}

/** Stop starting trials, and stop running ones, at a stop press or when the time budget is spent. */
export function watchBudget(context: RunContext<TuneOutput>, budgetSeconds: number, startedMs: number) {
  const trialStop = new AbortController();
  const deadlineMs = budgetSeconds > 0 ? startedMs + budgetSeconds * 1000 : null;
  let budgetSpent = false;
  const cancelTimer = deadlineMs === null ? () => {} : scheduleAt(deadlineMs, () => {
    budgetSpent = true;
    trialStop.abort();
  });
  let disposed = false;
  context.stop.addEventListener('abort', () => disposed || trialStop.abort(), { once: true });
  return {
    trialStop: trialStop.signal,
    deadlineMs,
    shouldStop: () => trialStop.signal.aborted || context.signal.aborted,
    budgetSpent: () => budgetSpent,
    dispose: () => {
      disposed = true;
      cancelTimer();
    },
  };
}

/** Trains one planned trial of `family` through the port, as a run of this cell tagged with the search. */
export async function trainTrial(family: FamilyInfo, trial: PlannedTrial, setup: SearchSetup, context: RunContext<TuneOutput>, stop: AbortSignal, runs: Map<string, RunSummary>, pool?: OutOfFoldPool): Promise<TuneTrial> {
  const budgetBy = setup.spec.mode === 'family' ? setup.budgetBy : 'rows';
  const tag: TrialTag = { searchKey: setup.searchKey, index: trial.index, config: trial.params, budget: trial.budget, rung: trial.rung, objective: setup.objective, budgetBy };
  const request: TrainRequest = {
    id: crypto.randomUUID(), family: family.kind, params: scaleTrialParams(family, trial.params, trial.budget), seed: setup.spec.seed, problem: setup.problem,
    steps: setup.steps, crossValidate: setup.objective === 'cv', autoPrepare: setup.spec.autoPrepare, trial: tag, ...(setup.provenance ? { provenance: setup.provenance } : {}),
    ...(pool ? { keepFoldPredictions: true } : {}),
  };
  const parts = cutTrialParts(setup.parts, trial.budget, budgetBy, deriveSeed(setup.spec.seed, 1000 + trial.rung));
  const startedMs = nowMs();
  const base = { ...trial, family: family.kind, durationMs: 0 };
  let outcome: CandidateOutcome | undefined;
  try {
    const linked = linkSignals(context.signal, stop);
    try {
      [outcome] = await context.compute.trainCandidates({ cellId: context.cellId, datasetKey: setup.datasetKey, parts, requests: [request], backend: 'auto' }, { signal: linked.signal });
    } finally {
      linked.dispose();
    }
  } catch (error) {
    // A trial cut off by a stop or the budget (not the cell's cancel) ends the search with what finished.
    if (!isAbortError(error) || context.signal.aborted) throw error;
  }
  base.durationMs = nowMs() - startedMs;
  if (!outcome || outcome.status === 'cancelled') return { ...base, status: 'stopped', value: null, loss: null, runId: null };
  if (outcome.status === 'error') return { ...base, status: 'error', value: null, loss: null, runId: null, error: outcome.error };
  runs.set(outcome.run.id, outcome.run);
  const value = outcome.status === 'stopped' ? null : readObjective(outcome.run, setup.metric, setup.objective);
  const result: TuneTrial = { ...base, status: outcome.status, value, loss: value === null ? null : toLoss(value, setup.direction), runId: outcome.run.id, durationMs: outcome.run.durationMs };
  if (pool && outcome.outOfFold) pool.offer(result, outcome.outOfFold);
  return result;
}

/** "Use best": the best configuration refit at the full budget on `rows` (a stored final model of the same search and rows is reused). */
export async function trainFinal(rows: 'train' | 'train+validation', best: TrialResult & { family: string }, setup: SearchSetup, stored: readonly RunSummary[], context: RunContext<TuneOutput>): Promise<RunSummary> {
  const reused = stored.find((run) => run.trial?.searchKey === setup.searchKey && run.trial.final === rows && run.trial.index === best.index && !run.stopped);
  if (reused) return reused;
  const family = findFamilyInfo(best.family)!;
  const tag: TrialTag = { searchKey: setup.searchKey, index: best.index, config: best.params, budget: 1, rung: best.rung, objective: setup.objective, budgetBy: 'rows', final: rows };
  const request: TrainRequest = {
    id: crypto.randomUUID(), family: family.kind, params: { ...best.params }, seed: setup.spec.seed, problem: setup.problem, steps: setup.steps,
    crossValidate: setup.objective === 'cv', autoPrepare: setup.spec.autoPrepare, trial: tag, ...(setup.provenance ? { provenance: setup.provenance } : {}),
  };
  const train = rows === 'train' ? setup.parts.train : joinRows(setup.parts.train, setup.parts.validation);
  context.onProgress({ message: `Training the final ${family.label} on the ${rows === 'train' ? 'training' : 'training and validation'} rows` });
  const [outcome] = await context.compute.trainCandidates({ cellId: context.cellId, datasetKey: setup.datasetKey, parts: { ...setup.parts, train }, requests: [request], backend: 'auto' }, { signal: context.signal, stop: context.stop });
  if (!outcome || outcome.status === 'cancelled') throw Object.assign(new Error('cancelled'), { name: 'AbortError' });
  if (outcome.status === 'error') throw new TuneError(`The final model failed to train: ${outcome.error}`);
  return outcome.run;
}

function plain<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

/**
 * A signal that aborts with either: a stop press or the spent budget cancels the trials in flight (their partial
 * models would not be the configurations' scores), keeping every finished trial.
 */
function linkSignals(a: AbortSignal, b: AbortSignal): { signal: AbortSignal; dispose(): void } {
  const linked = new AbortController();
  const abort = () => linked.abort();
  if (a.aborted || b.aborted) abort();
  a.addEventListener('abort', abort, { once: true });
  b.addEventListener('abort', abort, { once: true });
  // Removed when the trial ends: a search of hundreds of trials would pile listeners on the cell's signals.
  return { signal: linked.signal, dispose: () => {
    a.removeEventListener('abort', abort);
    b.removeEventListener('abort', abort);
  } };
}
