// The Train cell's runner: one press trains every candidate the spec asks for (or "Try all") on the split's
// training rows, CV folds where asked, through the compute port; a stored run of the same configuration is reused
// instead of trained again. The cell keeps every run of every press on the same rows and problem — runs of
// another pipeline included, to compare preparations — and a press after the split or the problem changed starts
// a new board; the cells below read the named runs.

import { ModelSpecError } from '../../../errors';
import { findFamilyInfo } from '../../../models/catalog';
import { applyRunNames } from '../../../train/name-runs';
import { buildTrainRequests, findReusableRuns, listFoldsToScore } from '../../../train/plan-training';
import { rankRuns, readRankValue } from '../../../train/rank-runs';
import { describeTrainSource } from '../../../train/record-provenance';
import { planStreamedRequests } from '../../../train/stream/streamed-request';
import type { RunSummary } from '../../../train/types';
import type { ModelArtifact } from '../artifacts';
import type { CandidateEvent } from '../compute-port';
import type { CellRunner } from '../runner';
import { requireInput } from '../runner';

/** How one candidate of the last press ended ('reused': a stored run of the same configuration stood in). */
export interface PressOutcome {
  readonly runId: string;
  readonly family: string;
  readonly status: 'done' | 'stopped' | 'error' | 'cancelled' | 'reused';
  readonly error?: string;
}

/** The Train cell's output: every run it keeps (oldest first) and how the last press went. */
export interface TrainOutput {
  readonly runs: readonly RunSummary[];
  readonly lastPress: readonly PressOutcome[];
}

/** Live detail of a running press, for the view: a candidate's status, or a point of its curve. */
export type TrainProgressDetail =
  | { readonly kind: 'press'; readonly candidates: readonly PressOutcome[]; readonly folds: number }
  | { readonly kind: 'candidate'; readonly event: CandidateEvent }
  | { readonly kind: 'curve'; readonly runId: string; readonly iteration: number; readonly total: number; readonly metrics: Readonly<Record<string, number>> };

/** The runs named by what tells them apart, and the best by the primary metric (null when none has a value). */
export function publishRuns(runs: readonly RunSummary[], metric: RunSummary['primaryMetric'] | null): ModelArtifact {
  const named = applyRunNames(runs);
  const best = metric ? rankRuns(named, metric)[0] : undefined;
  return { key: named.map((run) => run.id).join(','), runs: named, bestRunId: best && metric && readRankValue(best, metric) !== null ? best.id : null };
}

