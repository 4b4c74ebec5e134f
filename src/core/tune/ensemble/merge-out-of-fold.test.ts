// Out-of-fold predictions: a real cross-validated candidate's (every fold's validation rows, scored as its CV scored
// them) and the merge of hand-made folds whose classes differ.

import { describe, expect, it } from 'vitest';
import { computeProblemMetric } from '../../evaluate/select-problem-metric';
import { importCsv, readSample, SAMPLE_PROBLEMS, splitEveryFourth } from '../../models/ensemble/fixtures/train-ensemble';
import { trainCandidate, trainCandidateKeeping } from '../../train/train-candidate';
import type { FoldPredictions } from '../../train/types';
import { mergeOutOfFold } from './merge-out-of-fold';

describe('out-of-fold predictions', () => {
  it('a CV’d candidate keeps every fold’s validation rows, scored exactly as its CV scores, and the run is the same as without', async () => {
    const table = await importCsv(readSample('penguins'));
    const problem = SAMPLE_PROBLEMS.penguins;
    const { train, validation } = splitEveryFourth(table, 'Species');
    const folds = [0, 1, 2].map((f) => ({ train: train.filter((_, i) => i % 3 !== f), validation: train.filter((_, i) => i % 3 === f) }));
    const request = { id: 'r', family: 'logistic_regression', params: {}, seed: 3, problem, steps: [], crossValidate: true, keepFoldPredictions: true };
    const { run, outOfFold } = await trainCandidateKeeping(table, { train, validation, folds }, request);
    const oof = outOfFold!;
    expect(Array.from(oof.rows).sort((a, b) => a - b)).toEqual(Array.from(train));
    expect(oof.classes).toEqual(run.classes);
    for (let f = 0; f < 3; f++) {
      const at = Array.from(oof.folds.keys()).filter((i) => oof.folds[i] === f);
      expect(at.map((i) => oof.rows[i])).toEqual(Array.from(folds[f].validation));
      const held = { yTrue: Float64Array.from(at, (i) => oof.yTrue[i]), yPred: Float64Array.from(at, (i) => oof.predictions[i]), proba: Float64Array.from(at.flatMap((i) => Array.from(oof.proba!.subarray(i * 3, i * 3 + 3)))), classCount: 3, positive: 1 };
      expect(computeProblemMetric('log-loss', held).value).toBe(run.metrics.cv!.metrics['log-loss']!.values[f]);
    }
    const plain = await trainCandidate(table, { train, validation, folds }, { ...request, keepFoldPredictions: false });
    expect(plain.metrics).toEqual(run.metrics);
  }, 60_000);

  it('maps each fold’s classes onto the run’s by label, and is null when a fold is missing', () => {
    const fold = (f: number, classes: string[], proba: number[], yTrue: number[]): FoldPredictions => ({
      fold: f, rows: Uint32Array.from(yTrue, (_, i) => f * 10 + i), yTrue: Float64Array.from(yTrue), predictions: Float64Array.from(yTrue), proba: Float64Array.from(proba), classes,
    });
    const merged = mergeOutOfFold([fold(1, ['c', 'a'], [0.9, 0.1], [0]), fold(0, ['a', 'b', 'c'], [0.2, 0.3, 0.5], [2])], ['a', 'b', 'c'])!;
    expect({ rows: Array.from(merged.rows), folds: Array.from(merged.folds), yTrue: Array.from(merged.yTrue), proba: Array.from(merged.proba!) })
      .toEqual({ rows: [0, 10], folds: [0, 1], yTrue: [2, 2], proba: [0.2, 0.3, 0.5, 0.1, 0, 0.9] });
    expect(mergeOutOfFold([fold(0, ['a'], [1], [0]), null], ['a'])).toBeNull();
  });
});
