// Notebook templates for "New notebook": the example notebooks the headless runner ships (examples/*.notebook.json,
// bundled with the app as text and loaded on first use: one per sample, plus penguins clustering and monitoring),
// the welcome notebook built from the breast-cancer one, and a blank notebook. A template is imported like a
// notebook file, so its Data cell reads the bundled sample and the monitoring template registers its model.

import { buildWelcomeNotebook, createNotebookFile, readNotebookFile } from '../core/notebook/file';
import { formatNotebookFile } from '../core/notebook/file/write-notebook-file';
import { DEFAULT_NOTEBOOK_NAME } from '../core/notebook/pristine';
import { addCell, createNotebook } from '../core/notebook/reducers';
import type { CellId, NotebookId } from '../core/notebook/types';

const EXAMPLE_FILES = import.meta.glob<string>('../../examples/*.notebook.json', { query: '?raw', import: 'default' });

export interface NotebookTemplate {
  readonly id: string;
  readonly title: string;
  readonly description: string;
}

/** The templates in the order the menu lists them (an examples/ file by its name, the welcome notebook, or blank). */
export const TEMPLATES: readonly NotebookTemplate[] = [
  { id: 'welcome', title: 'Welcome tour', description: 'A complete binary classification with every main cell and a note on each; press Run all.' },
  { id: 'breast-cancer', title: 'Binary classification', description: 'Breast cancer: malignant or benign from 30 measurements.' },
  { id: 'penguins', title: 'Multiclass classification', description: 'Palmer penguins: species from beak, flipper, mass, island and sex.' },
  { id: 'cars', title: 'Regression', description: 'Cars: fuel use (miles per gallon) from engine and body.' },
  { id: 'seattle-weather', title: 'Multiclass with dates', description: 'Seattle weather: the day\'s weather from temperatures, wind and the date.' },
  { id: 'penguins-clustering', title: 'Clustering', description: 'Palmer penguins without a target: k-means and PCA on the measurements, judged by silhouette.' },
  { id: 'penguins-monitoring', title: 'Monitoring', description: 'A registered penguins model in production checked for drift on a new batch, with a gated retrain.' },
  { id: 'blank', title: 'Blank', description: 'An empty notebook with one Data cell, as "New notebook" makes.' },
];

/** The notebook file of template `id` as text, ready for Studio.importNotebook. */
export async function loadTemplate(id: string): Promise<{ name: string; text: string }> {
  if (id === 'blank') return { name: 'blank.notebook.json', text: formatBlankNotebook() };
  const example = id === 'welcome' ? 'breast-cancer' : id;
  const load = EXAMPLE_FILES[`../../examples/${example}.notebook.json`];
  if (!load) throw new Error(`There is no template "${id}"; pick one of ${TEMPLATES.map((t) => `"${t.id}"`).join(', ')}.`);
  const text = await load();
  if (id !== 'welcome') return { name: `${example}.notebook.json`, text };
  return { name: 'welcome.notebook.json', text: formatNotebookFile(buildWelcomeNotebook(readNotebookFile(text))) };
}

/** "New notebook" as a file: the default name and one Data cell with nothing imported. */
function formatBlankNotebook(): string {
  const notebook = addCell(createNotebook('blank' as NotebookId, DEFAULT_NOTEBOOK_NAME, 0), 'data', 'data' as CellId, 0);
  return formatNotebookFile(createNotebookFile(notebook, { bindings: new Map() }));
}
