// Two logged versions compared on accuracy, with intervals checked against the bootstrap distributions worked out by
// hand (below each case): the resampled accuracy of n rows holding c correct ones is K/n with K ~ Binomial(n, c/n),
// so its 2.5 % and 97.5 % percentiles can be read off the binomial's cumulative probabilities. Each case keeps every
// percentile at least ~3 standard errors of 1,000 resamples away from a jump, so the fixed seed cannot land elsewhere.

import { describe, expect, it } from 'vitest';
import type { ProblemSpec } from '../problem/types';
import { compareLoggedVersions, type LoggedSide } from './compare-logged-versions';

const PROBLEM: ProblemSpec = { target: 'y', task: 'binary', positiveClass: 'yes', primaryMetric: 'accuracy', secondaryMetrics: [] };
const CLASSES = ['no', 'yes'];

/** A side whose rows are all labelled "no" (class 0), predicting `predictions` (class indices), one row per request. */
function side(version: string, role: LoggedSide['role'], predictions: number[], requests = predictions.map((_, i) => `r${i}`)): LoggedSide {
  return {
    version, role, outputs: { prediction: Float64Array.from(predictions), probabilities: null, classes: CLASSES },
    labels: new Float64Array(predictions.length), pairKeys: requests.map((id) => `${id}\u00000`),
  };
}

describe('compareLoggedVersions', () => {
  it('pairs a shadow with the champion by request row: the difference resamples the pairs together', () => {
    // Per pair, challenger correct − champion correct is 1, 1, 0, 0: the resampled difference is K/4, K ~ Bin(4, ½),
    // P(K = 0) = P(K = 4) = 1/16 = 6.25 % > 2.5 %, so the interval is [0, 1]. The shadow's rows come in another order.
    const champion = side('churn@v1', 'main', [1, 1, 0, 0]);
    const shadow = side('churn@v2', 'shadow', [0, 0, 0, 0], ['r3', 'r2', 'r1', 'r0']);
    const comparison = compareLoggedVersions(champion, shadow, { classes: CLASSES, problem: PROBLEM, delta: 0.01 });
    expect([comparison.paired, comparison.difference]).toEqual([true, { value: 0.5, low: 0, high: 1, level: 0.95, repeats: 1000, rows: { champion: 4, challenger: 4 } }]);
    expect(comparison.gate).toEqual({
      passed: false,
      reasons: ['Possibly chance: the 95 % interval of challenger − champion on Accuracy is [0, 1], which includes 0; log more labelled traffic for a narrower interval.'],
    });
    expect(comparison.champion).toEqual({ version: 'churn@v1', role: 'main', rows: 4, labelled: 4, predictions: { kind: 'classes', labels: CLASSES, shares: [0.5, 0.5], scored: 4 }, metric: { value: 0.5, low: 0, high: 1 } });
  });

  it('resamples a canary apart from the champion; the gain clears δ but its interval holds 0', () => {
    // Champion: 3 of 4 right, K ~ Bin(4, ¾): P(K ≤ 0) = 0.4 %, P(K ≤ 1) = 5.1 %, P(K = 4) = 31.6 %: its accuracy
    // 0.75 has the interval [0.25, 1]. The canary is always right, so the difference 1 − K/4 has [0, 0.75].
    const comparison = compareLoggedVersions(side('run-a', 'main', [0, 0, 0, 1]), side('run-b', 'canary', [0, 0, 0, 0, 0]), { classes: CLASSES, problem: PROBLEM, delta: 0.01 });
    expect([comparison.paired, comparison.difference, comparison.champion.metric, comparison.challenger.metric]).toEqual([
      false, { value: 0.25, low: 0, high: 0.75, level: 0.95, repeats: 1000, rows: { champion: 4, challenger: 5 } }, { value: 0.75, low: 0.25, high: 1 }, { value: 1, low: 1, high: 1 },
    ]);
    // The gain clears δ, but a failed gate lists only what failed: the interval.
    expect(comparison.gate).toEqual({
      passed: false,
      reasons: ['Possibly chance: the 95 % interval of challenger − champion on Accuracy is [0, 0.75], which includes 0; log more labelled traffic for a narrower interval.'],
    });
  });

  it('passes a shadow right on seven rows the champion gets wrong', () => {
    // Differences 1 (7 rows) and 0 (1 row): K ~ Bin(8, 7/8), P(K ≤ 4) = 1.1 %, P(K ≤ 5) = 6.7 %: the interval is [5/8, 1].
    const comparison = compareLoggedVersions(side('v1', 'main', [1, 1, 1, 1, 1, 1, 1, 0]), side('v2', 'shadow', [0, 0, 0, 0, 0, 0, 0, 0]), { classes: CLASSES, problem: PROBLEM, delta: 0.01 });
    expect([comparison.difference?.low, comparison.difference?.high, comparison.gate]).toEqual([0.625, 1, {
      passed: true,
      reasons: [
        'Accuracy: the challenger beats the champion by at least δ — challenger 1, champion 0.125 (higher is better; gain 0.875, δ = 0.01).',
        'Not chance: the 95 % interval of challenger − champion on Accuracy is [0.625, 1], wholly above 0 (higher is better).',
      ],
    }]);
  });

  it('without feedback labels compares the predictions only and says why there is no verdict', () => {
    const unlabelled = { ...side('run-b', 'canary', [1, 1, 0]), labels: null };
    const comparison = compareLoggedVersions(side('run-a', 'main', [0, 1]), unlabelled, { classes: CLASSES, problem: PROBLEM, delta: 0.01 });
    expect([comparison.difference, comparison.gate, comparison.challenger.metric, comparison.challenger.predictions, comparison.notes]).toEqual([
      null, null, null, { kind: 'classes', labels: CLASSES, shares: [1 / 3, 2 / 3], scored: 3 },
      ['No feedback label came for the rows of run-b (canary), so Accuracy cannot be compared and there is no verdict yet: send the true labels to the service\'s POST /feedback with each request\'s id.'],
    ]);
  });
});
