import { describe, expect, it } from 'vitest';
import type { NotebookId } from '../core/notebook/types';
import type { RunSummary } from '../core/train/types';
import { describeLineage, findExportedBundles } from './lineage-view';

const VERSION = { modelName: 'churn', version: 2, stage: 'production' as const, runId: 'run-1234-abcd', notebookId: 'nb-1' as NotebookId };
const RUN = {
  id: 'run-1234-abcd', family: 'decision_tree', label: 'Decision tree', seed: 7, steps: [{ kind: 'impute', id: 's1', columns: ['x'], strategy: 'mean' }],
  autoPreparation: { dates: [], imputed: ['x'], oneHot: ['c'], ordinal: [], scaled: [], dropped: [] },
  provenance: {
    dataset: { contentHash: '0123456789abcdef'.repeat(4), name: 'churn.csv', rowCount: 500, columns: [{ name: 'x', kind: 'numeric' }, { name: 'c', kind: 'categorical' }] },
    split: { key: 'k', request: { holdout: { kind: 'random', seed: 1 }, folds: null, summarize: {} }, trainRows: 350, validationRows: 75 },
    problem: { target: 'y', task: 'binary', primaryMetric: 'accuracy', secondaryMetrics: [] },
    pipelineHash: 'fedcba9876543210'.repeat(4),
  },
} as unknown as RunSummary;

describe('describeLineage', () => {
  it('draws dataset → pipeline → run → version → bundles, each with its short id and link', () => {
    expect(describeLineage(VERSION, RUN, [{ name: 'churn-v2', exportedAt: Date.UTC(2025, 0, 2, 3, 4), fileCount: 9 }])).toEqual([
      { kind: 'dataset', title: 'Dataset churn.csv', detail: '500 rows · 2 columns', id: '0123456789ab', href: null },
      { kind: 'pipeline', title: 'Pipeline', detail: '1 step + 2 automatic', id: 'fedcba987654', href: null },
      { kind: 'run', title: 'Run Decision tree', detail: 'seed 7 · decision_tree', id: 'run-1234', href: '#/notebook/nb-1' },
      { kind: 'version', title: 'churn v2', detail: 'production', id: 'churn@2', href: '#/models/churn' },
      { kind: 'bundle', title: 'churn-v2.zip', detail: '9 files', id: '2025-01-02 03:04', href: '#/notebook/nb-1' },
    ]);
  });

  it('keeps only run and version for a run without provenance, and says when the run is gone', () => {
    const { provenance: _p, ...old } = RUN;
    expect(describeLineage(VERSION, old as RunSummary).map((n) => n.kind)).toEqual(['run', 'version']);
    expect(describeLineage(VERSION, null)[0]).toEqual({ kind: 'run', title: 'Run (not stored)', detail: 'deleted or never finished', id: 'run-1234', href: null });
  });
});

describe('findExportedBundles', () => {
  it('finds the Export outputs of the run among saved outputs, oldest first, and skips others', () => {
    const outputs = [
      { kind: 'export', outputVersion: 1, inputKey: 'a', output: { runId: 'run-1234-abcd', name: 'late', exportedAt: 20, manifest: { files: [1, 2] } } },
      { kind: 'export', outputVersion: 1, inputKey: 'b', output: { runId: 'other', name: 'x', exportedAt: 5, manifest: { files: [] } } },
      { kind: 'train', outputVersion: 1, inputKey: 'c', output: { runs: [] } },
      { kind: 'export', outputVersion: 1, inputKey: 'd', output: { runId: 'run-1234-abcd', name: 'early', exportedAt: 10 } },
      null,
    ];
    expect(findExportedBundles(outputs, 'run-1234-abcd')).toEqual([{ name: 'early', exportedAt: 10, fileCount: 0 }, { name: 'late', exportedAt: 20, fileCount: 2 }]);
  });
});
