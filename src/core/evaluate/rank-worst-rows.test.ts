import { describe, expect, it } from 'vitest';
import { categoricalColumn, numericColumn, tableOf, textColumn } from '../../test-support/table-builders';
import type { RunPredictions } from './run-predictions';
import { chooseWorstColumns, pickWorstRows, rankWorstPredictions } from './rank-worst-rows';

const TABLE = tableOf(
  textColumn('name', ['ann', 'bob', 'cy', 'dee', 'eve']),
  categoricalColumn('y', ['no', 'yes', 'yes', 'no', 'no']),
  numericColumn('age', [31, 45.5, null, 22, 60]),
);
const COLUMNS = chooseWorstColumns(TABLE, 'y');
// Evaluated dataset rows 4, 1, 2, 0 with true-class probabilities 0.9, 0.2, 0.4, 0.7.
const CLASSIFIED: RunPredictions = {
  rows: Uint32Array.of(4, 1, 2, 0),
  yTrue: Float64Array.of(0, 1, 1, 0),
  yPred: Float64Array.of(0, 0, 0, 0),
  proba: Float64Array.of(0.9, 0.1, 0.8, 0.2, 0.6, 0.4, 0.7, 0.3),
  classes: ['no', 'yes'],
};
const NO_FILTER = { trueClass: null, text: '' };

describe('worst predictions', () => {
  it('classifier with probabilities: ranked by the log loss of the true class, with the raw values', () => {
    const rows = pickWorstRows(rankWorstPredictions(CLASSIFIED, 'binary'), CLASSIFIED, COLUMNS, NO_FILTER, 3);
    expect(rows).toEqual([
      { rowNumber: 2, actual: 'yes', predicted: 'no', probability: 0.2, error: -Math.log(0.2), values: ['bob', '45.5'] },
      { rowNumber: 3, actual: 'yes', predicted: 'no', probability: 0.4, error: -Math.log(0.4), values: ['cy', ''] },
      { rowNumber: 1, actual: 'no', predicted: 'no', probability: 0.7, error: -Math.log(0.7), values: ['ann', '31'] },
    ]);
  });

  it('filters by true class and by text in any shown value before taking the top k', () => {
    const ranking = rankWorstPredictions(CLASSIFIED, 'binary');
    expect([
      pickWorstRows(ranking, CLASSIFIED, COLUMNS, { trueClass: 0, text: '' }).map((r) => r.rowNumber),
      pickWorstRows(ranking, CLASSIFIED, COLUMNS, { trueClass: null, text: ' EVE' }).map((r) => r.rowNumber),
      pickWorstRows(ranking, CLASSIFIED, COLUMNS, { trueClass: 1, text: '45' }).map((r) => r.rowNumber),
    ]).toEqual([[1, 5], [5], [2]]);
  });

  it('classifier without probabilities: only the wrong rows, error 1, no probability', () => {
    const noProba = { ...CLASSIFIED, proba: null };
    const ranking = rankWorstPredictions(noProba, 'binary');
    expect({ kind: ranking.kind, rows: pickWorstRows(ranking, noProba, COLUMNS, NO_FILTER) }).toEqual({
      kind: 'misclassified',
      rows: [
        { rowNumber: 2, actual: 'yes', predicted: 'no', probability: null, error: 1, values: ['bob', '45.5'] },
        { rowNumber: 3, actual: 'yes', predicted: 'no', probability: null, error: 1, values: ['cy', ''] },
      ],
    });
  });

  it('regression: ranked by absolute error; exact predictions are left out', () => {
    const regression: RunPredictions = { rows: Uint32Array.of(0, 1, 3), yTrue: Float64Array.of(10, 20, 30), yPred: Float64Array.of(12.5, 20, 21), proba: null, classes: null };
    const ranking = rankWorstPredictions(regression, 'regression');
    expect({ kind: ranking.kind, rows: pickWorstRows(ranking, regression, COLUMNS, NO_FILTER) }).toEqual({
      kind: 'absolute-error',
      rows: [
        { rowNumber: 4, actual: '30', predicted: '21', probability: null, error: 9, values: ['dee', '22'] },
        { rowNumber: 1, actual: '10', predicted: '12.5', probability: null, error: 2.5, values: ['ann', '31'] },
      ],
    });
  });

  it('shows the first columns that are not the target', () => {
    expect(chooseWorstColumns(TABLE, 'name', 1).map((c) => c.name)).toEqual(['y']);
  });
});
