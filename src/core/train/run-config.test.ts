import { describe, expect, it } from 'vitest';
import type { ProblemSpec } from '../problem/types';
import { describeRunConfigKey, fillDefaultParams } from './run-config';

const PROBLEM: ProblemSpec = { target: 'y', task: 'binary', primaryMetric: 'accuracy', secondaryMetrics: [] };
const REQUEST = { family: 'knn', params: {}, seed: 1, problem: PROBLEM, steps: [] };
const SETTING = { splitKey: 'split-a', folds: 5 };

describe('describeRunConfigKey', () => {
  it('is the same for defaults left out and defaults written, in any order', () => {
    const k = fillDefaultParams('knn', {}).k as number;
    expect(describeRunConfigKey({ ...REQUEST, params: { k } }, SETTING)).toBe(describeRunConfigKey(REQUEST, SETTING));
    expect(describeRunConfigKey({ ...REQUEST, autoPrepare: true }, SETTING)).toBe(describeRunConfigKey(REQUEST, SETTING));
  });

  it('differs for another parameter, seed, pipeline, automatic preparation, split or fold count', () => {
    const base = describeRunConfigKey(REQUEST, SETTING);
    const others = [
      describeRunConfigKey({ ...REQUEST, params: { k: 17 } }, SETTING),
      describeRunConfigKey({ ...REQUEST, seed: 2 }, SETTING),
      describeRunConfigKey({ ...REQUEST, steps: [{ kind: 'drop', id: 'd', columns: ['x'] }] }, SETTING),
      describeRunConfigKey({ ...REQUEST, autoPrepare: false }, SETTING),
      describeRunConfigKey(REQUEST, { ...SETTING, splitKey: 'split-b' }),
      describeRunConfigKey(REQUEST, { ...SETTING, folds: 0 }),
      describeRunConfigKey({ ...REQUEST, problem: { ...PROBLEM, secondaryMetrics: ['roc-auc'] } }, SETTING),
    ];
    expect(new Set([base, ...others]).size).toBe(others.length + 1);
  });
});
