import { describe, expect, it } from 'vitest';
import { booleanColumn, categoricalColumn, datetimeColumn, numericColumn, tableOf, textColumn } from '../../test-support/table-builders';
import type { InputContract } from '../export/input-contract';
import { DRIFT_REFERENCE } from '../stats/fixtures/read-drift-reference';
import { roundDeep } from '../stats/fixtures/read-reference';
import { measureBatchDrift } from './measure-batch-drift';
import { UNSEEN_BUCKET_LABEL } from './measure-category-drift';

const NUMERIC = DRIFT_REFERENCE.numeric.find((c) => c.name === 'normal-shifted')!;
const KS = DRIFT_REFERENCE.ks.find((c) => c.name === 'normal-shifted')!;
const CATEGORY = DRIFT_REFERENCE.categories.find((c) => c.name === 'one-side-only')!; // reference [40, 0, 25, 5, 0], batch [10, 7, 0, 3, 0]

// 80 training rows: x has the fixture's 60-value reference (20 missing), colour the fixture's counts (10 missing).
const CONTRACT: InputContract = {
  formatVersion: 1,
  columns: [
    { name: 'x', kind: 'numeric', missing: 20, min: 5, max: 15, reference: { sample: [...NUMERIC.reference].sort((a, b) => a - b) } },
    { name: 'colour', kind: 'categorical', missing: 10, levels: ['a', 'b', 'c', 'd', 'e'], counts: CATEGORY.referenceCounts },
  ],
  target: { name: 'y', classes: ['no', 'yes'] },
  trainRowCount: 80,
};

/** The fixture's batch: x = the 45 shifted values; colour 10 × a, 7 × b (no training row had b), 3 × d, 25 missing. */
function fixtureBatch() {
  const colour = [...Array(10).fill('a'), ...Array(7).fill('b'), ...Array(3).fill('d'), ...Array(25).fill(null)];
  return tableOf(numericColumn('x', NUMERIC.batch), categoricalColumn('colour', colour), categoricalColumn('y', Array(45).fill('no')));
}

describe('measureBatchDrift', () => {
  it('measures each feature with the scipy values of the fixture: KS, PSI, Wasserstein, JS for numbers; chi-square, PSI, JS for categories', () => {
    const report = measureBatchDrift(CONTRACT, fixtureBatch());
    const [x, colour] = report.features;
    expect(roundDeep({
      x: 'ks' in x && { ks: x.ks, psi: x.psi, wasserstein: x.wasserstein, js: x.jensenShannon, bins: x.psiBins },
      colour: 'chiSquare' in colour && { chi: [colour.chiSquare.statistic, colour.chiSquare.pValue, colour.chiSquare.dof], psi: colour.psi, js: colour.jensenShannon },
    })).toEqual(roundDeep({
      x: { ks: { statistic: KS.statistic, pValue: KS.pValue, method: 'exact' }, psi: NUMERIC.psi, wasserstein: NUMERIC.wasserstein, js: NUMERIC.jensenShannon, bins: { cuts: NUMERIC.cuts, referenceCounts: NUMERIC.referenceCounts, batchCounts: NUMERIC.batchCounts } },
      colour: { chi: [CATEGORY.chiSquare, CATEGORY.pValue, CATEGORY.dof], psi: CATEGORY.psi, js: CATEGORY.jensenShannon },
    }));
  });

  it('reports badges, missing rates, counts, the Bonferroni adjustment and the small-batch note', () => {
    const report = measureBatchDrift(CONTRACT, fixtureBatch());
    const [x, colour] = report.features;
    expect({ status: report.status, statuses: [x.status, colour.status], missing: [x.missingRate, colour.missingRate], compared: [x.compared, colour.compared], small: [x.smallSample, colour.smallSample] }).toEqual({
      status: 'alert', statuses: ['alert', 'alert'],
      missing: [{ reference: 0.25, batch: 0 }, { reference: 0.125, batch: 25 / 45 }],
      compared: [{ reference: 60, batch: 45 }, { reference: 70, batch: 20 }],
      small: [true, true],
    });
    expect(colour.kind === 'categorical' && colour.categories).toEqual({ labels: ['a', 'c', 'd', UNSEEN_BUCKET_LABEL], referenceCounts: [40, 25, 5, 0], batchCounts: [10, 0, 3, 7] });
    expect([x.pValueAdjusted, colour.pValueAdjusted]).toEqual([2 * KS.pValue, 2 * CATEGORY.pValue]);
    expect({ ...report.multipleTesting, note: undefined }).toEqual({ tests: 2, alpha: 0.05, significant: ['x', 'colour'], note: undefined });
    expect(report.multipleTesting.note).toContain('each p-value is also shown times 2 (Bonferroni, i.e. compared with 0.05 / 2 = 0.025)');
    expect(report.smallBatch).toEqual({ rows: 45, minimumRows: 250, note: expect.stringContaining('fewer than 250') });
    expect(report.binning).toEqual({ bins: 10, floor: 1e-4, description: expect.stringContaining('closed on the right') });
  });

  it('reuses the contract check for the schema: missing, extra, type-changed and unseen values, counted', () => {
    const batch = tableOf(textColumn('x', ['1.5', 'n/a', '9', '12']), numericColumn('extra', [1, 2, 3, 4]));
    const report = measureBatchDrift(CONTRACT, batch);
    expect({ schema: report.schema, unmeasured: report.unmeasured.map((u) => [u.column, u.reason]), features: report.features.map((f) => [f.column, f.compared.batch]) }).toEqual({
      schema: { rowCount: 4, missingColumns: ['colour'], extraColumns: ['extra'], typeChanges: [{ column: 'x', expected: 'numeric', found: 'text', converted: false, failures: 1 }], unseenCategories: [], outOfRange: [{ column: 'x', kind: 'numeric', below: 1, above: 0, min: 5, max: 15 }], newMissing: [] },
      unmeasured: [['colour', 'missing-in-batch']],
      features: [['x', 3]],
    });
    expect(report.schemaMessages.map((m) => m.severity)).toEqual(['error', 'warning', 'warning', 'warning']);
  });

  it('badges follow editable thresholds; a batch like the reference is ok', () => {
    const same = tableOf(numericColumn('x', Array.from({ length: 300 }, (_, i) => NUMERIC.reference[i % 60])));
    expect(measureBatchDrift(CONTRACT, same).features.map((f) => [f.status, f.psi, f.smallSample])).toEqual([['ok', 0, false]]);
    expect(measureBatchDrift(CONTRACT, fixtureBatch(), { psiWarn: 2, psiAlert: 5 }).features.map((f) => f.status)).toEqual(['ok', 'alert']);
    expect(() => measureBatchDrift(CONTRACT, same, { psiWarn: 0.3, psiAlert: 0.2 })).toThrow('The PSI thresholds must satisfy 0 < warning < alert (got warning 0.3, alert 0.2)');
  });

  it('measures dates in epoch ms and true/false columns with Yates; free text is listed as not measured', () => {
    const contract: InputContract = {
      formatVersion: 1, target: null, trainRowCount: 4,
      columns: [
        { name: 'when', kind: 'datetime', missing: 0, min: 0, max: 3 * 86_400_000, reference: { sample: [0, 86_400_000, 2 * 86_400_000, 3 * 86_400_000] } },
        { name: 'member', kind: 'boolean', missing: 0, trueCount: 3, falseCount: 1 },
        { name: 'note', kind: 'text', missing: 0 },
      ],
    };
    const batch = tableOf(datetimeColumn('when', ['1970-01-03', '1970-01-04', '1970-01-05']), booleanColumn('member', [false, false, true]), textColumn('note', ['a', 'b', 'c']));
    const report = measureBatchDrift(contract, batch);
    expect(report.features.map((f) => [f.column, f.kind, 'wasserstein' in f ? f.wasserstein / 86_400_000 : f.chiSquare.yates])).toEqual([['when', 'datetime', 1.5], ['member', 'boolean', true]]);
    expect(report.features[1].kind === 'boolean' && report.features[1].categories).toEqual({ labels: ['false', 'true'], referenceCounts: [1, 3], batchCounts: [2, 1] });
    expect(report.unmeasured).toEqual([{ column: 'note', reason: 'text', message: 'Column "note" is free text; drift is measured on numbers, dates and categories only.' }]);
  });
});

