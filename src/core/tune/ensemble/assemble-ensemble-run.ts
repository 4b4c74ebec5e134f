// The ensemble as a run like any other: its model JSON holds the members' fits and weights, its pipeline is the
// identity over the raw columns the members read (their input contracts' union, measured again on the training
// rows), its validation scores come from the blend, its CV summary from the selection on out-of-fold rows.

import { ModelSpecError } from '../../errors';
import { deriveInputContract } from '../../export/input-contract';
import { createEnsembleModel, ENSEMBLE_KIND, type EnsembleMember } from '../../models/ensemble/ensemble-model';
import { loadEnsemble } from '../../models/ensemble/predict-ensemble';
import { predictEnsembleHeldOut } from '../../models/ensemble/predict-ensemble-held-out';
import type { ProblemSpec } from '../../problem/types';
import type { Table } from '../../table/types';
import { nowMs } from '../../time/now-ms';
import type { FittedPipeline } from '../../transform/fitted-types';
import { readSupervisedProblem } from '../../train/prepare-training-data';
import { hashFittedPipeline } from '../../train/record-provenance';
import { scoreOutputs } from '../../train/score-model';
import type { CvSummary, MetricScores, TrainedRun, TrainingParts } from '../../train/types';

/** What to build: the run's id, its members (stored runs) and weights, the blend's CV summary, and a note for the run. */
export interface EnsembleRequest {
  readonly id: string;
  readonly members: readonly { readonly runId: string; readonly weight: number }[];
  /** The blend scored on the members' out-of-fold rows (selectEnsemble's cv); null when unknown. */
  readonly cv: CvSummary | null;
  /** Recorded as the run's note: how far its CV estimate can be trusted. */
  readonly note?: string;
}

/** The ensemble run of `members` (the stored runs `request.members` names, in that order), scored on `parts.validation`. */
export async function assembleEnsembleRun(table: Table, parts: TrainingParts, members: readonly TrainedRun[], request: EnsembleRequest, problem: ProblemSpec): Promise<TrainedRun> {
  const startedMs = nowMs();
  const { task, target } = readSupervisedProblem(problem);
  checkMembers(members, request);
  const classes = members[0].classes ?? null;
  const columns = uniteInputColumns(members);
  const pipeline: FittedPipeline = { formatVersion: 1, steps: [], inputColumns: columns, outputColumns: columns, trainRowCount: parts.train.length };
  const featureNames = columns.map((c) => c.name);
  const total = request.members.reduce((sum, m) => sum + m.weight, 0);
  const state: EnsembleMember[] = members.map((run, m) => ({
    weight: request.members[m].weight / total, model: run.model, pipeline: run.pipeline, featureNames: [...run.featureNames], ...(run.classes ? { classes: [...run.classes] } : {}),
  }));
  const model = createEnsembleModel(state, task, featureNames, classes);
  const validation = parts.validation.length > 0 ? await scoreValidation(table, parts, model, problem, task, target) : {};
  const [lead] = members;
  return {
    id: request.id, family: ENSEMBLE_KIND, label: `Ensemble (${members.length} models)`, baseline: false, params: {}, task, seed: lead.seed,
    primaryMetric: problem.primaryMetric, metrics: { validation, cv: request.cv }, curve: [], durationMs: nowMs() - startedMs, trainedAt: Date.now(), stopped: false,
    model, pipeline, featureNames, ...(classes ? { classes: [...classes] } : {}), info: { members: members.length },
    steps: [...(lead.steps ?? [])], autoPrepare: lead.autoPrepare !== false,
    ...(lead.provenance ? { provenance: { ...lead.provenance, pipelineHash: hashFittedPipeline(pipeline) } } : {}),
    inputContract: deriveInputContract(table, parts.train, pipeline, featureNames, { name: target, classes }),
    ensemble: { members: request.members.map((m, i) => ({ runId: m.runId, weight: state[i].weight })) },
    ...(request.note ? { note: request.note } : {}),
  };
}

function checkMembers(members: readonly TrainedRun[], request: EnsembleRequest): void {
  if (members.length < 2 || members.length !== request.members.length) throw new ModelSpecError(`An ensemble needs at least two member runs; got ${members.length}.`);
  request.members.forEach((m) => {
    if (!(Number.isFinite(m.weight) && m.weight > 0)) throw new ModelSpecError(`The ensemble member "${m.runId}" has weight ${m.weight}; give every member a positive weight.`);
  });
  const [lead] = members;
  for (const run of members) {
    if (run.task !== lead.task || (run.classes ?? []).join('\u0000') !== (lead.classes ?? []).join('\u0000')) {
      throw new ModelSpecError(`The runs "${lead.label}" and "${run.label}" predict different tasks or classes; an ensemble blends runs of one Problem trained on the same rows.`);
    }
    if (run.family === ENSEMBLE_KIND) throw new ModelSpecError(`The run "${run.label}" is an ensemble already; blend single models.`);
  }
}

/** The raw columns any member reads (its input contract, or its pipeline's inputs for a run without one), first seen first. */
function uniteInputColumns(members: readonly TrainedRun[]): FittedPipeline['inputColumns'] {
  const byName = new Map<string, FittedPipeline['inputColumns'][number]>();
  for (const run of members) {
    if (!run.inputContract) throw new ModelSpecError(`The run "${run.label}" was trained before ML Studio recorded the columns a run reads; train it again to blend it.`);
    for (const column of run.inputContract.columns) if (!byName.has(column.name)) byName.set(column.name, { name: column.name, kind: column.kind });
  }
  return [...byName.values()];
}

async function scoreValidation(table: Table, parts: TrainingParts, model: TrainedRun['model'], problem: ProblemSpec, task: ReturnType<typeof readSupervisedProblem>['task'], target: string): Promise<MetricScores> {
  const scored = await predictEnsembleHeldOut(table, parts.validation, loadEnsemble(model), task, target);
  if (!scored) return {};
  return scoreOutputs(scored.outputs, { values: scored.y.values, ...(model.classes ? { classes: model.classes } : {}) }, problem);
}
