import { describe, expect, it } from 'vitest';
import { categoricalColumn, numericColumn } from '../../test-support/table-builders';
import { createRandom } from '../random/prng';
import type { Table } from '../table/types';
import { trainCandidate } from '../train/train-candidate';
import { monitorBatch } from './monitor-batch';
import { scoreOnHoldout } from './score-on-holdout';

const PROBLEM = { target: 'y', task: 'binary' as const, positiveClass: 'yes', primaryMetric: 'roc-auc' as const, secondaryMetrics: ['accuracy' as const] };

/** n rows: x ~ U(0, 10) + shift, y = yes when x (before the shift) > 5, z a constant-ish category. */
function makeTable(n: number, seed: number, shift = 0, flipLabels = false): Table {
  const random = createRandom(seed);
  const x = Array.from({ length: n }, () => random() * 10);
  return {
    rowCount: n,
    columns: [
      numericColumn('x', x.map((v) => v + shift)),
      categoricalColumn('z', x.map((_, i) => (i % 3 === 0 ? 'a' : 'b'))),
      categoricalColumn('y', x.map((v) => ((v > 5) !== flipLabels ? 'yes' : 'no'))),
    ],
  };
}

async function trainOn(table: Table) {
  const rows = Uint32Array.from({ length: table.rowCount }, (_, i) => i);
  return trainCandidate(table, { train: rows.slice(0, 400), validation: rows.slice(400), folds: [] }, { id: 'r', family: 'logistic_regression', params: {}, seed: 1, problem: PROBLEM, steps: [], crossValidate: false });
}

describe('monitorBatch', () => {
  it('a shifted number alerts, the untouched category stays ok, and labels score the batch against the validation metrics', async () => {
    const training = makeTable(500, 1);
    const run = await trainOn(training);
    const reference = { table: training, rows: Uint32Array.from({ length: 100 }, (_, i) => 400 + i) };
    const report = await monitorBatch(makeTable(600, 2, 4), run, PROBLEM, reference);
    const byColumn = Object.fromEntries(report.drift.features.map((f) => [f.column, f.status]));
    expect(byColumn).toEqual({ x: 'alert', z: 'ok' });
    expect(report.status).toBe('alert');
    expect(report.alerts[0]).toMatch(/^Feature "x" drifted: PSI \d+\.\d{3} ≥ 0\.25\.$/);
    expect(report.performance?.rows).toBe(600);
    expect(report.performance?.degraded).toBe(true);
    // 100 reference scores: the scores' drift may warn but never alerts, and says why.
    expect(report.prediction?.status).not.toBe('alert');
    expect(report.prediction?.smallSample).toBe(true);
  });

  it('no drift, no labels: ok, no performance; a missing reference says why prediction drift is absent', async () => {
    const training = makeTable(500, 1);
    const run = await trainOn(training);
    const batch = makeTable(600, 3);
    const unlabelled: Table = { rowCount: batch.rowCount, columns: batch.columns.filter((c) => c.name !== 'y') };
    const report = await monitorBatch(unlabelled, run, PROBLEM, { missing: 'the training data is not stored' });
    expect([report.status, report.performance, report.prediction, report.predictionNote]).toEqual(['ok', null, null, 'the training data is not stored']);
  });
});

describe('scoreOnHoldout', () => {
  it('the primary metric overall and per slice of a column, with the rows of each', async () => {
    const training = makeTable(500, 1);
    const run = await trainOn(training);
    const rows = Uint32Array.from({ length: 100 }, (_, i) => 400 + i);
    const scores = await scoreOnHoldout(training, rows, run, PROBLEM, 'z');
    expect(scores.rows).toBe(100);
    expect(Object.keys(scores.slices).sort()).toEqual(['z = a', 'z = b']);
    expect(scores.sliceRows['z = a'] + scores.sliceRows['z = b']).toBe(100);
    expect(scores.primary).toBeGreaterThan(0.95);
    await expect(scoreOnHoldout(training, rows, run, PROBLEM, 'nope')).rejects.toThrow('The slice column "nope" is not in the batch; pick another column in the Retrain cell.');
  });
});
