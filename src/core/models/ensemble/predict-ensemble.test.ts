// An ensemble run against its own members: on a table of held-out rows its probabilities (values) are the weighted
// mean of what each member run predicts by itself through predictTable, and every scoring path agrees with it.

import { describe, expect, it } from 'vitest';
import { predictTable } from '../../export/predict-table';
import type { InputContract } from '../../export/input-contract';
import { predictRun } from '../../train/predict-run';
import { rescoreRun } from '../../train/rescore-run';
import { takeRows } from '../../transform/take-rows';
import { trainEnsembleOnSample } from './fixtures/train-ensemble';

/** Σ weights[m] · values[m], element by element. */
function weightedMean(values: readonly Float64Array[], weights: readonly number[]): Float64Array {
  return Float64Array.from(values[0], (_, i) => values.reduce((sum, v, m) => sum + weights[m] * v[i], 0));
}

const maxDifference = (a: ArrayLike<number>, b: ArrayLike<number>) => Math.max(...Array.from(a, (v, i) => Math.abs(v - b[i])));

describe('predictEnsemble through the scoring paths', () => {
  it('classification: probabilities are the weighted mean of the members’ own, the label their argmax', async () => {
    const weights = [0.5, 0.3, 0.2];
    const { table, parts, run, members } = await trainEnsembleOnSample('penguins', [['logistic_regression', {}], ['decision_tree', { maxDepth: 3 }], ['knn', { k: 7 }]], weights);
    const rows = takeRows(table, parts.validation);
    const own = await Promise.all(members.map((m) => predictTable(m, m.inputContract as InputContract, rows)));
    const blended = await predictTable(run, run.inputContract as InputContract, rows);
    const expected = weightedMean(own.map((o) => o.probabilities!), weights);
    expect(blended.unscoredRows).toBe(0);
    expect(maxDifference(blended.probabilities!, expected)).toBeLessThan(1e-12);
    const argmax = Array.from({ length: rows.rowCount }, (_, i) => {
      const p = Array.from(expected.subarray(i * 3, i * 3 + 3));
      return run.classes![p.indexOf(Math.max(...p))];
    });
    expect(blended.label).toEqual(argmax);
    // The members disagree somewhere, or the test could not tell a blend from one member.
    expect(own.some((o) => maxDifference(o.probabilities!, expected) > 0.01)).toBe(true);
    expect(run.inputContract!.columns.map((c) => c.name).sort()).toEqual([...new Set(members.flatMap((m) => m.inputContract!.columns.map((c) => c.name)))].sort());
  }, 60_000);

  it('regression: the value is the weighted mean of the members’ own values', async () => {
    const weights = [0.25, 0.75];
    const { table, parts, run, members } = await trainEnsembleOnSample('cars', [['linear_regression', {}], ['random_forest', { nEstimators: 10 }]], weights);
    const rows = takeRows(table, parts.validation);
    const own = await Promise.all(members.map((m) => predictTable(m, m.inputContract as InputContract, rows)));
    const blended = await predictTable(run, run.inputContract as InputContract, rows);
    expect(maxDifference(blended.prediction!, weightedMean(own.map((o) => o.prediction!), weights))).toBeLessThan(1e-9);
    expect(blended.probabilities).toBeNull();
  }, 60_000);

  it('predictRun (Evaluate) equals predictTable on the rows with a target, and rescoring equals the stored validation scores', async () => {
    const { table, parts, problem, run } = await trainEnsembleOnSample('cars', [['linear_regression', {}], ['knn', { k: 5 }]], [0.6, 0.4]);
    const predicted = await predictRun(table, parts.validation, run, problem);
    const scored = await predictTable(run, run.inputContract as InputContract, takeRows(table, parts.validation));
    const position = new Map(Array.from(parts.validation, (row, i) => [row, i]));
    expect(predicted.rows.length).toBeGreaterThan(80);
    expect(Array.from(predicted.yPred)).toEqual(Array.from(predicted.rows, (row) => scored.prediction![position.get(row)!]));
    expect(rescoreRun(table, parts.validation, run, problem)).toEqual(run.metrics.validation);
    expect(run.metrics.validation.rmse?.value).toBeGreaterThan(0);
  }, 60_000);

  it('predictRun equals predictTable for a classifier, probabilities included', async () => {
    const { table, parts, problem, run } = await trainEnsembleOnSample('penguins', [['logistic_regression', {}], ['naive_bayes', {}]], [0.5, 0.5]);
    const predicted = await predictRun(table, parts.validation, run, problem);
    const scored = await predictTable(run, run.inputContract as InputContract, takeRows(table, parts.validation));
    expect(Array.from(predicted.proba!)).toEqual(Array.from(scored.probabilities!));
    expect(Array.from(predicted.yPred)).toEqual(Array.from(scored.prediction!));
    expect(run.label).toBe('Ensemble (2 models)');
    expect(run.ensemble).toEqual({ members: [{ runId: 'm0', weight: 0.5 }, { runId: 'm1', weight: 0.5 }] });
  }, 60_000);
});
