import { describe, expect, it } from 'vitest';
import type { ModelArtifact } from '../core/notebook/runtime/artifacts';
import type { ProblemSpec } from '../core/problem/types';
import type { RunSummary } from '../core/train/types';
import { listRunPicks } from './run-picks';

const run = (id: string, accuracy: number) => ({ id, label: id, primaryMetric: 'accuracy', metrics: { validation: { accuracy: { value: accuracy } }, cv: null } }) as unknown as RunSummary;
const MODEL: ModelArtifact = { key: 'a,b', runs: [run('a', 0.8), run('b', 0.9)], bestRunId: 'b' };
const PROBLEM: ProblemSpec = { target: 'y', task: 'binary', primaryMetric: 'accuracy', secondaryMetrics: [] };

describe('listRunPicks', () => {
  it('ranks the runs best first and picks the spec’s run, else the best; nothing without a Train cell', () => {
    expect(listRunPicks(MODEL, PROBLEM, null)).toMatchObject({ runs: [{ id: 'b' }, { id: 'a' }], run: { id: 'b' }, ranked: true });
    expect(listRunPicks(MODEL, PROBLEM, 'a').run?.id).toBe('a');
    expect(listRunPicks(MODEL, null, 'gone')).toMatchObject({ runs: [{ id: 'a' }, { id: 'b' }], run: null, ranked: false });
    expect(listRunPicks(null, PROBLEM, null)).toEqual({ runs: [], run: null, ranked: false });
  });
});
