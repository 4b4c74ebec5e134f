// The template notebooks beside the per-sample examples (scripts/make-examples.mjs writes them to examples/):
// clustering the penguins without a target, and monitoring a registered penguins model whose version the file
// carries. Like the examples they embed no data: each Data cell names the bundled sample it reads.

import { DataError } from '../../errors';
import { defaultMetrics } from '../../problem/default-metrics';
import type { Table } from '../../table/types';
import type { TrainedRun } from '../../train/types';
import { CELL_KINDS } from '../cell-kinds';
import { addCell, createNotebook, updateCellSpec } from '../reducers';
import type { CellId, CellKind, Notebook, NotebookId } from '../types';
import type { ExampleSample } from './build-example-notebook';
import type { DatasetBinding, NotebookFile } from './file-types';
import { createNotebookFile } from './write-notebook-file';

/** The template files' names in examples/ (without `.notebook.json`), and the sample both read. */
export const TEMPLATE_FILES = { clustering: 'penguins-clustering', monitoring: 'penguins-monitoring' } as const;
export const TEMPLATE_SAMPLE_ID = 'penguins';

/** The registered model the monitoring template watches. */
export const MONITORED_MODEL = 'penguins-species';

const CLUSTERING_KINDS: readonly CellKind[] = ['data', 'problem', 'profile', 'split', 'prepare', 'train', 'note'];
const MONITORING_KINDS: readonly CellKind[] = ['data', 'monitor', 'retrain', 'note'];

/**
 * Penguins clustered: Data → Problem (clustering, no target) → Profile → Split → Prepare (median impute, standard
 * scaling of every numeric column) → Train (k-means and PCA) → a note on reading the result.
 */
export function buildClusteringTemplate(sample: ExampleSample, table: Table, contentHash: string): NotebookFile {
  checkSample(sample);
  const metrics = defaultMetrics('clustering');
  let notebook = addCells(createNotebook(`template-${TEMPLATE_FILES.clustering}` as NotebookId, `${sample.name}: clustering`, 0), CLUSTERING_KINDS);
  notebook = labelSample(notebook, `sample: ${sample.name}`);
  notebook = updateCellSpec(notebook, cellId('problem'), 'problem', (spec) => ({
    ...spec, target: null, task: 'clustering', primaryMetric: metrics.primary, secondaryMetrics: metrics.secondary,
  }), 0);
  notebook = updateCellSpec(notebook, cellId('prepare'), 'prepare', () => ({
    steps: [
      { kind: 'impute', id: 'impute-1', columns: { rule: 'numeric' }, strategy: 'median', addIndicator: false },
      { kind: 'scale', id: 'scale-1', columns: { rule: 'numeric' }, method: 'standard' },
    ],
  }), 0);
  notebook = updateCellSpec(notebook, cellId('train'), 'train', (spec) => ({
    ...spec, candidates: [{ family: 'kmeans', params: {} }, { family: 'pca', params: {} }], crossValidate: false,
  }), 0);
  notebook = updateCellSpec(notebook, cellId('note'), 'note', () => ({ markdown: CLUSTERING_NOTE }), 0);
  return createNotebookFile(notebook, { bindings: new Map([[cellId('data'), bindSample(sample.id, sample, table, contentHash)]]) });
}

/**
 * Penguins monitored: Data (the batch: the sample until the user brings new penguins) → Monitor (MONITORED_MODEL in
 * production) → Retrain (on alert, old rows plus the batch, promotion after confirmation) → a note, with `champion`
 * embedded as MONITORED_MODEL v1 in production, registered at `registeredAtMs` (epoch ms).
 */
export function buildMonitoringTemplate(sample: ExampleSample, table: Table, contentHash: string, champion: TrainedRun, registeredAtMs: number): NotebookFile {
  checkSample(sample);
  if (!champion.inputContract) throw new DataError(`The champion run "${champion.label}" has no input contract, so a Monitor cell has no drift reference; train it again with this build.`);
  if (champion.task !== 'multiclass') throw new DataError(`The champion run "${champion.label}" is a ${champion.task} model; the monitoring template watches a ${sample.target} (multiclass) model.`);
  let notebook = addCells(createNotebook(`template-${TEMPLATE_FILES.monitoring}` as NotebookId, `${sample.name}: monitoring`, 0), MONITORING_KINDS);
  notebook = labelSample(notebook, `sample: ${sample.name} (replace it with a new batch)`);
  notebook = updateCellSpec(notebook, cellId('monitor'), 'monitor', (spec) => ({ ...spec, model: MONITORED_MODEL, version: null }), 0);
  notebook = updateCellSpec(notebook, cellId('retrain'), 'retrain', () => ({ ...CELL_KINDS.retrain.createSpec(), when: 'on-alert', data: 'append', promote: 'confirm' }), 0);
  notebook = updateCellSpec(notebook, cellId('note'), 'note', () => ({ markdown: MONITORING_NOTE }), 0);
  return createNotebookFile(notebook, {
    bindings: new Map([[cellId('data'), bindSample('batch', sample, table, contentHash)]]),
    models: [{ name: MONITORED_MODEL, versions: [{ version: 1, stage: 'production', registeredAt: registeredAtMs, run: champion }] }],
  });
}

