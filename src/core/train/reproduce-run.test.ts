import { describe, expect, it } from 'vitest';
import { categoricalColumn, numericColumn, tableOf } from '../../test-support/table-builders';
import type { ProblemSpec } from '../problem/types';
import { runSplit, type SplitRequest } from '../split/run-split';
import type { Table } from '../table/types';
import { applyColumnOverrides } from '../table/apply-column-overrides';
import { hashFittedPipeline } from './record-provenance';
import { planReproduction } from './plan-reproduction';
import { reproduceRun } from './reproduce-run';
import { trainCandidate } from './train-candidate';
import type { RunSummary, TrainRequest, TrainSource } from './types';

const PROBLEM: ProblemSpec = { target: 'y', task: 'binary', primaryMetric: 'accuracy', secondaryMetrics: ['roc-auc', 'log-loss'] };
const X = [1, 2, null, 3, 4, 6, 7, null, 8, 9, 1.5, 8.5, 2.5, 7.5, 5.5, 4.5, 3.5, 6.5, 0.5, 9.5];
const Y = ['no', 'no', 'no', 'no', 'yes', 'yes', 'yes', 'yes', 'yes', 'yes', 'no', 'yes', 'no', 'yes', 'no', 'yes', 'no', 'yes', 'no', 'no'];
const Z = ['a', 'b', 'a', 'b', 'a', 'b', 'a', 'b', 'a', 'b', 'a', 'b', 'a', 'b', 'a', 'b', 'a', 'b', 'a', 'b'];
const TABLE = tableOf(numericColumn('x', X), categoricalColumn('z', Z), categoricalColumn('y', Y));
const SPLIT: SplitRequest = { holdout: { kind: 'stratified', fractions: { train: 0.7, validation: 0.3, test: 0 }, seed: 11, target: 'y' }, folds: null, summarize: { target: 'y', task: 'binary' }, target: 'y' };

/** Trains `family` as a Train press would: the split cut from the request, provenance passed in the request. */
async function trainRecorded(family: string, table: Table = TABLE): Promise<RunSummary> {
  const split = runSplit(table, SPLIT);
  const source: TrainSource = {
    dataset: { contentHash: 'cd'.repeat(32), name: 'toy', rowCount: table.rowCount, columns: table.columns.map((c) => ({ name: c.name, kind: c.kind })) },
    split: { key: 'split-key', request: SPLIT, trainRows: split.train.length, validationRows: split.validation.length },
    problem: PROBLEM,
  };
  const request: TrainRequest = { id: `run-${family}`, family, params: {}, seed: 5, problem: PROBLEM, steps: [{ kind: 'impute', id: 'i1', columns: ['x'], strategy: 'mean' }], crossValidate: false, provenance: source };
  const { model: _model, pipeline, inputContract: _contract, ...summary } = await trainCandidate(table, { train: split.train, validation: split.validation, folds: [] }, request);
  expect(summary.provenance).toEqual({ ...source, pipelineHash: hashFittedPipeline(pipeline) });
  return summary;
}

describe('reproduceRun', () => {
  it.each(['logistic_regression', 'decision_tree'])('trains a deterministic family (%s) again from its record and finds every metric equal', async (family) => {
    const run = await trainRecorded(family);
    expect(Object.keys(run.metrics.validation)).toEqual(['accuracy', 'roc-auc', 'log-loss']);
    expect(await reproduceRun(TABLE, run)).toEqual({ outcome: 'exact', message: 'Reproduced exactly: every metric equal.', differences: [], pipelineMatches: true, notes: [] });
  });

  it('names each metric that differs from the record, with both values', async () => {
    const run = await trainRecorded('logistic_regression');
    const accuracy = run.metrics.validation.accuracy!.value!;
    const altered: RunSummary = { ...run, metrics: { ...run.metrics, validation: { ...run.metrics.validation, accuracy: { value: 0.25 } } } };
    const report = await reproduceRun(TABLE, altered);
    expect([report.outcome, report.differences, report.message]).toEqual(['differs', [{ metric: 'accuracy', recorded: 0.25, reproduced: accuracy }], `Reproduced with differences: accuracy 0.25 recorded, ${accuracy} now.`]);
  });

  it('says what no longer matches: a column read as another kind, rows removed, no record', async () => {
    const run = await trainRecorded('decision_tree');
    const asText = applyColumnOverrides(TABLE, { z: 'text' }).table;
    expect((await reproduceRun(asText, run)).message).toBe('The dataset no longer matches the record: "z" is text, recorded as categorical.');
    const shorter = tableOf(numericColumn('x', X.slice(1)), categoricalColumn('z', Z.slice(1)), categoricalColumn('y', Y.slice(1)));
    expect(await reproduceRun(shorter, run)).toMatchObject({ outcome: 'mismatch', message: 'The dataset no longer matches the record: it has 19 rows, 20 recorded.', pipelineMatches: null });
    const { provenance: _p, ...old } = run;
    expect((await reproduceRun(TABLE, old)).message).toBe('This run was trained before runs recorded their dataset and split; train it again to make it reproducible.');
  });
});

describe('planReproduction', () => {
  const recorded = { provenance: { dataset: { contentHash: 'ab'.repeat(32), name: 'toy', rowCount: 20, columns: [{ name: 'x', kind: 'numeric' as const }, { name: 'y', kind: 'categorical' as const }] } } } as Pick<RunSummary, 'provenance'>;

  it('picks the first stored copy holding every recorded column and sets the Data cell\'s kinds and exclusions again', () => {
    const plan = planReproduction(recorded, [
      { id: 'd-new', columns: [{ name: 'x', kind: 'numeric' }] },
      { id: 'd-old', columns: [{ name: 'x', kind: 'text' }, { name: 'y', kind: 'categorical' }, { name: 'id', kind: 'numeric' }] },
    ]);
    expect(plan).toEqual({
      kind: 'ready', datasetId: 'd-old', overrides: { x: 'numeric', id: 'excluded' },
      notes: ['"x" read as numeric, as the run\'s Data cell did (stored as text)', '"id" left out, as the run\'s Data cell did'],
    });
  });

  it('says when the dataset is gone or lacks a recorded column', () => {
    expect(planReproduction(recorded, [])).toEqual({ kind: 'blocked', problems: ['The dataset "toy" (content hash abababababab…) is no longer stored: import the same file again.'] });
    expect(planReproduction(recorded, [{ id: 'd', columns: [{ name: 'x', kind: 'numeric' }] }])).toEqual({ kind: 'blocked', problems: ['The stored dataset "toy" lacks the recorded columns "y".'] });
  });
});