export const trainRunner: CellRunner<'train', TrainOutput> = {
  kind: 'train',
  inputs: ['dataset', 'split', 'pipeline', 'problem'],
  optional: ['pipeline'],
  publishes: 'model',
  outputVersion: 1,
  auto: false,
  check: (_spec, inputs) => {
    const problem = requireInput(inputs, 'problem');
    return problem.target === null && problem.task !== 'clustering' ? 'Choose a target in the Problem cell above (or the task "Clustering").' : null;
  },
  // The runs stay current while the rows and the problem they were trained for do: another pipeline, family, seed
  // or backend changes the next press, not the runs already kept (each records its own preparation and settings,
  // and all are scored on the same validation rows, so one board compares them).
  describeInputs: (_spec, inputs) => [requireInput(inputs, 'split').key, JSON.stringify(requireInput(inputs, 'problem'))].join('|'),
  async run(spec, inputs, context) {
    const dataset = requireInput(inputs, 'dataset');
    const split = requireInput(inputs, 'split');
    const problem = requireInput(inputs, 'problem');
    const folds = listFoldsToScore(spec, problem, split.folds);
    const source = describeTrainSource(dataset, split, problem);
    const built = buildTrainRequests(spec, problem, inputs.pipeline?.steps ?? [], () => crypto.randomUUID(), { splitKey: split.key, folds: folds.length })
      .map((request) => (source ? { ...request, provenance: source } : request));
    // A dataset imported streamed: the streamable families may read every row instead of the sample (spec.rows).
    const requests = planStreamedRequests(built, dataset, split, spec.seed, spec.rows);
    if (spec.candidates.length === 0 && !spec.tryAll) throw new ModelSpecError('No model family is ticked: tick one in the list, or use "Try all".');
    if (requests.length === 0) throw new ModelSpecError(`No selected model family fits a ${problem.task} problem; pick one in the list or use "Try all".`);
    // Runs trained on other rows or for another problem are not comparable with this press's: the board starts again.
    const previous = context.previousCurrent ? (context.previous?.runs ?? []) : [];
    const reusable = findReusableRuns(requests, previous);
    const planned: PressOutcome[] = requests.map((r, i) => ({ runId: reusable[i]?.id ?? r.id, family: r.family, status: reusable[i] ? 'reused' : 'done' }));
    context.onProgress({ message: `Training ${requests.length} candidates`, detail: { kind: 'press', candidates: planned, folds: folds.length } satisfies TrainProgressDetail });
    const toTrain = requests.filter((_, i) => !reusable[i]);
    const labelOf = (runId: string) => findFamilyInfo(toTrain.find((r) => r.id === runId)?.family ?? '')?.label ?? runId;
    const outcomes = toTrain.length === 0 ? [] : await context.compute.trainCandidates({
      cellId: context.cellId, datasetKey: dataset.key, parts: { train: split.train, validation: split.validation, folds: [...folds] }, requests: toTrain, backend: spec.backend,
      onProgress: (record) => context.onProgress({ message: 'Training', detail: { kind: 'curve', runId: record.runId, iteration: record.iteration, total: record.total, metrics: record.metrics } satisfies TrainProgressDetail }),
      onCandidate: (event) => context.onProgress({ message: `${labelOf(event.runId)}: ${event.status}${event.error ? ` — ${event.error}` : ''}`, detail: { kind: 'candidate', event } satisfies TrainProgressDetail }),
    }, context);
    const byId = new Map(outcomes.map((o) => [o.runId, o]));
    const lastPress = planned.map((p): PressOutcome => {
      const outcome = byId.get(p.runId);
      if (!outcome) return p;
      return outcome.status === 'error' ? { ...p, status: 'error', error: outcome.error } : { ...p, status: outcome.status };
    });
    const trained = outcomes.flatMap((o) => (o.status === 'done' || o.status === 'stopped' ? [o.run] : []));
    return { runs: [...previous, ...trained], lastPress };
  },
  publish: (output, _spec, inputs) => (output.runs.length > 0 ? publishRuns(output.runs, inputs.problem?.primaryMetric ?? null) : null),
  errorOf(output) {
    if (output.runs.length > 0) return null;
    const failed = output.lastPress.filter((p) => p.status === 'error');
    return failed.length > 0 ? `Every candidate failed: ${failed[0].family}: ${failed[0].error}` : null;
  },
  summarize: (output, spec) => {
    const problemMetric = output.runs[0]?.primaryMetric ?? null;
    const { runs } = publishRuns(output.runs, problemMetric);
    const ranked = problemMetric ? rankRuns(runs, problemMetric) : runs;
    return {
      tryAll: spec.tryAll,
      leaderboard: ranked.map((run) => ({
        id: run.id, name: run.label, family: run.family, params: run.params, baseline: run.baseline, stopped: run.stopped,
        validation: Object.fromEntries(Object.entries(run.metrics.validation).map(([id, m]) => [id, m?.value ?? null])),
        cv: run.metrics.cv ? Object.fromEntries(Object.entries(run.metrics.cv.metrics).map(([id, m]) => [id, { mean: m?.mean ?? null, std: m?.std ?? null }])) : null,
        durationMs: Math.round(run.durationMs), warnings: run.warnings?.map((w) => w.message) ?? [], ...(run.autoPreparation ? { autoPreparation: run.autoPreparation } : {}),
      })),
      lastPress: output.lastPress,
    };
  },
};