/** How to read the clustering template's result. */
const CLUSTERING_NOTE = [
  '## Reading the clusters',
  '',
  'There is no target: the Train cell groups the penguins by their four measurements, imputed and scaled by the Prepare cell. Species, Island and Sex are categories, which have no distances, so k-means and PCA leave them out (the leaderboard says so).',
  '',
  '- **Silhouette** on the leaderboard (−1 to 1, higher is better) says how much closer each validation penguin is to its own cluster than to the next one: near 1 the clusters stand apart, near 0 they overlap. **Davies–Bouldin** beside it is lower for compact, separated clusters. PCA assigns no clusters, so its scores say why they are empty.',
  '- **Pick k (elbow)** fits k-means for a range of k and draws the inertia (the elbow) and the silhouette against k; it suggests the k with the highest silhouette, and **Use k = …** sets it for the next press of Train.',
  '- **The PCA projection** draws the validation penguins on the first two principal components, coloured by the latest k-means run; the explained-variance bars say how much of the measurements those two axes keep.',
  '',
  'The penguins belong to three species: does the suggested k find them? Profile shows how the measurements differ by species.',
].join('\n');

/** What the monitoring template carries and how to run it on a schedule. */
const MONITORING_NOTE = [
  '## Monitoring a model',
  '',
  `This notebook carries a registered model: **${MONITORED_MODEL} v1, in production** — a logistic regression trained on the Palmer penguins sample to predict Species. Opening the notebook registered it here (see Models), unless a model of that name was registered already.`,
  '',
  'The Data cell reads the penguins sample — the world the model learned from — so **Run all** finds no alert (the model\'s scores may show a warning: the sample holds the rows it trained on, where it is surer than on its validation rows). **Replace the Data cell\'s file with new penguins data** (the same columns; with Species, the batch is also scored and can retrain) to check it for drift.',
  '',
  '- **The badges.** Each feature is *ok*, *warn* or *alert* by its PSI against the training values (warn from 0.1, alert from 0.25: the Monitor cell\'s thresholds), with a KS or χ² test and the Wasserstein distance beside it; the model\'s scores are compared with its scores on its own validation rows; with labels, a metric more than 5 % worse than the version\'s validation value is *degraded*. Any alert makes the verdict an alert.',
  '- **The gate.** On an alert, Retrain trains a challenger — the champion\'s pipeline, family and hyperparameters — on the champion\'s training rows plus the batch, and scores both on a held-out 30 % of the batch. It passes when it beats the champion\'s primary metric (macro F1) by at least δ = 0.01; a passed challenger is registered as v2 and waits for you: **Promote v2 to production** (with a reason, kept in the registry log).',
  '',
  'To run it on a schedule (cron, CI), without the browser:',
  '',
  '```',
  `ml-studio run examples/${TEMPLATE_FILES.monitoring}.notebook.json --data batch=new.csv --out results/`,
  '```',
  '',
  'It writes results.json, registry.json and monitor-history.json under `--out`, and its exit code says what happened: **0** no alert and no model changed; **3** a challenger passed its gate (registered: promote it after review); **4** a person should look (an alert and no challenger passed, or a gate failed); 1 a cell failed, 2 a bad command or file.',
].join('\n');

const cellId = (kind: CellKind) => kind as CellId;

function checkSample(sample: ExampleSample): void {
  if (sample.id !== TEMPLATE_SAMPLE_ID) throw new DataError(`The templates are written for the "${TEMPLATE_SAMPLE_ID}" sample, not "${sample.id}"; pass the ${TEMPLATE_SAMPLE_ID} entry of public/samples/index.json.`);
}

function addCells(notebook: Notebook, kinds: readonly CellKind[]): Notebook {
  return kinds.reduce((next, kind) => addCell(next, kind, cellId(kind), 0), notebook);
}

function labelSample(notebook: Notebook, sourceLabel: string): Notebook {
  return updateCellSpec(notebook, cellId('data'), 'data', (spec) => ({ ...spec, sourceLabel }), 0);
}

/** The Data cell's binding to the bundled sample file, under the dataset name `name`. */
function bindSample(name: string, sample: ExampleSample, table: Table, contentHash: string): DatasetBinding {
  return {
    name,
    fileName: sample.file,
    source: `samples/${sample.file}`,
    rowCount: table.rowCount,
    columns: table.columns.map((column) => ({ name: column.name, kind: column.kind })),
    contentHash,
  };
}
