// Every example notebook (examples/*.notebook.json) runs headless through the core runtime in Node, every cell done,
// each Data cell read from the bundled sample it names — as `ml-studio run examples/<name>.notebook.json` does.
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { readNotebookFile } from '../core/notebook/file';
import { bindData, listDataCells } from './bind-data';
import { createHeadlessNotebook } from './read-notebook';
import { runNotebookHeadless } from './run-notebook';

const EXAMPLES = fileURLToPath(new URL('../../examples/', import.meta.url));
const SAMPLES = fileURLToPath(new URL('../../public/samples/', import.meta.url));
const names = readdirSync(EXAMPLES).filter((name) => name.endsWith('.notebook.json')).sort();

describe('the example notebooks, headless', () => {
  it('are the four samples', () => {
    expect(names).toEqual(['breast-cancer.notebook.json', 'cars.notebook.json', 'penguins.notebook.json', 'seattle-weather.notebook.json']);
  });

  it.each(names)('%s: every cell done, and Evaluate scores the validation rows', async (name) => {
    const file = readNotebookFile(readFileSync(`${EXAMPLES}${name}`, 'utf8'));
    const bindings = bindData(listDataCells(file), { data: [], notebookDir: EXAMPLES, samplesDir: SAMPLES });
    const { results } = await runNotebookHeadless(createHeadlessNotebook(file), bindings);
    expect(results.cells.map((cell) => `${cell.title}: ${cell.status}${cell.error ? ` (${cell.error})` : ''}`)).toEqual(
      ['Data', 'Problem', 'Split', 'Prepare', 'Train', 'Evaluate'].map((title) => `${title}: done`),
    );
    const evaluation = results.cells[5].summary as { rows: number; primary: { value: number | null } };
    expect(evaluation.rows).toBeGreaterThan(40);
    expect(evaluation.primary.value).not.toBeNull();
  }, 60_000);
});
