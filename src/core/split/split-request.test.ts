import { describe, expect, it } from 'vitest';
import { CELL_KINDS } from '../notebook/cell-kinds';
import type { ProblemCellSpec, SplitCellSpec } from '../notebook/types';
import type { Table } from '../table/types';
import { buildSplitRequest, describeSplitInputKey, readPercentages, recordFinalEvaluation, resolveStrategy } from './split-request';

const table: Table = {
  rowCount: 2,
  columns: [
    { kind: 'categorical', name: 'y', codes: Int32Array.from([0, 1]), levels: ['a', 'b'] },
    { kind: 'datetime', name: 'when', values: Float64Array.from([0, 1]) },
    { kind: 'numeric', name: 'shop', values: Float64Array.from([1, 2]) },
  ],
};
const spec: SplitCellSpec = CELL_KINDS.split.createSpec();
const problem = (task: ProblemCellSpec['task'], target: string | null): ProblemCellSpec => ({ target, task, primaryMetric: 'accuracy', secondaryMetrics: [] });

describe('split requests', () => {
  it('auto is stratified by the Problem target for classification, random otherwise', () => {
    expect([
      resolveStrategy(spec, problem('binary', 'y')),
      resolveStrategy(spec, problem('regression', 'y')),
      resolveStrategy(spec, null),
      resolveStrategy({ ...spec, strategy: 'grouped' }, problem('binary', 'y')),
    ]).toEqual(['stratified', 'random', 'random', 'grouped']);
    expect(buildSplitRequest(spec, problem('multiclass', 'y'), table.columns)).toEqual({
      holdout: { kind: 'stratified', fractions: { train: 0.7, validation: 0.15, test: 0.15 }, seed: 42, target: 'y' },
      folds: null,
      summarize: { target: 'y', task: 'multiclass', timeColumn: undefined, groupColumn: undefined },
      target: 'y',
    });
  });

  it("passes the Problem's task for its target and leaves out rows without that target; a class column of its own is classes", () => {
    const regression = buildSplitRequest(spec, problem('regression', 'shop'), table.columns);
    const ownClasses = buildSplitRequest({ ...spec, strategy: 'stratified', target: 'y' }, problem('regression', 'shop'), table.columns);
    expect([regression.summarize, regression.target, ownClasses.summarize, ownClasses.target]).toEqual([
      { target: 'shop', task: 'regression', timeColumn: undefined, groupColumn: undefined }, 'shop',
      { target: 'y', task: undefined, timeColumn: undefined, groupColumn: undefined }, 'shop',
    ]);
  });

  it('temporal with a gap in days and time-series folds; grouped with group folds', () => {
    const temporal = buildSplitRequest({ ...spec, strategy: 'temporal', timeColumn: 'when', gapDays: 2, cv: { kind: 'timeseries', k: 3 } }, null, table.columns);
    expect(temporal).toEqual({
      holdout: { kind: 'temporal', fractions: spec.fractions, seed: 42, timeColumn: 'when', gapMs: 172_800_000 },
      folds: { kind: 'timeseries', k: 3, seed: 42, timeColumn: 'when' },
      summarize: { target: undefined, task: undefined, timeColumn: 'when', groupColumn: undefined },
    });
    const grouped = buildSplitRequest({ ...spec, strategy: 'grouped', groupColumn: 'shop', cv: { kind: 'group', k: 2 } }, null, table.columns);
    expect([grouped.holdout, grouped.folds]).toEqual([
      { kind: 'grouped', fractions: spec.fractions, seed: 42, groupColumn: 'shop' },
      { kind: 'group', k: 2, seed: 42, groupColumn: 'shop' },
    ]);
  });

  it('names what is missing: a class column, a time column, a column no longer in the table, bad percentages', () => {
    const messages = [
      () => buildSplitRequest({ ...spec, strategy: 'stratified' }, null, table.columns),
      () => buildSplitRequest({ ...spec, strategy: 'temporal', timeColumn: 'gone' }, null, table.columns),
      () => buildSplitRequest({ ...spec, strategy: 'random', cv: { kind: 'group', k: 2 } }, null, table.columns),
      () => readPercentages(70, 20, 20),
    ].map((run) => {
      try {
        run();
        return 'no error';
      } catch (error) {
        return `${(error as Error).name}: ${(error as Error).message}`;
      }
    });
    expect(messages).toEqual([
      'DataError: A stratified split needs a class column: choose a target here or in a Problem cell above.',
      'DataError: A temporal split needs a time column: choose a datetime column.',
      'DataError: Group folds need a group column: choose one.',
      'DataError: Train 70 %, validation 20 %, test 20 % must be ≥ 0 (train > 0) and add up to 100 (now 110).',
    ]);
    expect(readPercentages(80, 0, 20)).toEqual({ train: 0.8, validation: 0, test: 0.2 });
  });

  it('keys change with the request but not with the final-evaluation count', () => {
    const request = buildSplitRequest(spec, null, table.columns);
    const counted = buildSplitRequest({ ...spec, finalEvaluations: 3 }, null, table.columns);
    const reseeded = buildSplitRequest({ ...spec, seed: 7 }, null, table.columns);
    expect({
      key: describeSplitInputKey('ds|[]', request),
      sameWhenCounted: describeSplitInputKey('ds|[]', counted) === describeSplitInputKey('ds|[]', request),
      differsWhenReseeded: describeSplitInputKey('ds|[]', reseeded) !== describeSplitInputKey('ds|[]', request),
    }).toEqual({
      key: 'ds|[]|split={"holdout":{"kind":"random","fractions":{"train":0.7,"validation":0.15,"test":0.15},"seed":42},"folds":null,"summarize":{}}',
      sameWhenCounted: true,
      differsWhenReseeded: true,
    });
    expect(recordFinalEvaluation(recordFinalEvaluation(spec))).toEqual({ ...spec, finalEvaluations: 2 });
  });
});
