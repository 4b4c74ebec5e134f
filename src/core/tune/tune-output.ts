// What a Tune cell keeps of a search: every trial (its configuration, budget, objective and run), the best, the
// final model of "use best", parameter importance and notes; and how a stored trial run reads back as a trial.

import type { MetricId } from '../problem/metrics';
import type { RunSummary, TrialTag } from '../train/types';
import type { TrialResult } from './run-search';
import { toLoss, type Direction, type SearchSpace } from './types';

/** A trial as the cell shows it: the search's result and the family it trained (several in the automatic mode). */
export interface TuneTrial extends TrialResult {
  readonly family: string;
}

export interface TuneOutput {
  readonly mode: 'family' | 'auto';
  readonly searchKey: string;
  readonly metric: MetricId;
  readonly direction: Direction;
  readonly objective: 'cv' | 'validation';
  /** The family's space (family mode), for the parallel-coordinates axes and the importance view. */
  readonly space: SearchSpace | null;
  /** How partial budgets were given (family mode with halving); null otherwise. */
  readonly budgetBy: 'rows' | 'iterations' | null;
  readonly trials: readonly TuneTrial[];
  /** The best trial's index (null when none finished). */
  readonly bestIndex: number | null;
  /** The runs the cells below may pick: full-budget trials that finished, and the final model. */
  readonly runs: readonly RunSummary[];
  /** The run "use best" trained (null until asked); the cells below pick it first. */
  readonly finalRunId: string | null;
  readonly importance: readonly { readonly name: string; readonly importance: number }[] | null;
  /** Sentences for the user: what the search read, where it stopped, what it skipped and why. */
  readonly notes: readonly string[];
  /** False when a stop or the time budget ended it early (a press resumes it). */
  readonly complete: boolean;
  readonly elapsedMs: number;
  /** Σ of the trials' budget shares: full trainings' worth of work. */
  readonly budgetSpent: number;
  /** The automatic mode's ensemble when one was built and beat the best single model (absent otherwise, and in older outputs). */
  readonly ensemble?: TuneEnsemble;
}

/** A weighted blend of the best trials, recorded as a run of the cell (the cells below pick it first unless "use best" ran). */
export interface TuneEnsemble {
  readonly runId: string;
  readonly label: string;
  /** Each member's run, its trial (index, family), a label and its weight (Σ = 1), heaviest first. */
  readonly members: readonly { readonly runId: string; readonly trialIndex: number | null; readonly family: string; readonly label: string; readonly weight: number }[];
  /** The blend's primary metric: CV mean on its members' out-of-fold rows (its weights were chosen on those rows). */
  readonly value: number;
  /** The best single trial's objective it is compared with. */
  readonly bestSingle: { readonly runId: string; readonly value: number };
}

/** Live detail of a running search, for the view. */
export interface TuneProgressDetail {
  readonly kind: 'tune';
  readonly trials: readonly TuneTrial[];
  readonly running: number;
  /** Trials the search plans in all (its configurations at every rung), when known. */
  readonly planned: number | null;
  readonly bestIndex: number | null;
  readonly elapsedMs: number;
  readonly budgetMs: number | null;
  readonly budgetSpent: number;
}

/** The objective a run scored: its primary metric's CV mean or validation value (null when undefined). */
export function readObjective(run: RunSummary, metric: MetricId, objective: 'cv' | 'validation'): number | null {
  if (objective === 'cv') return run.metrics.cv?.metrics[metric]?.mean ?? null;
  return run.metrics.validation[metric]?.value ?? null;
}

/** A finished trial's result from its run. */
export function readTrialResult(run: RunSummary, tag: TrialTag, metric: MetricId, direction: Direction): TuneTrial {
  const value = run.stopped ? null : readObjective(run, metric, tag.objective);
  return {
    index: tag.index, params: tag.config, budget: tag.budget, rung: tag.rung, family: run.family,
    status: run.stopped ? 'stopped' : 'done', value, loss: value === null ? null : toLoss(value, direction), runId: run.id, durationMs: run.durationMs,
  };
}

/** The trials of search `searchKey` among a cell's stored runs (not its final models), as results, and their runs by id. */
export function readStoredTrials(runs: readonly RunSummary[], searchKey: string, metric: MetricId, direction: Direction): { trials: TuneTrial[]; runs: Map<string, RunSummary> } {
  const mine = runs.filter((run) => run.trial?.searchKey === searchKey && !run.trial.final);
  return { trials: mine.map((run) => readTrialResult(run, run.trial!, metric, direction)), runs: new Map(mine.map((run) => [run.id, run])) };
}

/**
 * The scored trials of one budget, for the views that compare trials (parallel coordinates, importance): the
 * full-budget ones when there are at least 5, else the budget with the most scored trials (halving's first rung).
 */
export function pickAnalysisTrials(trials: readonly TuneTrial[]): TuneTrial[] {
  const scored = trials.filter((t) => t.status === 'done' && t.value !== null);
  const byBudget = new Map<number, TuneTrial[]>();
  for (const trial of scored) byBudget.set(trial.budget, [...(byBudget.get(trial.budget) ?? []), trial]);
  const full = byBudget.get(1) ?? [];
  if (full.length >= 5) return full;
  return [...byBudget.values()].reduce((best, group) => (group.length > best.length || (group.length === best.length && group[0].budget > best[0].budget) ? group : best), full);
}
