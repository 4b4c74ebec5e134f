// The welcome notebook a first visit offers runs end to end headless, as one "Run all" does in the browser.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { buildWelcomeNotebook, readNotebookFile, WELCOME_NAME } from '../core/notebook/file';
import { formatNotebookFile } from '../core/notebook/file/write-notebook-file';
import { bindData, listDataCells } from './bind-data';
import { createHeadlessNotebook } from './read-notebook';
import { runNotebookHeadless } from './run-notebook';

const EXAMPLES = fileURLToPath(new URL('../../examples/', import.meta.url));
const SAMPLES = fileURLToPath(new URL('../../public/samples/', import.meta.url));

describe('the welcome notebook', () => {
  it('is the breast-cancer example with Profile, Explain and a note before each step, and every cell runs', async () => {
    const example = readNotebookFile(readFileSync(`${EXAMPLES}breast-cancer.notebook.json`, 'utf8'));
    const welcome = readNotebookFile(formatNotebookFile(buildWelcomeNotebook(example)));
    expect(welcome.notebook.name).toBe(WELCOME_NAME);
    expect(welcome.notebook.cells.filter((c) => c.kind !== 'note').map((c) => c.kind)).toEqual(['data', 'problem', 'profile', 'split', 'prepare', 'train', 'evaluate', 'explain']);
    expect(welcome.notebook.cells.filter((c) => c.kind === 'note')).toHaveLength(8);
    const bindings = bindData(listDataCells(welcome), { data: [], notebookDir: EXAMPLES, samplesDir: SAMPLES });
    const { results } = await runNotebookHeadless(createHeadlessNotebook(welcome), bindings);
    expect(results.cells.filter((c) => c.status !== 'done').map((c) => `${c.title}: ${c.status} ${c.error ?? ''}`)).toEqual([]);
    const explain = results.cells.find((c) => c.title === 'Explain')!.summary as { importance: unknown[] };
    expect(explain.importance.length).toBeGreaterThan(0);
  }, 120_000);
});