describe('measureBatchDrift refuses what it cannot compare, saying what to do', () => {
  it('an empty batch, a batch sharing no column, a one-row batch', () => {
    expect(() => measureBatchDrift(CONTRACT, tableOf(numericColumn('x', [])))).toThrow('The batch has no rows: there is nothing to compare with the training data. Bring a file with at least one data row under its header.');
    expect(() => measureBatchDrift(CONTRACT, tableOf(numericColumn('X', [1, 2]), numericColumn('Colour', [1, 2])))).toThrow('The batch shares no column with the model\'s inputs: it has "X", "Colour", and the model reads "x", "colour". Check that this file is data for this model (names are case-sensitive).');
    expect(() => measureBatchDrift(CONTRACT, tableOf(numericColumn('x', [1])))).toThrow(/^The batch has 1 row: drift compares two distributions/);
  });

  it('a contract recorded before references: an ExportError when nothing is left, else a note and the columns listed', () => {
    const old: InputContract = { ...CONTRACT, columns: [{ name: 'x', kind: 'numeric', missing: 0, min: 1, max: 9 }] };
    expect(() => measureBatchDrift(old, tableOf(numericColumn('x', [1, 2])))).toThrow(expect.objectContaining({
      name: 'ExportError',
      message: 'This model version\'s input contract has no stored reference sample for 1 number/date column ("x"): it was recorded before ML Studio kept one with each run. No other column can be compared, so there is no drift to measure. Retrain the run (the Train cell, or run the notebook again) and register the new run to monitor this model.',
    }));
    const mixed = measureBatchDrift({ ...CONTRACT, columns: [old.columns[0], CONTRACT.columns[1]] }, fixtureBatch());
    expect([mixed.features.map((f) => f.column), mixed.unmeasured.map((u) => u.reason), mixed.notes]).toEqual([['colour'], ['no-reference'], [expect.stringContaining('Those columns are left out of the drift check; retrain and register the run again to monitor them.')]]);
  });

  it('a column whose batch values are all missing is listed, not measured', () => {
    const report = measureBatchDrift(CONTRACT, tableOf(numericColumn('x', [null, null]), categoricalColumn('colour', ['a', 'c'])));
    expect(report.unmeasured.map((u) => [u.column, u.reason])).toEqual([['x', 'no-batch-values']]);
  });
});
