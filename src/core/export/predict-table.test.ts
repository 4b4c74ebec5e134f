import { describe, expect, it } from 'vitest';
import { writeCsv } from '../csv/write-csv';
import { importFile } from '../ingest/import-file';
import { buildFeatureMatrix } from '../models/feature-matrix';
import { predictOutputs } from '../models/predict-outputs';
import { loadModel } from '../models/registry';
import { DEFAULT_IMPORT_OPTIONS } from '../notebook/types';
import type { ProblemSpec } from '../problem/types';
import type { Table } from '../table/types';
import { trainCandidate } from '../train/train-candidate';
import { trainUnsupervised } from '../train/train-unsupervised';
import type { TrainedRun, TrainingParts } from '../train/types';
import { transformTable } from '../transform/pipeline';
import { takeRows } from '../transform/take-rows';
import { categoricalColumn, numericColumn, tableOf } from '../../test-support/table-builders';
import { predictTable, rowsToTable, writePredictionsCsv, type ScoredTable } from './predict-table';
import type { InputContract } from './input-contract';

// 120 rows: x1 and x2 separate the classes, x2 misses values, colour has a level ("amber") only in training rows,
// so the validation rows read back on their own code every colour one lower.
const N = 120;
const COLOURS = ['amber', 'blue', 'cyan', 'dune'];
function makeCsv(): string {
  const lines = ['x1,x2,colour,flag,y,amount'];
  for (let i = 0; i < N; i++) {
    const x1 = ((i * 37) % 101) / 10;
    const x2 = i % 9 === 0 ? '' : String(((i * 53) % 97) / 7);
    const colour = i < 90 ? COLOURS[i % 4] : COLOURS[1 + (i % 3)];
    const flag = i % 3 === 0 ? 'yes' : 'no';
    const y = x1 + (x2 === '' ? 0 : Number(x2)) / 3 + (colour === 'blue' ? 2 : 0) > 7 ? 'high' : i % 5 === 0 ? 'mid' : 'low';
    lines.push(`${x1},${x2},${colour},${flag},${y},${(x1 * 3 + i / 10).toFixed(3)}`);
  }
  return `${lines.join('\n')}\n`;
}

const rowsOf = (from: number, to: number) => Uint32Array.from({ length: to - from }, (_, i) => from + i);
const PARTS: TrainingParts = { train: rowsOf(0, 90), validation: rowsOf(90, N), folds: [] };

async function importCsv(text: string): Promise<Table> {
  return (await importFile(new Blob([text]), 'rows.csv', DEFAULT_IMPORT_OPTIONS)).table;
}

/** The studio's own path (prepare-held-out.ts): pipeline on the original table's rows, features, predictOutputs. */
async function predictInStudio(run: TrainedRun, table: Table, rows: Uint32Array) {
  const transformed = transformTable(run.pipeline, takeRows(table, rows));
  const { X } = buildFeatureMatrix(transformed.table, run.featureNames);
  return { ...(await predictOutputs(loadModel(run.model), X, run.classes !== undefined)), categorical: X.categorical };
}

function maxDifference(a: ArrayLike<number>, b: ArrayLike<number>): number {
  expect(a.length).toBe(b.length);
  let worst = 0;
  for (let i = 0; i < a.length; i++) worst = Math.max(worst, Math.abs(a[i] - b[i]));
  return worst;
}

/** The validation rows written as CSV without the target, columns shuffled, and read back (levels re-inferred). */
async function reimportValidation(table: Table, drop: string): Promise<Table> {
  const part = takeRows(table, PARTS.validation);
  const columns = [...part.columns].filter((c) => c.name !== drop).reverse();
  return importCsv(writeCsv({ rowCount: part.rowCount, columns }));
}

