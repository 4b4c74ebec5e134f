import { describe, expect, it } from 'vitest';
import type { InputContract } from '../export/input-contract';
import type { ProblemSpec } from '../problem/types';
import type { RunSummary } from '../train/types';
import { readVersionProblem } from './read-version-problem';

type Run = Parameters<typeof readVersionProblem>[0];

const BINARY: Run = {
  label: 'Logistic regression', task: 'binary', primaryMetric: 'roc-auc', classes: ['no', 'yes'],
  metrics: { validation: { 'roc-auc': { value: 0.9 }, accuracy: { value: 0.8 }, 'not-a-metric': { value: 1 } } as unknown as RunSummary['metrics']['validation'], cv: null },
};
const CONTRACT: InputContract = { formatVersion: 1, columns: [], target: { name: 'churned', classes: ['no', 'yes'] }, trainRowCount: 10 };

describe('readVersionProblem', () => {
  it('is the problem the run recorded, when it recorded one (a copy)', () => {
    const problem: ProblemSpec = { target: 'churned', task: 'binary', positiveClass: 'no', primaryMetric: 'f1', secondaryMetrics: ['accuracy'] };
    const provenance = { problem, dataset: { contentHash: '', name: 'd', rowCount: 1, columns: [] }, split: { key: 'k', request: null as never, trainRows: 1, validationRows: 0 }, pipelineHash: '' };
    const read = readVersionProblem({ ...BINARY, provenance });
    expect([read, read === problem]).toEqual([problem, false]);
  });

  it('is derived from the run otherwise: target from the contract, its metrics, the second class positive', () => {
    expect(readVersionProblem(BINARY, CONTRACT)).toEqual({ target: 'churned', task: 'binary', primaryMetric: 'roc-auc', secondaryMetrics: ['accuracy'], positiveClass: 'yes' });
    expect(readVersionProblem({ ...BINARY, task: 'clustering', primaryMetric: 'silhouette', classes: undefined, metrics: { validation: {}, cv: null } })).toEqual({ target: null, task: 'clustering', primaryMetric: 'silhouette', secondaryMetrics: [] });
  });

  it('refuses a supervised run with neither a recorded problem nor a contract, naming it', () => {
    expect(() => readVersionProblem(BINARY)).toThrow('The run "Logistic regression" recorded neither its problem nor an input contract, so its target is unknown; train it again and register the new run.');
  });
});
