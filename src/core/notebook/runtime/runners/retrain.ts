// The Retrain cell's runner: the monitored version (the champion) trained again — its family, hyperparameters,
// pipeline steps and automatic preparation — on the new data (the batch's labelled rows, its most recent rows, or the
// champion's training rows plus the batch's), then champion and challenger scored on the same held-out rows of the
// batch, and the validation gate: the challenger must beat the champion by δ on the primary metric and not fall
// behind on any monitored slice by more than the tolerance. A passed gate registers the challenger and, when the
// cell says so, promotes it; otherwise a person confirms it in the view. Rollback goes through the registry.

import { DataError } from '../../../errors';
import { decideGate, type GateDecision } from '../../../monitor/decide-gate';
import type { HoldoutScores } from '../../../monitor/score-on-holdout';
import { METRICS } from '../../../problem/metrics';
import type { SplitRequest } from '../../../split/run-split';
import type { RowIndices } from '../../../table/types';
import type { RunSummary, TrainRequest } from '../../../train/types';
import type { CellRunner } from '../runner';
import { requireInput } from '../runner';

export interface RetrainOutput {
  readonly champion: { readonly modelName: string; readonly version: number; readonly runId: string; readonly label: string };
  /** Why nothing was trained (the batch raised no alert and the cell retrains on alerts only); null when it ran. */
  readonly skipped: string | null;
  readonly challenger: RunSummary | null;
  /** Rows the challenger trained on (old training rows and the batch's) and the holdout both were scored on. */
  readonly rows: { readonly old: number; readonly batch: number; readonly holdout: number } | null;
  readonly scores: { readonly champion: HoldoutScores; readonly challenger: HoldoutScores } | null;
  readonly gate: GateDecision | null;
  /** The challenger's registry entry once registered (with its stage), and whether it still waits for the user's confirmation. */
  readonly registered: { readonly version: number; readonly stage: string; readonly at: number; readonly reason: string } | null;
  readonly awaitingConfirmation: boolean;
}

