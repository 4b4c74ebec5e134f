// A trained run records the columns it reads (its input contract), and the Predict cell's scoring path gives the
// studio's own predictions on a Split part and on the same rows brought back as a new file whose category levels
// differ (re-coded onto the training levels), with the preview table and the CSV beside the input.
import { describe, expect, it } from 'vitest';
import { booleanColumn, categoricalColumn, numericColumn, tableOf, textColumn } from '../../test-support/table-builders';
import { importFile } from '../ingest/import-file';
import { DEFAULT_IMPORT_OPTIONS } from '../notebook/types';
import type { ProblemSpec } from '../problem/types';
import { createRandom } from '../random/prng';
import { writeCsv } from '../csv/write-csv';
import { takeRows } from '../transform/take-rows';
import { predictRun } from '../train/predict-run';
import { trainCandidate } from '../train/train-candidate';
import { predictTable, writePredictionsCsv } from './predict-table';
import { scoreRowsForView } from './score-for-view';

const ROWS = 120;
const random = createRandom(5);
const x = Array.from({ length: ROWS }, (_, i) => (i % 10 === 3 ? null : Math.round(random() * 1000) / 10));
const colour = Array.from({ length: ROWS }, (_, i) => (i % 17 === 5 ? null : ['red', 'green', 'blue', 'violet'][i % 4]));
const TABLE = tableOf(
  numericColumn('x', x),
  categoricalColumn('colour', colour),
  booleanColumn('member', Array.from({ length: ROWS }, (_, i) => i % 3 === 0)),
  textColumn('id', Array.from({ length: ROWS }, (_, i) => `row-${i}`), true),
  categoricalColumn('label', Array.from({ length: ROWS }, (_, i) => ((x[i] ?? 50) + (colour[i] === 'blue' ? 40 : 0) > 60 ? 'yes' : 'no'))),
);
const ALL = Uint32Array.from({ length: ROWS }, (_, i) => i);
const PARTS = { train: ALL.filter((r) => r % 4 !== 0), validation: ALL.filter((r) => r % 4 === 0), folds: [] };
const PROBLEM: ProblemSpec = { target: 'label', task: 'binary', primaryMetric: 'accuracy', secondaryMetrics: [], positiveClass: 'yes' };

describe('scoreRowsForView', () => {
  it.each(['gradient_boosting', 'logistic_regression'])('%s: the contract is recorded and a new file is scored as the studio scores the split part', async (family) => {
    const run = await trainCandidate(TABLE, PARTS, { id: family, family, params: {}, seed: 1, problem: PROBLEM, steps: [], crossValidate: false });
    const contract = run.inputContract!;
    expect(contract.columns.map((c) => `${c.name}:${c.kind}:${c.missing}`)).toEqual(['x:numeric:' + PARTS.train.filter((r) => x[r] === null).length, `colour:categorical:${PARTS.train.filter((r) => colour[r] === null).length}`, 'member:boolean:0']);
    expect(contract.target).toEqual({ name: 'label', classes: ['no', 'yes'] });

    const studio = await predictRun(TABLE, PARTS.validation, run, PROBLEM);
    const part = await scoreRowsForView(run, TABLE, PARTS.validation);
    expect(part.report.missingColumns).toEqual([]);
    const probabilityOfYes = part.preview.columns.find((c) => c.name === 'proba_yes');
    expect(probabilityOfYes?.kind === 'numeric' && Array.from(probabilityOfYes.values)).toEqual(Array.from({ length: studio.yTrue.length }, (_, i) => studio.proba![i * 2 + 1]));

    // The same rows as a file without "violet", without the id (free text no model reads: not in the contract) and
    // with the columns in another order: other category codes.
    const rows = takeRows(TABLE, PARTS.validation);
    const reordered = { ...rows, columns: [rows.columns[4], rows.columns[1], rows.columns[0], rows.columns[2]] };
    const imported = await importFile(new Blob([writeCsv(reordered)]), 'new.csv', DEFAULT_IMPORT_OPTIONS);
    const file = await scoreRowsForView(run, imported.table, null);
    expect(file.preview.columns.find((c) => c.name === 'proba_yes')).toEqual(probabilityOfYes);
    expect(file.preview.columns.slice(0, 3).map((c) => c.name)).toEqual(['prediction', 'proba_no', 'proba_yes']);
    expect(file.csvParts.join('').split('\n')[0]).toMatch(/^label,colour,x,member,/);
    expect(file.summary.kind === 'labels' && file.summary.counts.reduce((n, c) => n + c.rows, 0)).toBe(PARTS.validation.length);
  }, 60_000);

  it('writes the CSV of a large table in parts of 20,000 rows that join to the one-piece file', async () => {
    const run = await trainCandidate(TABLE, PARTS, { id: 'm', family: 'logistic_regression', params: {}, seed: 1, problem: PROBLEM, steps: [], crossValidate: false });
    const large = takeRows(TABLE, Uint32Array.from({ length: 45_000 }, (_, i) => i % ROWS));
    const scored = await scoreRowsForView(run, large, null);
    const whole = writePredictionsCsv(large, await predictTable(run, run.inputContract!, large));
    expect([scored.csvParts.length, scored.csvParts.join('') === whole, scored.preview.rowCount]).toEqual([4, true, 1000]);
  }, 60_000);

  it('refuses a run trained before contracts were recorded, saying to retrain', async () => {
    const run = await trainCandidate(TABLE, PARTS, { id: 'r', family: 'most_frequent', params: {}, seed: 1, problem: PROBLEM, steps: [], crossValidate: false });
    const { inputContract: _dropped, ...old } = run;
    await expect(scoreRowsForView(old, TABLE, PARTS.validation)).rejects.toThrow(/train it again/);
  });
});
