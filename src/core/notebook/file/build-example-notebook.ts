// The example notebooks shipped in examples/ (scripts/make-examples.mjs writes them): for a bundled sample,
// Data → Problem → Split → Prepare → Train → Evaluate with the cells' defaults, a Prepare step that suits the
// data and a few fast families, so CI can run every example. No data is embedded: each Data cell's binding
// names the sample file, which `ml-studio run` reads by default.

import { DataError } from '../../errors';
import { defaultMetrics } from '../../problem/default-metrics';
import { proposeTask } from '../../problem/propose-task';
import type { Table } from '../../table/types';
import type { PipelineStep } from '../../transform/step-types';
import { addCell, createNotebook, updateCellSpec } from '../reducers';
import type { CellId, CellKind, NotebookId } from '../types';
import type { NotebookFile } from './file-types';
import { createNotebookFile } from './write-notebook-file';

/** The fields of a public/samples/index.json entry an example needs. */
export interface ExampleSample {
  readonly id: string;
  readonly name: string;
  readonly file: string;
  readonly target: string;
}

/** What an example adds to the defaults: its Prepare steps and the families its Train cell fits. */
export interface ExamplePlan {
  readonly steps: readonly PipelineStep[];
  readonly families: readonly string[];
}

/** Per sample id: cheap families (no neural network, no Try all) and one Prepare step each. */
export const EXAMPLE_PLANS: Readonly<Record<string, ExamplePlan>> = {
  'breast-cancer': { steps: [{ kind: 'scale', id: 'scale-1', columns: { rule: 'numeric' }, method: 'standard' }], families: ['logistic_regression', 'decision_tree'] },
  penguins: { steps: [{ kind: 'impute', id: 'impute-1', columns: { rule: 'numeric' }, strategy: 'median', addIndicator: false }], families: ['logistic_regression', 'decision_tree'] },
  cars: { steps: [{ kind: 'drop', id: 'drop-1', columns: ['Name'] }], families: ['linear_regression', 'decision_tree'] },
  'seattle-weather': { steps: [{ kind: 'date_parts', id: 'date_parts-1', columns: ['date'], parts: ['month', 'weekday'], dropOriginal: true }], families: ['naive_bayes', 'decision_tree'] },
};

const KINDS: readonly CellKind[] = ['data', 'problem', 'split', 'prepare', 'train', 'evaluate'];

/** The example notebook file of `sample`, whose file imported as `table` with `contentHash`. */
export function buildExampleNotebook(sample: ExampleSample, table: Table, contentHash: string): NotebookFile {
  const plan = EXAMPLE_PLANS[sample.id];
  if (!plan) throw new DataError(`No example plan for the sample "${sample.id}"; add one to EXAMPLE_PLANS.`);
  const proposal = proposeTask(table, sample.target);
  if (!proposal.task) throw new DataError(`The sample "${sample.id}" has no task for its target "${sample.target}": ${proposal.reason}`);
  const metrics = defaultMetrics(proposal.task);
  const cellId = (kind: CellKind) => kind as CellId;
  let notebook = createNotebook(`example-${sample.id}` as NotebookId, sample.name, 0);
  for (const kind of KINDS) notebook = addCell(notebook, kind, cellId(kind), 0);
  notebook = updateCellSpec(notebook, cellId('data'), 'data', (spec) => ({ ...spec, sourceLabel: `sample: ${sample.name}` }), 0);
  notebook = updateCellSpec(notebook, cellId('problem'), 'problem', (spec) => ({
    ...spec,
    target: sample.target,
    task: proposal.task ?? spec.task,
    ...(proposal.positiveClass !== undefined ? { positiveClass: proposal.positiveClass } : {}),
    primaryMetric: metrics.primary,
    secondaryMetrics: metrics.secondary,
  }), 0);
  notebook = updateCellSpec(notebook, cellId('prepare'), 'prepare', () => ({ steps: [...plan.steps] }), 0);
  notebook = updateCellSpec(notebook, cellId('train'), 'train', (spec) => ({
    ...spec,
    candidates: plan.families.map((family) => ({ family, params: {} })),
    crossValidate: false,
  }), 0);
  const binding = {
    name: sample.id,
    fileName: sample.file,
    source: `samples/${sample.file}`,
    rowCount: table.rowCount,
    columns: table.columns.map((column) => ({ name: column.name, kind: column.kind })),
    contentHash,
  };
  return createNotebookFile(notebook, { bindings: new Map([[cellId('data'), binding]]) });
}
