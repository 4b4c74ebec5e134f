// Every example notebook (examples/*.notebook.json) runs headless through the core runtime in Node, every cell done,
// each Data cell read from the bundled sample it names — as `ml-studio run examples/<name>.notebook.json` does —
// and so do the two templates: penguins clustering, and penguins monitoring through `ml-studio run` itself.
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it, vi } from 'vitest';
import { readNotebookFile } from '../core/notebook/file';
import { TEMPLATE_FILES } from '../core/notebook/file/build-template-notebooks';
import { bindData, listDataCells } from './bind-data';
import { main } from './main';
import { createHeadlessNotebook } from './read-notebook';
import { runNotebookHeadless } from './run-notebook';

const EXAMPLES = fileURLToPath(new URL('../../examples/', import.meta.url));
const SAMPLES = fileURLToPath(new URL('../../public/samples/', import.meta.url));
const TEMPLATE_NAMES = Object.values(TEMPLATE_FILES).map((name) => `${name}.notebook.json`);
const names = readdirSync(EXAMPLES).filter((name) => name.endsWith('.notebook.json') && !TEMPLATE_NAMES.includes(name)).sort();

async function runExample(name: string) {
  const file = readNotebookFile(readFileSync(`${EXAMPLES}${name}`, 'utf8'));
  const bindings = bindData(listDataCells(file), { data: [], notebookDir: EXAMPLES, samplesDir: SAMPLES });
  return runNotebookHeadless(createHeadlessNotebook(file), bindings);
}

const describeCells = (cells: readonly { title: string; status: string; error?: string }[]) => cells.map((cell) => `${cell.title}: ${cell.status}${cell.error ? ` (${cell.error})` : ''}`);

describe('the example notebooks, headless', () => {
  it('are the four samples', () => {
    expect(names).toEqual(['breast-cancer.notebook.json', 'cars.notebook.json', 'penguins.notebook.json', 'seattle-weather.notebook.json']);
  });

  it.each(names)('%s: every cell done, and Evaluate scores the validation rows', async (name) => {
    const { results } = await runExample(name);
    expect(describeCells(results.cells)).toEqual(['Data', 'Problem', 'Split', 'Prepare', 'Train', 'Evaluate'].map((title) => `${title}: done`));
    const evaluation = results.cells[5].summary as { rows: number; primary: { value: number | null } };
    expect(evaluation.rows).toBeGreaterThan(40);
    expect(evaluation.primary.value).not.toBeNull();
  }, 60_000);
});

describe('the template notebooks, headless', () => {
  it('penguins-clustering: every cell done; the leaderboard has k-means with a silhouette and PCA without one', async () => {
    const { results } = await runExample(`${TEMPLATE_FILES.clustering}.notebook.json`);
    expect(describeCells(results.cells)).toEqual(['Data', 'Problem', 'Profile', 'Split', 'Prepare', 'Train', 'Note'].map((title) => `${title}: done`));
    const { leaderboard } = results.cells[5].summary as { leaderboard: { family: string; validation: Record<string, number | null> }[] };
    expect(leaderboard.map((run) => [run.family, Object.keys(run.validation)])).toEqual([['kmeans', ['silhouette', 'davies-bouldin']], ['pca', ['silhouette', 'davies-bouldin']]]);
    expect(leaderboard[0].validation.silhouette).toBeGreaterThan(0.3); // three species, well apart on scaled measurements
    expect(leaderboard[1].validation.silhouette).toBeNull(); // PCA projects, it assigns no clusters
  }, 60_000);

  it('penguins-monitoring: `ml-studio run` exits 0 — the batch is the sample its model was trained on, so nothing alerts and Retrain waits', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'ml-studio-template-')), 'out');
    const stderr = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    const code = await main(['node', 'ml-studio', 'run', `${EXAMPLES}${TEMPLATE_FILES.monitoring}.notebook.json`, '--out', out, '--quiet']);
    const printed = stderr.mock.calls.map(([text]) => String(text));
    stderr.mockRestore();
    const results = JSON.parse(readFileSync(join(out, 'results.json'), 'utf8'));
    expect([code, printed, describeCells(results.cells)]).toEqual([0, ['ml-studio: exit 0: no Monitor cell alerted and no model changed.\n'], ['Data: done', 'Monitor: done', 'Retrain: done', 'Note: done']]);
    const [, monitor, retrain] = results.cells;
    // Every feature is ok against the training values it was drawn with; the scores may warn (the batch holds the
    // model's own training rows, where it is surer than on its validation rows) but never alert.
    expect([monitor.summary.model, monitor.summary.version, monitor.summary.stage, monitor.summary.batch, monitor.summary.alerts]).toEqual(['penguins-species', 1, 'production', { name: 'batch', rows: 344 }, []]);
    expect(monitor.summary.features.map((f: { column: string; status: string }) => `${f.column}: ${f.status}`)).toEqual(
      ['Island', 'Beak Length (mm)', 'Beak Depth (mm)', 'Flipper Length (mm)', 'Body Mass (g)', 'Sex'].map((column) => `${column}: ok`),
    );
    expect(monitor.summary.status).not.toBe('alert');
    expect(retrain.summary.skipped).toBe('The Monitor cell above raised no alert on this batch, so the champion stays; set "Retrain" to "always" to retrain anyway.');
  }, 60_000);
});
