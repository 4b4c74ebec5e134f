// Writes examples/<sample>.notebook.json for every bundled sample (public/samples/index.json): Data → Problem →
// Split → Prepare → Train → Evaluate, without embedded data — `ml-studio run` binds the sample file named in each
// Data cell's `dataset.source`. The notebooks come from src/core/notebook/file/build-example-notebook.ts, so they
// follow the cell specs as they change; examples.test.ts fails when a file here is not what this script writes.
// Then the two templates (src/core/notebook/file/build-template-notebooks.ts): penguins clustering, and penguins
// monitoring, which embeds a logistic regression trained headless here on the penguins example as
// penguins-species v1 in production — its run id and times change with every run of this script.
// Run: npm run examples  (tsx runs it: it imports the TypeScript core)

import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { importFile } from '../src/core/ingest/import-file.ts';
import { DEFAULT_IMPORT_OPTIONS } from '../src/core/notebook/types.ts';
import { buildExampleNotebook } from '../src/core/notebook/file/build-example-notebook.ts';
import { buildClusteringTemplate, buildMonitoringTemplate, TEMPLATE_FILES, TEMPLATE_SAMPLE_ID } from '../src/core/notebook/file/build-template-notebooks.ts';
import { formatNotebookFile } from '../src/core/notebook/file/write-notebook-file.ts';
import { bindData, listDataCells } from '../src/cli/bind-data.ts';
import { createHeadlessNotebook } from '../src/cli/read-notebook.ts';
import { runNotebookHeadless } from '../src/cli/run-notebook.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
const { samples } = JSON.parse(await readFile(`${root}public/samples/index.json`, 'utf8'));
await mkdir(`${root}examples`, { recursive: true });
const examples = new Map();
for (const sample of samples) {
  const bytes = await readFile(`${root}public/samples/${sample.file}`);
  const imported = await importFile(new Blob([bytes]), sample.file, DEFAULT_IMPORT_OPTIONS);
  const file = buildExampleNotebook(sample, imported.table, imported.contentHash);
  examples.set(sample.id, { sample, imported, file });
  await write(sample.id, file);
}

const penguins = examples.get(TEMPLATE_SAMPLE_ID);
if (!penguins) throw new Error(`The templates need the "${TEMPLATE_SAMPLE_ID}" sample; it is not in public/samples/index.json.`);
const { sample, imported } = penguins;
await write(TEMPLATE_FILES.clustering, buildClusteringTemplate(sample, imported.table, imported.contentHash));
const champion = await trainChampion(penguins.file);
await write(TEMPLATE_FILES.monitoring, buildMonitoringTemplate(sample, imported.table, imported.contentHash, champion, champion.trainedAt));

/** The penguins example's logistic regression, trained headless on its sample (Evaluate left out). */
async function trainChampion(example) {
  const cells = example.notebook.cells.filter((cell) => cell.kind !== 'evaluate')
    .map((cell) => (cell.kind === 'train' ? { ...cell, spec: { ...cell.spec, candidates: [{ family: 'logistic_regression', params: {} }] } } : cell));
  const file = { ...example, notebook: { ...example.notebook, cells } };
  const bindings = bindData(listDataCells(file), { data: [], notebookDir: `${root}examples`, samplesDir: `${root}public/samples` });
  const { results, runs } = await runNotebookHeadless(createHeadlessNotebook(file), bindings);
  const [run] = runs.values();
  if (results.failed || !run) throw new Error(`Training the monitoring template's model failed: ${results.failed?.error ?? 'no run came back'}.`);
  return run;
}

async function write(name, file) {
  await writeFile(`${root}examples/${name}.notebook.json`, formatNotebookFile(file));
  console.log(`examples/${name}.notebook.json: ${file.notebook.cells.map((cell) => cell.kind).join(' → ')}${file.models ? ` (models: ${file.models.map((m) => m.name).join(', ')})` : ''}`);
}
