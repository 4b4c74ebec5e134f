import { describe, expect, it } from 'vitest';
import { describeExplainWaiting, describeExplanationKey, EXPLAIN_SEED, readExplainOptions } from './explain-options';

const SPEC = { runId: null, repeats: 5, shapRows: 200, row: 0, pdFeatures: 3, explainedClass: 'virginica' };
const PROBLEM = { target: 'species', task: 'multiclass' as const, primaryMetric: 'accuracy' as const, secondaryMetrics: [] };

describe('explain options', () => {
  it('reads the options from the spec: the multiclass class by label, an unknown label → the first', () => {
    expect(readExplainOptions(SPEC, ['setosa', 'versicolor', 'virginica'])).toEqual({ repeats: 5, shapRows: 200, pdFeatures: 3, seed: EXPLAIN_SEED, classIndex: 2 });
    expect(readExplainOptions(SPEC, ['a', 'b']).classIndex).toBeNull();
    expect(readExplainOptions({ ...SPEC, explainedClass: null }, undefined).classIndex).toBeNull();
  });
  it('keys an explanation by run and options', () => {
    const options = { repeats: 5, shapRows: 200, pdFeatures: 3, seed: 1, classIndex: null };
    expect(describeExplanationKey('run-1', options)).toBe('run-1|repeats=5|rows=200|pd=3|class=default|seed=1');
    expect(describeExplanationKey('run-1', { ...options, classIndex: 2 })).toBe('run-1|repeats=5|rows=200|pd=3|class=2|seed=1');
  });
  it('names what to add above, in order', () => {
    const ready = { hasDataset: true, problem: PROBLEM, hasSplit: true, hasTrainCell: true, runCount: 2 };
    expect([
      describeExplainWaiting({ ...ready, hasDataset: false }),
      describeExplainWaiting({ ...ready, problem: { ...PROBLEM, task: 'clustering', target: null } }),
      describeExplainWaiting({ ...ready, hasSplit: false }),
      describeExplainWaiting({ ...ready, hasTrainCell: false }),
      describeExplainWaiting({ ...ready, runCount: 0 }),
      describeExplainWaiting(ready),
    ]).toEqual([
      'Add a Data cell above this one.',
      'Add a Problem cell above with a target (a supervised task): explanations measure how features drive predictions of it.',
      'Add and run a Split cell above: models are explained on its validation rows.',
      'Add a Train cell above: this cell explains its stored runs.',
      'Train a model in the Train cell above.',
      null,
    ]);
  });
});
