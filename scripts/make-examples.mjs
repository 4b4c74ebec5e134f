// Writes examples/<sample>.notebook.json for every bundled sample (public/samples/index.json): Data → Problem →
// Split → Prepare → Train → Evaluate, without embedded data — `ml-studio run` binds the sample file named in each
// Data cell's `dataset.source`. The notebooks come from src/core/notebook/file/build-example-notebook.ts, so they
// follow the cell specs as they change; examples.test.ts fails when a file here is not what this script writes.
// Run: npm run examples  (tsx runs it: it imports the TypeScript core)

import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { importFile } from '../src/core/ingest/import-file.ts';
import { DEFAULT_IMPORT_OPTIONS } from '../src/core/notebook/types.ts';
import { buildExampleNotebook } from '../src/core/notebook/file/build-example-notebook.ts';
import { formatNotebookFile } from '../src/core/notebook/file/write-notebook-file.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
const { samples } = JSON.parse(await readFile(`${root}public/samples/index.json`, 'utf8'));
await mkdir(`${root}examples`, { recursive: true });
for (const sample of samples) {
  const bytes = await readFile(`${root}public/samples/${sample.file}`);
  const imported = await importFile(new Blob([bytes]), sample.file, DEFAULT_IMPORT_OPTIONS);
  const file = buildExampleNotebook(sample, imported.table, imported.contentHash);
  await writeFile(`${root}examples/${sample.id}.notebook.json`, formatNotebookFile(file));
  console.log(`examples/${sample.id}.notebook.json: ${file.notebook.cells.map((cell) => cell.kind).join(' → ')}`);
}
