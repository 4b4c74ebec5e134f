import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { categoricalColumn, numericColumn, tableOf } from '../../../test-support/table-builders';
import { DataError } from '../../errors';
import type { TrainedRun } from '../../train/types';
import type { ExampleSample } from './build-example-notebook';
import { buildClusteringTemplate, buildMonitoringTemplate, MONITORED_MODEL } from './build-template-notebooks';
import { readNotebookFile } from './read-notebook-file';
import { formatNotebookFile } from './write-notebook-file';

const PENGUINS: ExampleSample = { id: 'penguins', name: 'Palmer penguins', file: 'penguins.csv', target: 'Species' };
const TABLE = tableOf(categoricalColumn('Species', ['Adelie', 'Gentoo']), numericColumn('Body Mass (g)', [3750, 5000]));
const HASH = 'ab'.repeat(32);
const BINDING = { fileName: 'penguins.csv', source: 'samples/penguins.csv', rowCount: 2, columns: [{ name: 'Species', kind: 'categorical' }, { name: 'Body Mass (g)', kind: 'numeric' }], contentHash: HASH };

/** A real champion: the run examples/penguins-monitoring.notebook.json carries (npm run examples trained it). */
const CHAMPION: TrainedRun = JSON.parse(readFileSync(join(__dirname, '../../../../examples/penguins-monitoring.notebook.json'), 'utf8')).models[0].versions[0].run;

describe('buildClusteringTemplate', () => {
  it('is Data → Problem (clustering, no target) → Profile → Split → Prepare (median, standard) → Train (k-means, PCA) → Note', () => {
    const file = buildClusteringTemplate(PENGUINS, TABLE, HASH);
    const cells = file.notebook.cells;
    expect([file.notebook.name, cells.map((cell) => cell.kind)]).toEqual(['Palmer penguins: clustering', ['data', 'problem', 'profile', 'split', 'prepare', 'train', 'note']]);
    const [data, problem, , , prepare, train, note] = cells;
    if (data.kind !== 'data' || problem.kind !== 'problem' || prepare.kind !== 'prepare' || train.kind !== 'train' || note.kind !== 'note') throw new Error('unexpected kinds');
    expect([data.spec.sourceLabel, data.dataset]).toEqual(['sample: Palmer penguins', { name: 'penguins', ...BINDING }]);
    expect(problem.spec).toEqual({ target: null, task: 'clustering', primaryMetric: 'silhouette', secondaryMetrics: ['davies-bouldin'] });
    expect(prepare.spec.steps).toEqual([
      { kind: 'impute', id: 'impute-1', columns: { rule: 'numeric' }, strategy: 'median', addIndicator: false },
      { kind: 'scale', id: 'scale-1', columns: { rule: 'numeric' }, method: 'standard' },
    ]);
    expect([train.spec.candidates, train.spec.tryAll, train.spec.crossValidate]).toEqual([[{ family: 'kmeans', params: {} }, { family: 'pca', params: {} }], false, false]);
    expect(note.spec.markdown).toMatch(/\*\*Silhouette\*\* on the leaderboard[\s\S]*\*\*Pick k \(elbow\)\*\*[\s\S]*\*\*The PCA projection\*\*/);
    expect(readNotebookFile(formatNotebookFile(file))).toEqual(file);
  });

  it('refuses another sample, naming it', () => {
    expect(() => buildClusteringTemplate({ ...PENGUINS, id: 'cars' }, TABLE, HASH)).toThrow(new DataError('The templates are written for the "penguins" sample, not "cars"; pass the penguins entry of public/samples/index.json.'));
  });
});

describe('buildMonitoringTemplate', () => {
  it('is Data ("batch") → Monitor (production) → Retrain (on alert, append, confirm) → Note, with the champion as v1 in production', () => {
    const file = buildMonitoringTemplate(PENGUINS, TABLE, HASH, CHAMPION, 1_700_000_000_000);
    const [data, monitor, retrain, note] = file.notebook.cells;
    if (data.kind !== 'data' || monitor.kind !== 'monitor' || retrain.kind !== 'retrain' || note.kind !== 'note') throw new Error('unexpected kinds');
    expect([file.notebook.name, file.notebook.cells.length, data.dataset, file.datasets]).toEqual(['Palmer penguins: monitoring', 4, { name: 'batch', ...BINDING }, []]);
    expect(monitor.spec).toEqual({ model: MONITORED_MODEL, version: null, psiWarn: 0.1, psiAlert: 0.25, performanceTolerance: 0.05 });
    expect(retrain.spec).toEqual({ when: 'on-alert', data: 'append', windowRows: 1000, holdoutFraction: 0.3, delta: 0.01, sliceColumn: null, sliceTolerance: 0.05, promote: 'confirm', seed: 42 });
    expect(file.models).toEqual([{ name: MONITORED_MODEL, versions: [{ version: 1, stage: 'production', registeredAt: 1_700_000_000_000, run: CHAMPION }] }]);
    expect(note.spec.markdown).toContain('ml-studio run examples/penguins-monitoring.notebook.json --data batch=new.csv --out results/');
    expect(note.spec.markdown).toMatch(/\*\*0\*\* no alert and no model changed; \*\*3\*\* a challenger passed its gate .*; \*\*4\*\* a person should look/);
    expect(readNotebookFile(formatNotebookFile(file)).models?.[0].versions[0].run.id).toBe(CHAMPION.id);
  });

  it('refuses a champion without an input contract (no drift reference) or of another task', () => {
    const { inputContract: _contract, ...withoutContract } = CHAMPION;
    expect(() => buildMonitoringTemplate(PENGUINS, TABLE, HASH, withoutContract, 0)).toThrow(new DataError('The champion run "Logistic regression" has no input contract, so a Monitor cell has no drift reference; train it again with this build.'));
    expect(() => buildMonitoringTemplate(PENGUINS, TABLE, HASH, { ...CHAMPION, task: 'binary' }, 0)).toThrow(new DataError('The champion run "Logistic regression" is a binary model; the monitoring template watches a Species (multiclass) model.'));
  });
});
