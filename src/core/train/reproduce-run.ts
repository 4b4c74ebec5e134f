// Reproduce: a recorded run trained again from its record alone — the dataset found by its content hash, the same
// split request (seed included), problem, steps, family, hyperparameters and seed — and its validation metrics
// compared with the recorded ones: equal for deterministic families, or the differences, or what no longer matches.

import { TrainingError } from '../errors';
import { runSplit } from '../split/run-split';
import type { Table } from '../table/types';
import type { MetricDifference, ReproduceReport } from './plan-reproduction';
import { hashFittedPipeline } from './record-provenance';
import { trainOnTrainingPart } from './train-candidate';
import { trainUnsupervised } from './train-unsupervised';
import type { DatasetFacts, RunSummary, TrainContext, TrainRequest } from './types';

export type { MetricDifference, ReproduceReport } from './plan-reproduction';

/** The request that trains `run` again: its family, resolved hyperparameters, seed, problem, steps and preparation (no CV). */
export function buildReproduceRequest(run: RunSummary): TrainRequest {
  if (!run.provenance) throw new TrainingError(`The run "${run.id}" was trained before runs recorded their dataset and split, so it cannot be rebuilt; train it again.`);
  return {
    id: `${run.id}:reproduce`, family: run.family, params: { ...run.params }, seed: run.seed, problem: run.provenance.problem,
    steps: run.steps ?? [], crossValidate: false, autoPrepare: run.autoPrepare !== false,
  };
}

/** Trains `run` again on `table` (its dataset with the planned overrides) and compares validation metrics and pipeline hash. */
export async function reproduceRun(table: Table, run: RunSummary, ctx: TrainContext = {}, notes: string[] = []): Promise<ReproduceReport> {
  const provenance = run.provenance;
  const mismatch = (message: string): ReproduceReport => ({ outcome: 'mismatch', message, differences: [], pipelineMatches: null, notes });
  if (!provenance) return mismatch('This run was trained before runs recorded their dataset and split; train it again to make it reproducible.');
  if (run.ensemble) return mismatch(`"${run.label}" blends ${run.ensemble.members.length} runs chosen by a search; reproduce its members one by one (each records how it was trained).`);
  const columnProblem = describeColumnMismatch(provenance.dataset, table);
  if (columnProblem) return mismatch(columnProblem);
  const split = runSplit(table, provenance.split.request);
  const { trainRows, validationRows } = provenance.split;
  if (split.train.length !== trainRows || split.validation.length !== validationRows) {
    return mismatch(`The split no longer gives the recorded rows: ${split.train.length} training and ${split.validation.length} validation rows now, ${trainRows} and ${validationRows} recorded.`);
  }
  const request = buildReproduceRequest(run);
  const train = request.problem.task === 'clustering' ? trainUnsupervised : trainOnTrainingPart;
  const again = await train(table, { train: split.train, validation: split.validation, folds: [] }, request, ctx);
  const differences = compareValidation(run, again.metrics.validation);
  const pipelineMatches = hashFittedPipeline(again.pipeline) === provenance.pipelineHash;
  const pipelineNote = pipelineMatches ? '' : ' The fitted pipeline differs from the recorded one.';
  if (differences.length === 0) return { outcome: 'exact', message: `Reproduced exactly: every metric equal.${pipelineNote}`, differences, pipelineMatches, notes };
  const listed = differences.map((d) => `${d.metric} ${d.recorded ?? 'undefined'} recorded, ${d.reproduced ?? 'undefined'} now`).join('; ');
  return { outcome: 'differs', message: `Reproduced with differences: ${listed}.${pipelineNote}`, differences, pipelineMatches, notes };
}

/** A sentence naming the recorded columns the table lacks or reads as another kind, and a row count that changed; null when all match. */
export function describeColumnMismatch(recorded: DatasetFacts, table: Table): string | null {
  const problems: string[] = [];
  for (const column of recorded.columns) {
    const now = table.columns.find((c) => c.name === column.name);
    if (!now) problems.push(`"${column.name}" is missing`);
    else if (now.kind !== column.kind) problems.push(`"${column.name}" is ${now.kind}, recorded as ${column.kind}`);
  }
  if (table.rowCount !== recorded.rowCount) problems.push(`it has ${table.rowCount} rows, ${recorded.rowCount} recorded`);
  return problems.length === 0 ? null : `The dataset no longer matches the record: ${problems.join('; ')}.`;
}

// Exact equality on purpose: a deterministic family must give the very same numbers.
function compareValidation(run: RunSummary, reproduced: TrainedRunMetrics): MetricDifference[] {
  const recorded = run.metrics.validation;
  const ids = [...new Set([...Object.keys(recorded), ...Object.keys(reproduced)])] as (keyof TrainedRunMetrics)[];
  return ids.flatMap((metric) => {
    const [a, b] = [recorded[metric]?.value ?? null, reproduced[metric]?.value ?? null];
    return a === b ? [] : [{ metric, recorded: a, reproduced: b }];
  });
}

type TrainedRunMetrics = RunSummary['metrics']['validation'];
