// The Tune cell's runner: a hyperparameter search over one family (or, in the automatic mode, across families
// within a time budget) on the Split's training rows, each trial a run trained through the compute port and scored
// on the CV folds or the validation rows — never the test part. Trials are stored as runs of this cell tagged with
// the search's key, so a press after a cancel, a stop or a reload resumes: stored trials are not trained again.
// "Use best" refits the best configuration on the training (and validation) rows and records it as a run. The
// automatic mode may blend its best trials into an ensemble run (on their out-of-fold predictions), picked first.

import { TuneError } from '../../../errors';
import { findFamilyInfo } from '../../../models/catalog';
import type { Hyperparameters } from '../../../models/types';
import { nowMs } from '../../../time/now-ms';
import type { RunSummary } from '../../../train/types';
import { measureParamImportance } from '../../../tune/param-importance';
import { runAutoSearch } from '../../../tune/run-auto';
import { pickBestTrial, runSearch, type TrialResult } from '../../../tune/run-search';
import { pickAnalysisTrials, readStoredTrials, type TuneOutput, type TuneProgressDetail, type TuneTrial } from '../../../tune/tune-output';
import type { SearchSpace } from '../../../tune/types';
import { blendBestTrials } from '../../../tune/ensemble/blend-best-trials';
import { prepareSearch, trainFinal, trainTrial, watchBudget, type SearchResult, type SearchSetup } from './tune-press';
import { createOutOfFoldPool } from '../../../tune/ensemble/keep-best-out-of-fold';
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
      parallelism: countSlots(context.compute.parallelism), known: known.trials,
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
      parallelism: countSlots(context.compute.parallelism), deadlineMs: startedMs + seconds * 1000, maxTrials: spec.trials, known: known.trials,
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

/**
 * Trials kept in flight: one more than the workers, so a worker that finishes starts the queued trial at once
 * instead of waiting while the page stores the last result and asks for the next configuration.
 */
function countSlots(workers: number): number {
  return workers > 1 ? workers + 1 : 1;
}
