// The Tune cell's runner: a hyperparameter search over one family (or, in the automatic mode, across families
// within a time budget) on the Split's training rows, each trial a run trained through the compute port and scored
// on the CV folds or the validation rows — never the test part. Trials are stored as runs of this cell tagged with
// the search's key, so a press after a cancel, a stop or a reload resumes: stored trials are not trained again.
// "Use best" refits the best configuration on the training (and validation) rows and records it as a run. The
// automatic mode may blend its best trials into an ensemble run (on their out-of-fold predictions), picked first.

import { isAbortError, ModelSpecError, TuneError } from '../../../errors';
import { findFamilyInfo } from '../../../models/catalog';
import type { FamilyInfo, Hyperparameters } from '../../../models/types';
import { METRICS } from '../../../problem/metrics';
import { deriveSeed } from '../../../random/prng';
import { nowMs } from '../../../time/now-ms';
import { scheduleAt } from '../../../time/schedule-at';
import { makeKFolds } from '../../../split/make-folds';
import { describeTrainSource } from '../../../train/record-provenance';
import type { RunSummary, TrainingParts, TrainRequest, TrialTag } from '../../../train/types';
import { measureParamImportance } from '../../../tune/param-importance';
import { chooseBudgetBy, cutTrialParts, joinRows, scaleTrialParams } from '../../../tune/plan-trial';
import { runAutoSearch } from '../../../tune/run-auto';
import { pickBestTrial, runSearch, type PlannedTrial, type TrialResult } from '../../../tune/run-search';
import { buildSearchSpace, describeSpaceKey } from '../../../tune/search-space';
import { pickAnalysisTrials, readStoredTrials, readObjective, type TuneOutput, type TuneProgressDetail, type TuneTrial } from '../../../tune/tune-output';
import { toLoss, type SearchSpace } from '../../../tune/types';
import { blendBestTrials } from '../../../tune/ensemble/blend-best-trials';
import { createOutOfFoldPool, type OutOfFoldPool } from '../../../tune/ensemble/keep-best-out-of-fold';
import type { CellInputs } from '../artifacts';
import type { CandidateOutcome } from '../compute-port';
import type { CellRunner, RunContext } from '../runner';
import { requireInput } from '../runner';
import type { TuneCellSpec } from '../../types';
import { publishRuns } from './train';

export const tuneRunner: CellRunner<'tune', TuneOutput> = {
  kind: 'tune',
  inputs: ['dataset', 'split', 'pipeline', 'problem'],
  optional: ['pipeline'],
  publishes: 'model',
  outputVersion: 1,
  auto: false,
  check: (spec, inputs) => {
    const problem = requireInput(inputs, 'problem');
    if (problem.task === 'clustering') return 'Tuning searches on a target’s held-out score: set a target in the Problem cell above.';
    if (problem.target === null) return 'Choose a target in the Problem cell above.';
    if (spec.mode === 'family') {
      const family = findFamilyInfo(spec.family);
      if (!family) return `There is no model family "${spec.family}": pick one in the list.`;
      if (!family.tasks.includes(problem.task)) return `${family.label} does not fit a ${problem.task} problem: pick another family.`;
    }
    return null;
  },
  describeInputs: (spec, inputs) => [requireInput(inputs, 'split').key, JSON.stringify(requireInput(inputs, 'problem')), inputs.pipeline?.key ?? '', JSON.stringify(spec)].join('|'),
  async run(spec, inputs, context) {
    const setup = prepareSearch(spec, inputs);
    const stored = await context.compute.listCellRuns(context.cellId);
    const known = readStoredTrials(stored, setup.searchKey, setup.metric, setup.direction);
    const search = await (spec.mode === 'auto' ? searchAuto(spec, setup, known, context) : searchFamily(spec, setup, known, context));
    const best = pickBestTrial(search.trials) as TuneTrial | null;
    const notes = [...setup.notes, ...search.notes];
    if (!best) {
      const failed = search.trials.find((t) => t.status === 'error');
      if (failed) throw new TuneError(`Every trial failed: the first with “${failed.error}”. Fix that (or narrow the space) and run the search again.`);
      if (spec.budgetSeconds > 0 || spec.mode === 'auto') throw new TuneError(`The ${spec.budgetSeconds} s budget ended before any trial finished: raise the budget (a trial of this data takes longer), or use fewer CV folds.`);
      throw new TuneError('The search was stopped before any trial finished; run it again to resume.');
    }
    let finalRun: RunSummary | null = null;
    if (spec.useBest !== null && !context.signal.aborted) {
      finalRun = await trainFinal(spec.useBest, best, setup, stored, context);
      if (spec.useBest === 'train+validation') notes.push('The final model was refit on the training and validation rows: its validation scores are not held out (they are in-sample). Judge it by the search’s objective or the test part.');
    }
    const runsById = new Map([...known.runs, ...search.runs]);
    const blend = search.pool && !context.signal.aborted ? await blendTrials(search, setup, runsById, stored, context) : null;
    if (blend) notes.push(...blend.notes);
    const trialRuns = listBestTrials(search.trials, PUBLISHED_TRIALS).flatMap((t) => runsById.get(t.runId!) ?? []);
    const importance = setup.space && spec.mode === 'family' ? measureImportance(setup.space, search.trials, spec.seed) : null;
    return {
      mode: spec.mode, searchKey: setup.searchKey, metric: setup.metric, direction: setup.direction, objective: setup.objective, space: setup.space,
      budgetBy: spec.mode === 'family' && spec.halving ? setup.budgetBy : null, trials: search.trials, bestIndex: best.index,
      runs: [...(finalRun ? [finalRun] : []), ...(blend?.run ? [blend.run] : []), ...trialRuns], finalRunId: finalRun?.id ?? null, importance, notes,
      complete: search.complete, elapsedMs: search.elapsedMs, budgetSpent: sumBudget(search.trials), ...(blend?.ensemble ? { ensemble: blend.ensemble } : {}),
    };
  },
  publish: (output) => {
    if (output.runs.length === 0) return null;
    const published = publishRuns(output.runs, output.metric);
    const bestTrialRun = output.trials.find((t) => t.index === output.bestIndex)?.runId ?? null;
    const bestRunId = output.finalRunId ?? output.ensemble?.runId ?? (bestTrialRun && output.runs.some((run) => run.id === bestTrialRun) ? bestTrialRun : published.bestRunId);
    return { ...published, bestRunId };
  },
  summarize: (output) => ({
    mode: output.mode, metric: output.metric, objective: output.objective, complete: output.complete,
    trials: output.trials.map((t) => ({ index: t.index, family: t.family, params: t.params, budget: t.budget, rung: t.rung, status: t.status, value: t.value, runId: t.runId, durationMs: Math.round(t.durationMs) })),
    best: output.trials.find((t) => t.index === output.bestIndex) ?? null, finalRunId: output.finalRunId, ensemble: output.ensemble ?? null, importance: output.importance, notes: output.notes,
    elapsedMs: Math.round(output.elapsedMs), budgetSpent: output.budgetSpent,
  }),
};