describe('predictTable equals the studio on re-imported rows', async () => {
  const table = await importCsv(makeCsv());
  const classification: ProblemSpec = { target: 'y', task: 'multiclass', primaryMetric: 'accuracy', secondaryMetrics: [] };
  const regression: ProblemSpec = { target: 'amount', task: 'regression', primaryMetric: 'rmse', secondaryMetrics: [] };
  const cases: [string, ProblemSpec, Record<string, unknown>][] = [
    ['logistic_regression', classification, {}],
    ['gradient_boosting', classification, { maxIter: 15, minSamplesLeaf: 3 }],
    ['random_forest', classification, { nEstimators: 8 }],
    ['knn', classification, { k: 3 }],
    ['naive_bayes', classification, {}],
    ['decision_tree', regression, { maxDepth: 4 }],
    ['gradient_boosting', regression, { maxIter: 10 }],
    ['linear_regression', regression, {}],
  ];

  it('re-importing the validation rows gives other category codes (the point of re-coding)', async () => {
    const reimported = await reimportValidation(table, 'y');
    const colour = (t: Table) => t.columns.find((c) => c.name === 'colour');
    expect(colour(table)).toMatchObject({ levels: ['amber', 'blue', 'cyan', 'dune'] });
    expect(colour(reimported)).toMatchObject({ levels: ['blue', 'cyan', 'dune'] });
    expect(table.columns.find((c) => c.name === 'flag')?.kind).toBe('boolean');
  });

  it.each(cases)('%s (%s)', async (family, problem, params) => {
    const run = await trainCandidate(table, PARTS, { id: 'r', family, params: params as never, seed: 3, problem, steps: [], crossValidate: false });
    const contract = run.inputContract as InputContract;
    const studio = await predictInStudio(run, table, PARTS.validation);
    const scored = await predictTable(run, contract, await reimportValidation(table, problem.target as string));
    expect(scored.unscoredRows).toBe(0);
    // Gradient boosting takes colour as native category codes: the codes the re-coding must get right.
    if (family === 'gradient_boosting') expect(studio.categorical).toContain(true);
    expect(maxDifference(scored.prediction as Float64Array, studio.predictions)).toBeLessThanOrEqual(1e-12);
    if (problem.task === 'multiclass') {
      expect(maxDifference(scored.probabilities as Float64Array, studio.proba as Float64Array)).toBeLessThanOrEqual(1e-12);
      expect(scored.label).toEqual(Array.from(studio.predictions, (p) => run.classes?.[p]));
    } else expect(scored.probabilities).toBeNull();
  });

  it('kmeans: cluster ids equal the studio\'s', async () => {
    const problem = { target: null, task: 'clustering', primaryMetric: 'silhouette', secondaryMetrics: [] } as unknown as ProblemSpec;
    const run = await trainUnsupervised(table, PARTS, { id: 'k', family: 'kmeans', params: { k: 3 }, seed: 5, problem, steps: [], crossValidate: false });
    const scored = await predictTable(run, run.inputContract as InputContract, await reimportValidation(table, ''));
    const studio = await predictInStudio(run, table, PARTS.validation);
    expect({ clusters: scored.clusters, unscored: scored.unscoredRows }).toEqual({ clusters: Int32Array.from(studio.predictions), unscored: 0 });
  });

  it('rows a filter step removes are not scored; the others equal the studio\'s', async () => {
    const steps = [{ kind: 'filter' as const, id: 'f', expression: 'x1 < 8' }];
    const run = await trainCandidate(table, PARTS, { id: 'r', family: 'logistic_regression', params: {}, seed: 3, problem: classification, steps, crossValidate: false });
    const scored = await predictTable(run, run.inputContract as InputContract, await reimportValidation(table, 'y'));
    const kept = transformTable(run.pipeline, takeRows(table, PARTS.validation)).rows;
    const studio = await predictInStudio(run, table, PARTS.validation);
    const expected = new Float64Array(PARTS.validation.length).fill(NaN);
    kept.forEach((row, i) => (expected[row] = studio.predictions[i]));
    expect(kept.length).toBeLessThan(PARTS.validation.length);
    expect({ prediction: scored.prediction, unscored: scored.unscoredRows }).toEqual({ prediction: expected, unscored: PARTS.validation.length - kept.length });
    expect(scored.label?.filter((l) => l === null).length).toBe(PARTS.validation.length - kept.length);
  });
});

describe('predictTable', () => {
  const contract: InputContract = { formatVersion: 1, target: { name: 'y', classes: ['no', 'yes'] }, trainRowCount: 4, columns: [{ name: 'x', kind: 'numeric', missing: 0, min: 1, max: 4 }] };

  it('a table without a contract column is an ExportError naming it', async () => {
    const run = await trainCandidate(tableOf(numericColumn('x', [1, 2, 3, 4]), categoricalColumn('y', ['no', 'no', 'yes', 'yes'])), { train: rowsOf(0, 4), validation: new Uint32Array(0), folds: [] },
      { id: 'r', family: 'logistic_regression', params: {}, seed: 1, problem: { target: 'y', task: 'binary', primaryMetric: 'accuracy', secondaryMetrics: [] }, steps: [], crossValidate: false });
    await expect(predictTable(run, contract, tableOf(numericColumn('z', [1])))).rejects.toMatchObject({ name: 'ExportError', message: expect.stringContaining('Column "x" is missing') });
  });
});

