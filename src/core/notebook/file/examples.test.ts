import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importFile } from '../../ingest/import-file';
import { DEFAULT_IMPORT_OPTIONS } from '../types';
import { buildExampleNotebook, type ExampleSample } from './build-example-notebook';
import { buildClusteringTemplate, MONITORED_MODEL, TEMPLATE_FILES, TEMPLATE_SAMPLE_ID } from './build-template-notebooks';
import { checkDatasetColumns } from './check-dataset-columns';
import { readNotebookFile } from './read-notebook-file';
import { formatNotebookFile } from './write-notebook-file';

const ROOT = join(__dirname, '../../../..');
const EXAMPLES = join(ROOT, 'examples');
const SAMPLES: ExampleSample[] = JSON.parse(readFileSync(join(ROOT, 'public/samples/index.json'), 'utf8')).samples;
const TEMPLATE_NAMES = Object.values(TEMPLATE_FILES).map((name) => `${name}.notebook.json`);
const notebookFiles = readdirSync(EXAMPLES).filter((name) => name.endsWith('.notebook.json'));
const exampleFiles = notebookFiles.filter((name) => !TEMPLATE_NAMES.includes(name));

async function importSample(sample: ExampleSample) {
  return importFile(new Blob([readFileSync(join(ROOT, 'public/samples', sample.file))]), sample.file, DEFAULT_IMPORT_OPTIONS);
}

describe('examples/*.notebook.json', () => {
  it('has one example per bundled sample and the two templates', () => {
    expect([...exampleFiles].sort()).toEqual(SAMPLES.map((sample) => `${sample.id}.notebook.json`).sort());
    expect(notebookFiles.filter((name) => TEMPLATE_NAMES.includes(name)).sort()).toEqual(['penguins-clustering.notebook.json', 'penguins-monitoring.notebook.json']);
  });

  it.each(exampleFiles)('%s is a valid notebook file: Data → Problem → Split → Prepare → Train → Evaluate, no data embedded', (name) => {
    const file = readNotebookFile(readFileSync(join(EXAMPLES, name), 'utf8'));
    expect(file.notebook.cells.map((cell) => cell.kind)).toEqual(['data', 'problem', 'split', 'prepare', 'train', 'evaluate']);
    expect(file.datasets).toEqual([]);
  });

  it.each(SAMPLES)('the $id example is what scripts/make-examples.mjs writes, bound to its sample file', async (sample) => {
    const imported = await importSample(sample);
    const text = readFileSync(join(EXAMPLES, `${sample.id}.notebook.json`), 'utf8');
    // A failure here after a spec change: run `npm run examples` and commit the files it rewrites.
    expect(text).toBe(formatNotebookFile(buildExampleNotebook(sample, imported.table, imported.contentHash)));
    const data = readNotebookFile(text).notebook.cells[0];
    if (data.kind !== 'data' || !data.dataset) throw new Error('The first cell must be a bound Data cell.');
    expect([data.dataset.source, data.dataset.contentHash]).toEqual([`samples/${sample.file}`, imported.contentHash]);
    expect(() => checkDatasetColumns(0, data.dataset!, imported.table.columns, data.spec.columnOverrides)).not.toThrow();
  });
});

describe('the template notebooks in examples/', () => {
  const penguins = SAMPLES.find((sample) => sample.id === TEMPLATE_SAMPLE_ID)!;

  it('penguins-clustering is what scripts/make-examples.mjs writes', async () => {
    const imported = await importSample(penguins);
    const text = readFileSync(join(EXAMPLES, `${TEMPLATE_FILES.clustering}.notebook.json`), 'utf8');
    // A failure here after a spec change: run `npm run examples` and commit the files it rewrites.
    expect(text).toBe(formatNotebookFile(buildClusteringTemplate(penguins, imported.table, imported.contentHash)));
  });

  it('penguins-monitoring is Data (the batch: the penguins sample) → Monitor → Retrain → Note, carrying penguins-species v1 in production', async () => {
    const imported = await importSample(penguins);
    // Its model is trained when the script runs (run id, times), so the file is checked by shape, not byte for byte.
    const file = readNotebookFile(readFileSync(join(EXAMPLES, `${TEMPLATE_FILES.monitoring}.notebook.json`), 'utf8'));
    expect(file.notebook.cells.map((cell) => cell.kind)).toEqual(['data', 'monitor', 'retrain', 'note']);
    expect(file.datasets).toEqual([]);
    const [data, monitor, retrain] = file.notebook.cells;
    if (data.kind !== 'data' || !data.dataset || monitor.kind !== 'monitor' || retrain.kind !== 'retrain') throw new Error('Data (bound), Monitor, Retrain expected.');
    expect([data.dataset.name, data.dataset.source, data.dataset.contentHash]).toEqual(['batch', 'samples/penguins.csv', imported.contentHash]);
    expect([monitor.spec.model, monitor.spec.version]).toEqual([MONITORED_MODEL, null]);
    expect([retrain.spec.when, retrain.spec.data, retrain.spec.promote]).toEqual(['on-alert', 'append', 'confirm']);
    expect(file.models?.map((model) => [model.name, model.versions.map((v) => [v.version, v.stage])])).toEqual([[MONITORED_MODEL, [[1, 'production']]]]);
    const { run } = file.models![0].versions[0];
    expect([run.family, run.task, run.provenance?.dataset.name, run.provenance?.dataset.contentHash]).toEqual(['logistic_regression', 'multiclass', 'penguins', imported.contentHash]);
    const bodyMass = run.inputContract?.columns.find((column) => column.name === 'Body Mass (g)');
    expect(bodyMass?.kind === 'numeric' && bodyMass.reference?.sample.length).toBeGreaterThan(100);
  });
});
