import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importFile } from '../../ingest/import-file';
import { DEFAULT_IMPORT_OPTIONS } from '../types';
import { buildExampleNotebook, type ExampleSample } from './build-example-notebook';
import { checkDatasetColumns } from './check-dataset-columns';
import { readNotebookFile } from './read-notebook-file';
import { formatNotebookFile } from './write-notebook-file';

const ROOT = join(__dirname, '../../../..');
const EXAMPLES = join(ROOT, 'examples');
const SAMPLES: ExampleSample[] = JSON.parse(readFileSync(join(ROOT, 'public/samples/index.json'), 'utf8')).samples;
const exampleFiles = readdirSync(EXAMPLES).filter((name) => name.endsWith('.notebook.json'));

describe('examples/*.notebook.json', () => {
  it('has one example per bundled sample', () => {
    expect([...exampleFiles].sort()).toEqual(SAMPLES.map((sample) => `${sample.id}.notebook.json`).sort());
  });

  it.each(exampleFiles)('%s is a valid notebook file: Data → Problem → Split → Prepare → Train → Evaluate, no data embedded', (name) => {
    const file = readNotebookFile(readFileSync(join(EXAMPLES, name), 'utf8'));
    expect(file.notebook.cells.map((cell) => cell.kind)).toEqual(['data', 'problem', 'split', 'prepare', 'train', 'evaluate']);
    expect(file.datasets).toEqual([]);
  });

  it.each(SAMPLES)('the $id example is what scripts/make-examples.mjs writes, bound to its sample file', async (sample) => {
    const bytes = readFileSync(join(ROOT, 'public/samples', sample.file));
    const imported = await importFile(new Blob([bytes]), sample.file, DEFAULT_IMPORT_OPTIONS);
    const text = readFileSync(join(EXAMPLES, `${sample.id}.notebook.json`), 'utf8');
    // A failure here after a spec change: run `npm run examples` and commit the files it rewrites.
    expect(text).toBe(formatNotebookFile(buildExampleNotebook(sample, imported.table, imported.contentHash)));
    const data = readNotebookFile(text).notebook.cells[0];
    if (data.kind !== 'data' || !data.dataset) throw new Error('The first cell must be a bound Data cell.');
    expect([data.dataset.source, data.dataset.contentHash]).toEqual([`samples/${sample.file}`, imported.contentHash]);
    expect(() => checkDatasetColumns(0, data.dataset!, imported.table.columns, data.spec.columnOverrides)).not.toThrow();
  });
});