export const retrainRunner: CellRunner<'retrain', RetrainOutput> = {
  kind: 'retrain',
  inputs: ['dataset', 'version'],
  optional: [],
  publishes: null,
  outputVersion: 1,
  auto: false,
  check: (_spec, inputs) => (requireInput(inputs, 'version').problem.target === null ? 'The monitored version clusters rows: there is no target to retrain and gate on.' : null),
  describeInputs: (spec, inputs) => [requireInput(inputs, 'dataset').key, requireInput(inputs, 'version').key, JSON.stringify(spec)].join('|'),
  async run(spec, inputs, context) {
    const batch = requireInput(inputs, 'dataset');
    const version = requireInput(inputs, 'version');
    const champion = { modelName: version.modelName, version: version.version, runId: version.run.id, label: version.run.label };
    const empty = { challenger: null, rows: null, scores: null, gate: null, registered: null, awaitingConfirmation: false };
    if (spec.when === 'on-alert' && version.status !== 'alert') {
      return { champion, skipped: 'The Monitor cell above raised no alert on this batch, so the champion stays; set "Retrain" to "always" to retrain anyway.', ...empty };
    }
    const problem = version.problem;
    const target = problem.target!;
    if (!batch.columns.some((c) => c.name === target)) throw new DataError(`The batch has no "${target}" column: retraining needs labels. Add the labels to the batch file, or monitor it without retraining.`);
    context.onProgress({ message: 'Holding out rows of the batch' });
    const request: SplitRequest = {
      holdout: { kind: problem.task === 'regression' ? 'random' : 'stratified', fractions: { train: 1 - spec.holdoutFraction, validation: spec.holdoutFraction, test: 0 }, seed: spec.seed, target },
      folds: null, summarize: { target, task: problem.task }, target,
    };
    const split = await context.compute.splitTable(batch.key, request, context);
    if (split.validation.length === 0 || split.train.length === 0) throw new DataError(`The batch has ${split.train.length + split.validation.length} labelled rows: too few to hold out ${Math.round(spec.holdoutFraction * 100)} % and train on the rest; bring a larger batch.`);
    const batchTrain = spec.data === 'window' ? split.train.slice(Math.max(0, split.train.length - spec.windowRows)) : split.train;
    let datasetKey = batch.key;
    let trainRows: RowIndices = batchTrain;
    let holdout: RowIndices = split.validation;
    let oldRows = 0;
    if (spec.data === 'append') {
      context.onProgress({ message: `Reading ${champion.label}'s training rows` });
      // One table: the champion's training rows, then the batch's training rows, then its holdout rows.
      const appended = await context.compute.appendTrainingRows(champion.runId, batch.key, Uint32Array.from([...batchTrain, ...split.validation]), context);
      datasetKey = appended.datasetKey;
      trainRows = Uint32Array.from([...appended.old, ...appended.batch.subarray(0, batchTrain.length)]);
      holdout = appended.batch.slice(batchTrain.length);
      oldRows = appended.old.length;
    }
    const run = version.run;
    const challengerRequest: TrainRequest = {
      id: crypto.randomUUID(), family: run.family, params: { ...run.params }, seed: run.seed, problem: JSON.parse(JSON.stringify(problem)),
      steps: JSON.parse(JSON.stringify(run.steps ?? [])), crossValidate: false, autoPrepare: run.autoPrepare !== false,
    };
    context.onProgress({ message: `Training the challenger (${run.label}) on ${trainRows.length.toLocaleString('en')} rows` });
    const [outcome] = await context.compute.trainCandidates({ cellId: context.cellId, datasetKey, parts: { train: trainRows, validation: holdout, folds: [] }, requests: [challengerRequest], backend: 'auto' }, context);
    if (!outcome || outcome.status === 'cancelled') throw Object.assign(new Error('cancelled'), { name: 'AbortError' });
    if (outcome.status === 'error') throw new DataError(`The challenger failed to train: ${outcome.error}`);
    context.onProgress({ message: 'Scoring champion and challenger on the holdout' });
    const championScores = await context.compute.scoreOnHoldout(datasetKey, holdout, champion.runId, problem, spec.sliceColumn, context);
    const challengerScores = await context.compute.scoreOnHoldout(datasetKey, holdout, outcome.run.id, problem, spec.sliceColumn, context);
    const metric = METRICS[problem.primaryMetric];
    const gate = decideGate({
      champion: championScores, challenger: challengerScores, primary: metric.label, direction: metric.direction, delta: spec.delta,
      slices: Object.keys(championScores.slices).filter((name) => name in challengerScores.slices), sliceTolerance: spec.sliceTolerance,
    });
    let registered: RetrainOutput['registered'] = null;
    if (gate.passed) {
      const promote = spec.promote === 'auto';
      const reason = `Retrained on ${describeData(spec.data, oldRows, batchTrain.length, batch.name)}; gate passed: ${gate.reasons.join(' ')}`;
      const entry = await context.compute.registerChallenger(champion.modelName, outcome.run.id, promote, reason);
      registered = { ...entry, at: Date.now(), reason };
    }
    return {
      champion, skipped: null, challenger: outcome.run, rows: { old: oldRows, batch: batchTrain.length, holdout: holdout.length },
      scores: { champion: championScores, challenger: challengerScores }, gate, registered, awaitingConfirmation: gate.passed && spec.promote === 'confirm',
    };
  },
  summarize: (output) => ({
    champion: output.champion, skipped: output.skipped, challenger: output.challenger?.label ?? null, rows: output.rows,
    scores: output.scores ? { champion: output.scores.champion.primary, challenger: output.scores.challenger.primary, slices: { champion: output.scores.champion.slices, challenger: output.scores.challenger.slices } } : null,
    gate: output.gate, registered: output.registered, awaitingConfirmation: output.awaitingConfirmation,
  }),
};

function describeData(data: 'batch' | 'window' | 'append', old: number, batchRows: number, name: string): string {
  const rows = `${batchRows.toLocaleString('en')} rows of ${name}`;
  if (data === 'append') return `the champion's ${old.toLocaleString('en')} training rows and ${rows}`;
  return data === 'window' ? `the most recent ${rows}` : rows;
}
