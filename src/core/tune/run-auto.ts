// "Find the best model": the automatic mode in the manner of FLAML. A baseline first (the reference every model
// must beat), then each family the task and data size suit at its low-cost configuration (few rounds, small
// trees), then, until the time budget is spent, the family with the smallest estimated cost for improvement gets
// its next trial, proposed by its own Bayesian sampler over its default space. Each family's automatic preparation
// is fitted on the training rows of every trial (the run records it). `parallelism` trials run side by side.

import { listFamilyInfosForTask } from '../models/catalog';
import type { FamilyInfo, Hyperparameters, Task } from '../models/types';
import { deriveSeed } from '../random/prng';
import { nowMs } from '../time/now-ms';
import { chooseNextFamily, listAutoFamilies, lowCostParams, type FamilySearchState } from './allocate-families';
import type { PlannedTrial } from './run-search';
import { describeTrialKey } from './run-search';
import { buildSearchSpace } from './search-space';
import { createTpeSampler } from './tpe-sampler';
import type { TuneTrial } from './tune-output';
import type { Sampler } from './types';

export interface AutoSearchOptions {
  readonly task: Exclude<Task, 'clustering'>;
  /** Training rows and feature columns: which families suit the data. */
  readonly rows: number;
  readonly columns: number;
  readonly seed: number;
  readonly parallelism: number;
  /** nowMs() after which no trial starts. */
  readonly deadlineMs: number;
  /** The most trials in all (known ones count): a small table trains hundreds of models a minute, each stored. */
  readonly maxTrials: number;
  /** Trials of this search already stored (a resumed search). */
  readonly known: readonly TuneTrial[];
  evaluate(family: FamilyInfo, trial: PlannedTrial): Promise<TuneTrial>;
  shouldStop(): boolean;
  onTrial?(result: TuneTrial): void;
}

/** Every trial (known ones first) and sentences on what the mode chose and skipped. */
export async function runAutoSearch(options: AutoSearchOptions): Promise<{ trials: TuneTrial[]; notes: string[] }> {
  const families = listAutoFamilies(options.task, options.rows, options.columns);
  const baseline = listFamilyInfosForTask(options.task).find((f) => f.group === 'baseline');
  const trials: TuneTrial[] = [...options.known];
  const seen = new Set(trials.map((t) => t.family + describeTrialKey(t.params, t.budget)));
  const states = new Map<string, FamilyState>(families.map((f) => [f.kind, createState(f.kind, trials)]));
  const samplers = new Map<string, Sampler | null>();
  let nextIndex = trials.reduce((max, t) => Math.max(max, t.index + 1), 0);
  const notes = [`Families for a ${options.task} problem of ${options.rows.toLocaleString('en')} training rows: ${families.map((f) => f.label).join(', ')}${baseline ? `, with ${baseline.label} as the reference` : ''}.`];

  const run = async (family: FamilyInfo, params: Hyperparameters): Promise<TuneTrial> => {
    seen.add(family.kind + describeTrialKey(params, 1));
    const result = await options.evaluate(family, { index: nextIndex++, params, budget: 1, rung: 0 });
    trials.push(result);
    options.onTrial?.(result);
    return result;
  };
  if (baseline && !trials.some((t) => t.family === baseline.kind)) await run(baseline, {});

  const pending = new Set<string>();
  const slots = Array.from({ length: Math.max(1, options.parallelism) }, async () => {
    while (!options.shouldStop() && trials.length + pending.size < options.maxTrials) {
      const remainingMs = options.deadlineMs - nowMs();
      if (remainingMs <= 0) break;
      const candidates: FamilySearchState[] = [...states.values()].filter((s) => !(s.trials === 0 && pending.has(s.family))).map((s) => ({ ...s, lastCostMs: s.lastCostMs ?? 0, improvements: [...s.improvements] }));
      const pick = chooseNextFamily(candidates, remainingMs);
      if (!pick) break;
      const family = families.find((f) => f.kind === pick)!;
      const state = states.get(pick)!;
      const params = state.trials === 0 ? lowCostParams(family) : proposeNext(family, state, samplers, trials, seen, options.seed);
      if (params === null) {
        states.delete(pick); // nothing left to search for it (a family without a space, or every proposal already tried)
        continue;
      }
      pending.add(pick);
      state.trials++;
      const result = await run(family, params);
      pending.delete(pick);
      recordTrial(state, result);
    }
  });
  await Promise.all(slots);
  if (trials.length >= options.maxTrials) notes.push(`The search stopped at its cap of ${options.maxTrials} trials before the time budget ended; raise “At most … trials” to go on.`);
  const tried = new Set(trials.map((t) => t.family));
  const untried = families.filter((f) => !tried.has(f.kind)).map((f) => f.label);
  if (untried.length > 0) notes.push(`The budget ended before ${untried.join(', ')} could be tried; raise it to try them.`);
  return { trials, notes };
}

/** A family's trials so far, as the runner updates them (the planner reads a copy). */
interface FamilyState {
  family: string;
  trials: number;
  bestLoss: number | null;
  lastCostMs: number | null;
  totalCostMs: number;
  improvements: { costMs: number; loss: number }[];
}

function createState(family: string, trials: readonly TuneTrial[]): FamilyState {
  const state: FamilyState = { family, trials: 0, bestLoss: null, lastCostMs: null, totalCostMs: 0, improvements: [] };
  for (const trial of trials.filter((t) => t.family === family)) {
    state.trials++;
    recordTrial(state, trial);
  }
  return state;
}

function recordTrial(state: FamilyState, trial: TuneTrial): void {
  state.lastCostMs = trial.durationMs;
  state.totalCostMs += trial.durationMs;
  if (trial.status === 'done' && trial.loss !== null && (state.bestLoss === null || trial.loss < state.bestLoss)) {
    state.bestLoss = trial.loss;
    state.improvements.push({ costMs: state.totalCostMs, loss: trial.loss });
  }
}

/** The family's next configuration from its Bayesian sampler (null when it has no space or only repeats). */
function proposeNext(family: FamilyInfo, state: FamilyState, samplers: Map<string, Sampler | null>, trials: readonly TuneTrial[], seen: Set<string>, seed: number): Hyperparameters | null {
  if (!samplers.has(family.kind)) {
    let sampler: Sampler | null = null;
    try {
      sampler = createTpeSampler(buildSearchSpace(family, null), deriveSeed(seed, hashKind(family.kind)), { startupTrials: 4 });
    } catch {
      sampler = null; // no tuning hints: its one low-cost trial is all it gets
    }
    samplers.set(family.kind, sampler);
  }
  const sampler = samplers.get(family.kind);
  if (!sampler) return null;
  const history = trials.filter((t) => t.family === family.kind).map((t) => ({ params: t.params, loss: t.status === 'done' ? t.loss : null, budget: t.budget }));
  for (let attempt = 0; attempt < 5; attempt++) {
    const [params] = sampler.ask(history, 1);
    if (!seen.has(family.kind + describeTrialKey(params, 1))) return params;
  }
  return state.trials > 0 ? null : lowCostParamsFallback();
}

function lowCostParamsFallback(): Hyperparameters {
  return {};
}

function hashKind(kind: string): number {
  let h = 0;
  for (let i = 0; i < kind.length; i++) h = (h * 31 + kind.charCodeAt(i)) | 0;
  return h >>> 0;
}
