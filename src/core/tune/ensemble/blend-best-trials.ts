// The automatic mode's last step: blend the best trials of the press (their out-of-fold predictions, kept while the
// search ran) by greedy ensemble selection and, when the blend beats the best single model, build it as a run of
// the cell through the port. A press that trained nothing new reuses the ensemble stored for the same trials.

import { isAbortError } from '../../errors';
import type { ComputePort, JobControl } from '../../notebook/runtime/compute-port';
import type { CellId } from '../../notebook/types';
import { METRICS, type MetricId } from '../../problem/metrics';
import type { ProblemSpec } from '../../problem/types';
import type { RunSummary, TrainingParts } from '../../train/types';
import { pickBestTrial } from '../run-search';
import type { TuneEnsemble, TuneTrial } from '../tune-output';
import { toLoss } from '../types';
import { ENSEMBLE_CANDIDATES, type OutOfFoldPool } from './keep-best-out-of-fold';
import { selectEnsemble } from './select-ensemble';

export interface BlendJob {
  readonly compute: Pick<ComputePort, 'buildEnsemble'>;
  readonly cellId: CellId;
  readonly datasetKey: string;
  readonly parts: TrainingParts;
  readonly problem: ProblemSpec;
  /** Every trial of the search (stored ones too) and their runs by id. */
  readonly trials: readonly TuneTrial[];
  readonly runs: ReadonlyMap<string, RunSummary>;
  /** The run ids of the trials trained in this press (the others' out-of-fold predictions are gone). */
  readonly trained: ReadonlySet<string>;
  /** The cell's stored runs before the press (an ensemble of the same trials is reused from them). */
  readonly stored: readonly RunSummary[];
  readonly pool: OutOfFoldPool;
  readonly control: JobControl;
  readonly newRunId: () => string;
}

/** How the ensemble's CV estimate came about, recorded as the run's note. */
export const ENSEMBLE_RUN_NOTE = 'Weights chosen by greedy ensemble selection (Caruana et al., 2004) on the members’ out-of-fold predictions; its CV scores are measured on those same rows, so they are slightly optimistic. Its validation scores are held out.';

type BlendResult = { ensemble: TuneEnsemble | null; run: RunSummary | null; notes: string[] };

/**
 * The ensemble (its run and what the cell shows of it), or null with the notes that say why there is none. An
 * ensemble that cannot be chosen or built is a note, not the search's failure (the trials stand); a cancel rejects.
 */
export async function blendBestTrials(job: BlendJob): Promise<BlendResult> {
  try {
    return await blendOrReuse(job);
  } catch (error) {
    if (isAbortError(error) || !(error instanceof Error)) throw error;
    return { ensemble: null, run: null, notes: [`The ensemble could not be built: ${error.message}`] };
  }
}

async function blendOrReuse(job: BlendJob): Promise<BlendResult> {
  const metric = job.problem.primaryMetric;
  const best = pickBestTrial(job.trials) as TuneTrial | null;
  const kept = job.pool.list();
  const notes = describeMissing(job.trials, job.trained);
  const selection = kept.length >= 2 ? selectEnsemble(kept.map((k) => ({ runId: k.trial.runId!, outOfFold: k.outOfFold })), job.problem) : null;
  if (selection && best && toLoss(selection.value, METRICS[metric].direction) < best.loss!) {
    const run = await job.compute.buildEnsemble(job.cellId, job.datasetKey, job.parts, { id: job.newRunId(), members: selection.members, cv: selection.cv, note: ENSEMBLE_RUN_NOTE }, job.problem, job.control);
    const label = (runId: string) => job.runs.get(runId)?.label ?? runId;
    notes.push(`${run.label} blends the out-of-fold predictions of ${kept.length} of the best trials: CV ${METRICS[metric].label} ${formatValue(selection.value)} against ${formatValue(best.value!)} for the best single model (${label(best.runId!)}). The weights were chosen on those same rows, so the estimate is slightly optimistic; judge it on the test part.`);
    return { ensemble: describeEnsemble(run, { runId: best.runId!, value: best.value! }, job.trials, job.runs, metric), run, notes };
  }
  const reused = findStoredEnsemble(job.stored, job.trials, best, metric);
  if (reused) {
    const reusedNote = `${reused.label} built from these trials in an earlier press is reused.`;
    return { ensemble: describeEnsemble(reused, { runId: best!.runId!, value: best!.value! }, job.trials, job.runs, metric), run: reused, notes: [reusedNote] };
  }
  if (kept.length < 2) notes.push('The ensemble needs the out-of-fold predictions of at least two finished trials of this press; run a longer search to build one.');
  else notes.push(`No weighted blend of ${kept.length} of the best trials (each family’s best first) beat the best single model on their out-of-fold rows; the best single model stays the pick.`);
  return { ensemble: null, run: null, notes };
}

/** A sentence when some of the best trials were trained in an earlier press (their out-of-fold predictions are gone). */
function describeMissing(trials: readonly TuneTrial[], trained: ReadonlySet<string>): string[] {
  const top = trials.filter((t) => t.status === 'done' && t.budget === 1 && t.loss !== null && t.runId !== null).sort((a, b) => a.loss! - b.loss!).slice(0, ENSEMBLE_CANDIDATES);
  const missing = top.filter((t) => !trained.has(t.runId!)).length;
  if (missing === 0) return [];
  return [`${missing} of the ${top.length} best trials were trained in an earlier press, whose out-of-fold predictions are not kept; the ensemble can blend only trials of this press.`];
}

/** The newest stored ensemble whose members are all trials of this search and whose CV mean beats the best trial. */
function findStoredEnsemble(stored: readonly RunSummary[], trials: readonly TuneTrial[], best: TuneTrial | null, metric: MetricId): RunSummary | null {
  if (!best) return null;
  const ids = new Set(trials.flatMap((t) => (t.runId ? [t.runId] : [])));
  const beats = (run: RunSummary) => {
    const value = run.metrics.cv?.metrics[metric]?.mean;
    return value !== null && value !== undefined && toLoss(value, METRICS[metric].direction) < best.loss!;
  };
  const found = stored.filter((run) => run.ensemble && !run.stopped && run.ensemble.members.every((m) => ids.has(m.runId)) && beats(run));
  return found.sort((a, b) => b.trainedAt - a.trainedAt)[0] ?? null;
}

function describeEnsemble(run: RunSummary, bestSingle: TuneEnsemble['bestSingle'], trials: readonly TuneTrial[], runs: ReadonlyMap<string, RunSummary>, metric: MetricId): TuneEnsemble {
  const members = (run.ensemble?.members ?? []).map(({ runId, weight }) => {
    const trial = trials.find((t) => t.runId === runId) ?? null;
    const family = trial?.family ?? runs.get(runId)?.family ?? '';
    const label = `${runs.get(runId)?.label ?? family}${trial ? ` (trial ${trial.index + 1})` : ''}`;
    return { runId, trialIndex: trial?.index ?? null, family, label, weight };
  });
  members.sort((a, b) => b.weight - a.weight);
  return { runId: run.id, label: run.label, members, value: run.metrics.cv?.metrics[metric]?.mean ?? NaN, bestSingle };
}

function formatValue(value: number): string {
  return Number.isFinite(value) ? value.toPrecision(4) : String(value);
}
