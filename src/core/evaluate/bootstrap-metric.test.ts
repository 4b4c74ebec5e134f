// Bootstrap intervals: deterministic per seed, stratified resamples keep the class mix, undefined metrics give
// reasons, and on a simulated case the 95 % interval covers the true accuracy about 95 % of the time.
import { describe, expect, it } from 'vitest';
import { createRandom } from '../random/prng';
import { bootstrapMetric, computeAccuracy, computeMae, computeRocAuc, type MetricValue } from './index';

const f64 = (values: number[]): Float64Array => Float64Array.from(values);

describe('bootstrapMetric', () => {
  const yTrue = f64([0, 1, 1, 0, 1, 0, 0, 1, 1, 1, 0, 1]);
  const yPred = f64([0, 1, 0, 0, 1, 1, 0, 1, 1, 0, 0, 1]);

  it('is deterministic for a seed and changes with it', () => {
    const actual = f64([3.1, -0.5, 2.2, 7.4, 1.9, 0.3, 5.5, 4.8, -1.2, 2.6]);
    const predicted = f64([2.5, 0.1, 2.0, 8.3, 1.1, 0.9, 5.0, 3.1, -0.2, 2.4]);
    const first = bootstrapMetric(actual, predicted, computeMae, { seed: 7, repeats: 200 });
    expect(bootstrapMetric(actual, predicted, computeMae, { seed: 7, repeats: 200 })).toEqual(first);
    expect(bootstrapMetric(actual, predicted, computeMae, { seed: 8, repeats: 200 }).low).not.toBe(first.low);
    expect(first.value).toBeCloseTo(0.71, 12);
    expect(first.repeats).toBe(200);
    expect(first.low! < 0.71 && 0.71 < first.high!).toBe(true);
  });

  it('stratified resamples keep each class count', () => {
    const seen = new Set<string>();
    const countClasses = (t: Float64Array): MetricValue => {
      seen.add(`${t.filter((v) => v === 0).length}/${t.filter((v) => v === 1).length}`);
      return { value: 0 };
    };
    bootstrapMetric(yTrue, yPred, countClasses, { seed: 1, repeats: 50, stratify: true });
    expect([...seen]).toEqual(['5/7']);
  });

  it('says when the metric is undefined on all rows or on some resamples', () => {
    expect(bootstrapMetric(f64([1, 1]), f64([0.2, 0.4]), computeRocAuc, { seed: 1 })).toEqual({
      value: null, low: null, high: null, repeats: 0, reason: 'only one class is present in yTrue; ROC-AUC needs both',
    });
    const partly = bootstrapMetric(f64([0, 1, 1]), f64([0.1, 0.8, 0.3]), computeRocAuc, { seed: 3, repeats: 100 });
    expect(partly.repeats < 100 && partly.reason === `the metric was undefined on ${100 - partly.repeats} of 100 resamples; they were skipped`).toBe(true);
    expect(() => bootstrapMetric(yTrue, yPred, computeAccuracy, { seed: 1, level: 95 })).toThrow('confidence level 95 is not between 0 and 1; use e.g. 0.95.');
  });

  it('a 95 % interval covers the true accuracy in 88–99 % of 200 simulated validation sets', () => {
    const random = createRandom(2024);
    let covered = 0;
    for (let trial = 0; trial < 200; trial++) {
      const truth = f64(Array.from({ length: 150 }, () => (random() < 0.5 ? 1 : 0)));
      const pred = truth.map((t) => (random() < 0.8 ? t : 1 - t)); // each row right with probability 0.8
      const interval = bootstrapMetric(truth, pred, computeAccuracy, { seed: trial, repeats: 300, stratify: true });
      if (interval.low! <= 0.8 && 0.8 <= interval.high!) covered++;
    }
    expect(covered / 200).toBeGreaterThanOrEqual(0.88);
    expect(covered / 200).toBeLessThanOrEqual(0.99);
  });
});