describe('rowsToTable', () => {
  const contract: InputContract = {
    formatVersion: 1, target: null, trainRowCount: 3,
    columns: [
      { name: 'n', kind: 'numeric', missing: 0, min: 0, max: 9 },
      { name: 'm', kind: 'numeric', missing: 2, min: 0, max: 9 },
      { name: '__proto__', kind: 'categorical', missing: 0, levels: ['a', 'b'], counts: [1, 2] },
      { name: 'flag', kind: 'boolean', missing: 0, trueCount: 1, falseCount: 2 },
      { name: 'when', kind: 'datetime', missing: 0, min: 0, max: 1 },
    ],
  };

  it('types each cell strictly and reads keys as own properties only', () => {
    const rows = [
      JSON.parse('{"n": 1, "m": "NaN", "__proto__": "b", "flag": true, "when": "2024-01-02", "extra": 5}'),
      JSON.parse('{"n": " 2.5 ", "m": null, "__proto__": "z", "flag": "false", "when": 86400000}'),
    ];
    const { table, problems } = rowsToTable(rows, contract);
    expect(problems).toEqual([]);
    expect(table).toEqual({
      rowCount: 2,
      columns: [
        { kind: 'numeric', name: 'n', values: Float64Array.of(1, 2.5) },
        { kind: 'numeric', name: 'm', values: Float64Array.of(NaN, NaN) },
        { kind: 'categorical', name: '__proto__', levels: ['a', 'b', 'z'], codes: Int32Array.of(1, 2) },
        { kind: 'boolean', name: 'flag', values: Uint8Array.of(1, 0) },
        { kind: 'datetime', name: 'when', values: Float64Array.of(Date.parse('2024-01-02T00:00:00Z'), 86400000) },
      ],
    });
  });

  it('names the row and column of every value it cannot read; a column absent from every row is left out', () => {
    const rows = [{ n: 'ten', m: 1, flag: 'maybe' }, { n: Number.NaN, m: 1, flag: 1 }, { m: [1], flag: {} }];
    const { table, problems } = rowsToTable(rows, contract);
    expect(problems).toEqual([
      { row: 0, column: 'n', message: 'row 1, column "n": expected a number, got "ten"' },
      { row: 1, column: 'n', message: 'row 2, column "n": NaN is not allowed here (training had no missing values in this column); send null for a missing value' },
      { row: 2, column: 'n', message: 'row 3 has no "n"; send null for a missing value' },
      { row: 2, column: 'm', message: 'row 3, column "m": expected a number, got an array' },
      { row: 0, column: 'flag', message: 'row 1, column "flag": expected true or false, got "maybe"' },
      { row: 2, column: 'flag', message: 'row 3, column "flag": expected true or false, got an object' },
    ]);
    expect(table.columns.map((c) => c.name)).toEqual(['n', 'm', 'flag']);
  });
});

describe('writePredictionsCsv', () => {
  it('writes the input columns, then the label and one probability column per class', () => {
    const input = tableOf(numericColumn('x', [1, 2, 3]), categoricalColumn('prediction', ['a, b', 'c', 'd']));
    const scored: ScoredTable = {
      task: 'binary', classes: ['no', 'yes "really"'], label: ['no', null, 'yes "really"'], prediction: Float64Array.of(0, NaN, 1),
      probabilities: Float64Array.of(0.75, 0.25, NaN, NaN, 0.1, 0.9), unscoredRows: 1,
      report: { missingColumns: [], extraColumns: [], typeChanges: [], unseenCategories: [], outOfRange: [], newMissing: [], rowCount: 3 },
    };
    expect(writePredictionsCsv(input, scored)).toBe(
      'x,prediction,prediction_2,proba_no,"proba_yes ""really"""\n1,"a, b",no,0.75,0.25\n2,c,,,\n3,d,"yes ""really""",0.1,0.9\n',
    );
  });

  it('regression writes the value; clustering the cluster', () => {
    const report = { missingColumns: [], extraColumns: [], typeChanges: [], unseenCategories: [], outOfRange: [], newMissing: [], rowCount: 2 };
    const input = tableOf(numericColumn('x', [1, 2]));
    expect(writePredictionsCsv(input, { task: 'regression', classes: null, label: null, prediction: Float64Array.of(0.1 + 0.2, -3), probabilities: null, report, unscoredRows: 0 }))
      .toBe('x,prediction\n1,0.30000000000000004\n2,-3\n');
    expect(writePredictionsCsv(input, { task: 'clustering', classes: null, label: null, prediction: Float64Array.of(2, NaN), probabilities: null, clusters: Int32Array.of(2, -1), report, unscoredRows: 1 }))
      .toBe('x,cluster\n1,2\n2,\n');
  });
});