/** Folds a CV search makes itself when the Split has none. */
const OWN_FOLDS = 5;

/** What every trial of a press shares: the rows, the problem, the objective, the search's key. */
interface SearchSetup {
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

interface SearchResult {
  readonly trials: TuneTrial[];
  readonly runs: Map<string, RunSummary>;
  readonly complete: boolean;
  readonly elapsedMs: number;
  readonly notes: string[];
  /** The best trials' out-of-fold predictions (automatic mode with an ensemble). */
  readonly pool?: OutOfFoldPool;
}

function prepareSearch(spec: TuneCellSpec, inputs: CellInputs): SearchSetup {
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
function watchBudget(context: RunContext<TuneOutput>, budgetSeconds: number, startedMs: number) {
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
async function trainTrial(family: FamilyInfo, trial: PlannedTrial, setup: SearchSetup, context: RunContext<TuneOutput>, stop: AbortSignal, runs: Map<string, RunSummary>, pool?: OutOfFoldPool): Promise<TuneTrial> {
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
    [outcome] = await context.compute.trainCandidates({ cellId: context.cellId, datasetKey: setup.datasetKey, parts, requests: [request], backend: 'auto' }, { signal: linkSignals(context.signal, stop) });
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

async function searchFamily(spec: TuneCellSpec, setup: SearchSetup, known: { trials: TuneTrial[] }, context: RunContext<TuneOutput>): Promise<SearchResult> {
  const family = setup.family!;
  const startedMs = nowMs();
  const budget = watchBudget(context, spec.budgetSeconds, startedMs);
  const runs = new Map<string, RunSummary>();
  const trials: TuneTrial[] = [...known.trials];
  let running = 0;
  const report = () => context.onProgress({
    message: `Trial ${trials.length} of ${spec.trials}${running > 0 ? ` (${running} running)` : ''}`, done: trials.length, total: spec.trials,
    detail: { kind: 'tune', trials: [...trials], running, planned: spec.halving ? null : spec.trials, bestIndex: pickBestTrial(trials)?.index ?? null, elapsedMs: nowMs() - startedMs, budgetMs: budget.deadlineMs === null ? null : spec.budgetSeconds * 1000, budgetSpent: sumBudget(trials) } satisfies TuneProgressDetail,
  });
  report();
  try {
    const outcome = await runSearch({
      space: setup.space!, strategy: spec.strategy, gridSteps: spec.gridSteps, trials: spec.trials, halving: spec.halving, seed: spec.seed,
      parallelism: context.compute.parallelism, known: known.trials,
      evaluate: async (trial) => {
        running++;
        report();
        try {
          return await trainTrial(family, trial, setup, context, budget.trialStop, runs);
        } finally {
          running--;
        }
      },
      shouldStop: budget.shouldStop,
      onTrial: (result) => {
        trials.push(result as TuneTrial);
        report();
      },
    });
    const notes = describeEnd(outcome.complete, budget.budgetSpent(), spec.budgetSeconds, known.trials.length);
    return { trials: outcome.trials as TuneTrial[], runs, complete: outcome.complete, elapsedMs: nowMs() - startedMs, notes };
  } finally {
    budget.dispose();
  }
}

async function searchAuto(spec: TuneCellSpec, setup: SearchSetup, known: { trials: TuneTrial[] }, context: RunContext<TuneOutput>): Promise<SearchResult> {
  const startedMs = nowMs();
  const seconds = spec.budgetSeconds > 0 ? spec.budgetSeconds : 60;
  const budget = watchBudget(context, seconds, startedMs);
  const runs = new Map<string, RunSummary>();
  const pool = setup.ensemble ? createOutOfFoldPool() : undefined;
  const trials: TuneTrial[] = [...known.trials];
  let running = 0;
  const report = () => context.onProgress({
    message: `${trials.length} trials, ${Math.max(0, Math.round(seconds - (nowMs() - startedMs) / 1000))} s left`,
    detail: { kind: 'tune', trials: [...trials], running, planned: null, bestIndex: pickBestTrial(trials)?.index ?? null, elapsedMs: nowMs() - startedMs, budgetMs: seconds * 1000, budgetSpent: sumBudget(trials) } satisfies TuneProgressDetail,
  });
  report();
  try {
    const outcome = await runAutoSearch({
      task: setup.problem.task as Exclude<typeof setup.problem.task, 'clustering'>, rows: setup.parts.train.length, columns: setup.columns, seed: spec.seed,
      parallelism: context.compute.parallelism, deadlineMs: startedMs + seconds * 1000, maxTrials: spec.trials, known: known.trials,
      evaluate: async (family, trial) => {
        running++;
        report();
        try {
          return await trainTrial(family, trial, setup, context, budget.trialStop, runs, pool);
        } finally {
          running--;
        }
      },
      shouldStop: budget.shouldStop,
      onTrial: (result) => {
        trials.push(result);
        report();
      },
    });
    return { trials: outcome.trials, runs, complete: true, elapsedMs: nowMs() - startedMs, notes: outcome.notes, ...(pool ? { pool } : {}) };
  } finally {
    budget.dispose();
  }
}

/** The automatic mode's ensemble of its best trials (see blendBestTrials), built as a run of this cell. */
function blendTrials(search: SearchResult, setup: SearchSetup, runs: ReadonlyMap<string, RunSummary>, stored: readonly RunSummary[], context: RunContext<TuneOutput>) {
  context.onProgress({ message: 'Blending the best trials into an ensemble' });
  return blendBestTrials({
    compute: context.compute, cellId: context.cellId, datasetKey: setup.datasetKey, parts: setup.parts, problem: setup.problem, trials: search.trials, runs, trained: new Set(search.runs.keys()), stored,
    pool: search.pool!, control: { signal: context.signal }, newRunId: () => crypto.randomUUID(),
  });
}

/** "Use best": the best configuration refit at the full budget on `rows` (a stored final model of the same search and rows is reused). */
async function trainFinal(rows: 'train' | 'train+validation', best: TrialResult & { family: string }, setup: SearchSetup, stored: readonly RunSummary[], context: RunContext<TuneOutput>): Promise<RunSummary> {
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

/** The trials whose runs the cells below may pick: the `count` best full-budget trials that finished (every trial stays a stored run). */
const PUBLISHED_TRIALS = 10;

function listBestTrials(trials: readonly TuneTrial[], count: number): TuneTrial[] {
  return trials.filter((t) => t.status === 'done' && t.budget === 1 && t.loss !== null && t.runId !== null).sort((a, b) => a.loss! - b.loss! || a.index - b.index).slice(0, count);
}

/** Importance over the trials of one budget (scores at different budgets are not comparable): see pickAnalysisTrials. */
function measureImportance(space: SearchSpace, trials: readonly TuneTrial[], seed: number) {
  const observations = pickAnalysisTrials(trials).map((t) => ({ params: t.params as Hyperparameters, loss: t.loss, budget: t.budget }));
  return measureParamImportance(space, observations, seed);
}

function describeEnd(complete: boolean, budgetSpent: boolean, seconds: number, resumed: number): string[] {
  const notes: string[] = [];
  if (resumed > 0) notes.push(`Resumed: ${resumed} trial${resumed === 1 ? '' : 's'} of this search were stored already and were not trained again.`);
  if (!complete) notes.push(budgetSpent ? `The ${seconds} s budget ended the search early; run it again to resume where it stopped.` : 'The search was stopped early; run it again to resume where it stopped.');
  return notes;
}

function sumBudget(trials: readonly TrialResult[]): number {
  return Math.round(trials.reduce((sum, t) => sum + t.budget, 0) * 1000) / 1000;
}

function plain<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

/**
 * A signal that aborts with either: a stop press or the spent budget cancels the trials in flight (their partial
 * models would not be the configurations' scores), keeping every finished trial.
 */
function linkSignals(a: AbortSignal, b: AbortSignal): AbortSignal {
  const linked = new AbortController();
  const abort = () => linked.abort();
  if (a.aborted || b.aborted) abort();
  a.addEventListener('abort', abort, { once: true });
  b.addEventListener('abort', abort, { once: true });
  return linked.signal;
}
