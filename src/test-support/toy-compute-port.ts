// A compute port over one small in-memory table (x: 0…39, y: a/b), for runtime and notebook-state tests; it
// records the jobs it ran. Training, evaluation, explanation and ensembles are not offered.

import { proposeTarget } from '../core/problem/propose-target';
import { describeTargetFacts } from '../core/problem/validate-problem';
import { runSplit } from '../core/split/run-split';
import type { Table } from '../core/table/types';
import { previewPipeline } from '../core/transform/preview-pipeline';
import type { ComputePort } from '../core/notebook/runtime/compute-port';
import { categoricalColumn, numericColumn, tableOf } from './table-builders';

export const TOY_TABLE: Table = tableOf(
  numericColumn('x', Array.from({ length: 40 }, (_, i) => i)),
  categoricalColumn('y', Array.from({ length: 40 }, (_, i) => (i % 2 === 0 ? 'a' : 'b'))),
);

/** A port over the toy table (`overrides` replace its jobs); `jobs` lists what it ran. */
export function createToyPort(overrides: Partial<ComputePort> = {}): ComputePort & { jobs: string[] } {
  const jobs: string[] = [];
  return {
    jobs,
    async openDataset(_cellId, spec) {
      jobs.push('open');
      const columns = TOY_TABLE.columns.map((c) => ({ name: c.name, kind: c.kind }));
      return { artifact: { key: `t|${spec.datasetId}`, name: 'toy', rowCount: TOY_TABLE.rowCount, columns, warnings: [] }, source: 'toy.csv' };
    },
    describeTarget: async (_key, target, task) => describeTargetFacts(TOY_TABLE, target, task),
    proposeTarget: async (_key, target) => proposeTarget(TOY_TABLE, target),
    profileTable: async () => { throw new Error('not used'); },
    async splitTable(_key, request) {
      jobs.push('split');
      return runSplit(TOY_TABLE, request);
    },
    async previewPipeline(_key, steps, rows, target) {
      jobs.push('prepare');
      return previewPipeline(TOY_TABLE, steps, rows, { target });
    },
    parallelism: 1,
    loadModelVersion: async () => { throw new Error('not used'); },
    monitorBatch: async () => { throw new Error('not used'); },
    recordMonitorBatch: async () => { throw new Error('not used'); },
    appendTrainingRows: async () => { throw new Error('not used'); },
    scoreOnHoldout: async () => { throw new Error('not used'); },
    registerChallenger: async () => { throw new Error('not used'); },
    listCellRuns: async () => [],
    trainCandidates: async () => { throw new Error('not used'); },
    evaluateRun: async () => { throw new Error('not used'); },
    predictRun: async () => { throw new Error('not used'); },
    explainRun: async () => { throw new Error('not used'); },
    scoreRun: async () => { throw new Error('not used'); },
    exportRun: async () => { throw new Error('not used'); },
    buildEnsemble: async () => { throw new Error('not used'); },
    ...overrides,
  };
}
