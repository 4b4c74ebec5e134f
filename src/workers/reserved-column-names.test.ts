// Columns and class labels named like Object.prototype's members ("__proto__", "constructor", "toString") go
// through every worker surface as any other name: import, profile (one pass and in parts), split, the Prepare
// preview, training and prediction. A plain {} keyed by such a name reads the prototype's member instead.

import { describe, expect, it } from 'vitest';
import { createTestRunStore } from '../test-support/run-store';
import type { Column, Table } from '../core/table/types';
import { listJobColumns, runProfileJob } from '../core/profile/profile-job';
import { profileTableInParts } from '../core/profile/profile-in-parts';
import { profileTable } from '../core/profile/profile-table';
import { DEFAULT_IMPORT_OPTIONS } from '../core/notebook/types';
import type { ProblemSpec } from '../core/problem/types';
import type { PipelineStep } from '../core/transform/step-types';
import type { TrainRequest } from '../core/train/types';
import { blobOf } from '../test-support/table-builders';
import { holdTestTable } from '../test-support/held-table';
import { computeApi } from './compute-api';
import { trainingApi } from './training-api';

// 40 rows: __proto__ numeric with gaps, constructor categorical with gaps, toString numeric, x the class label
// ("toString" or "__proto__", following toString). PLAIN is the same data under plain names that sort alike.
const ROWS = Array.from({ length: 40 }, (_, i) => {
  const proto = i % 7 === 3 ? '' : String((i * 13) % 17);
  const constructor = i % 9 === 4 ? '' : ['hasOwnProperty', 'valueOf', '__proto__'][i % 3];
  return `${proto},${constructor},${i % 10},${i % 10 < 5 ? 'toString' : '__proto__'}`;
});
const CSV = `__proto__,constructor,toString,x\n${ROWS.join('\n')}\n`;
const PLAIN = CSV.replace('__proto__,constructor,toString,x', 'a,b,c,x').replaceAll('hasOwnProperty', 'b1').replaceAll('valueOf', 'c1').replaceAll('__proto__', 'a1').replaceAll('toString', 't1');
const NAMES = ['__proto__', 'constructor', 'toString', 'x'];
const STEPS: PipelineStep[] = [
  { kind: 'impute', id: 'impute', columns: ['__proto__', 'constructor'], strategy: 'most_frequent', addIndicator: true },
  { kind: 'scale', id: 'scale', columns: ['__proto__', 'toString'], method: 'standard' },
  { kind: 'one_hot', id: 'one-hot', columns: ['constructor'] },
];
const PLAIN_STEPS = JSON.parse(JSON.stringify(STEPS).replaceAll('__proto__', 'a').replaceAll('constructor', 'b').replaceAll('toString', 'c')) as PipelineStep[];

async function importTable(csv = CSV): Promise<Table> {
  const result = await computeApi.importFile(blobOf(csv), 'reserved.csv', DEFAULT_IMPORT_OPTIONS);
  return result.table;
}

/** Runs each job on structured-cloned copies of the columns it reads, as a part worker holds them. */
const runOnCopies = (table: Table) => async (_lane: number, job: Parameters<typeof runProfileJob>[1], onColumn: () => void) => {
  const names = listJobColumns(job);
  const columns = names === 'all' ? table.columns : names.map((name) => table.columns.find((c) => c.name === name) as Column);
  return structuredClone(runProfileJob(structuredClone({ rowCount: table.rowCount, columns }), structuredClone(job), onColumn));
};

describe('columns and labels named like Object.prototype members', () => {
  it('import as ordinary columns', async () => {
    const table = await importTable();
    expect(table.columns.map((c) => `${c.name} ${c.kind}`)).toEqual(['__proto__ numeric', 'constructor categorical', 'toString numeric', 'x categorical']);
  });

  it('profile in one pass and in parts alike, with their correlations and the target', async () => {
    const table = await importTable();
    const single = profileTable(table, { target: 'x' });
    const parts = await profileTableInParts(table, { target: 'x' }, 3, runOnCopies(table));
    expect({ ...parts, durationMs: 0 }).toEqual({ ...single, durationMs: 0 });
    expect([single.columns.map((c) => c.name), single.correlations.spearman?.columns, single.target?.associations.map((a) => a.column)]).toEqual([
      NAMES,
      ['__proto__', 'toString'],
      ['toString', '__proto__', 'constructor'],
    ]);
  });

  it('split by class, preview the pipeline, train and predict', async () => {
    const table = await importTable();
    const tableRef = holdTestTable('reserved', table);
    const split = await computeApi.splitTable(tableRef, { holdout: { kind: 'stratified', target: 'x', seed: 1, fractions: { train: 0.75, validation: 0.25, test: 0 } }, folds: null, summarize: { target: 'x' } });
    // A computed key: a literal `__proto__:` would set the prototype instead of a property.
    const counts: Record<string, number>[] = [{ toString: 15, ['__proto__']: 15 }, { toString: 5, ['__proto__']: 5 }, {}];
    expect(split.summary.parts.map((p) => p.classCounts)).toEqual(counts);
    expect(split.summary.issues).toEqual([]);
    const preview = await computeApi.previewPipeline(tableRef, STEPS, split);
    expect(preview.after.columns.map((c) => c.name)).toEqual([
      '__proto__', '__proto___missing', 'constructor=__proto__', 'constructor=hasOwnProperty', 'constructor=valueOf', 'constructor_missing', 'toString', 'x',
    ]);
    // Rows 0–35 hold 20 toString and 16 __proto__: balanced weights 36 / (2 · 20) and 36 / (2 · 16) (sklearn's "balanced").
    const weighted = await computeApi.previewPipeline(tableRef, [{ kind: 'resample', id: 'w', method: 'class_weights', target: 'x' }], { train: Uint32Array.from({ length: 36 }, (_, i) => i), validation: new Uint32Array(0) });
    expect(weighted.training.classWeights).toEqual({ toString: 0.9, ['__proto__']: 1.125 });
    const plainTable = await importTable(PLAIN);
    const parts = { train: split.train, validation: split.validation, folds: [] };
    const runs = createTestRunStore();
    for (const family of ['decision_tree', 'random_forest', 'logistic_regression', 'gradient_boosting', 'knn']) {
      const problem: ProblemSpec = { target: 'x', task: 'binary', primaryMetric: 'accuracy', secondaryMetrics: ['roc-auc'] };
      const request: TrainRequest = { id: family, family, params: {}, seed: 1, problem, steps: STEPS, crossValidate: false };
      holdTestTable('plain', plainTable);
      const plain = await trainingApi.trainRun('plain', parts, { ...request, id: `${family}-plain`, steps: PLAIN_STEPS }, 'auto', runs.store);
      const expected = await trainingApi.predictStoredRun('plain', split.validation, await runs.commit(plain), problem);
      holdTestTable('reserved', table);
      const run = await trainingApi.trainRun('reserved', parts, request, 'auto', runs.store);
      const predicted = await trainingApi.predictStoredRun('reserved', split.validation, await runs.commit(run), problem);
      expect([family, run.featureNames, run.classes, run.metrics, predicted.yPred]).toEqual([
        family, preview.after.columns.map((c) => c.name).filter((n) => n !== 'x'), ['__proto__', 'toString'], plain.metrics, expected.yPred,
      ]);
    }
  });
});
