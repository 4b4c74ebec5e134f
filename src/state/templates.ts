// Notebook templates for "New notebook": the example notebooks the headless runner ships (examples/*.notebook.json,
// bundled with the app as text and loaded on first use) and the welcome notebook built from the breast-cancer one.
// A template is imported like a notebook file, so its Data cell reads the bundled sample.

import { buildWelcomeNotebook, readNotebookFile } from '../core/notebook/file';
import { formatNotebookFile } from '../core/notebook/file/write-notebook-file';

const EXAMPLE_FILES = import.meta.glob<string>('../../examples/*.notebook.json', { query: '?raw', import: 'default' });

export interface NotebookTemplate {
  readonly id: string;
  readonly title: string;
  readonly description: string;
}

/** The templates in the order the menu lists them (each is an examples/ file, or the welcome notebook). */
export const TEMPLATES: readonly NotebookTemplate[] = [
  { id: 'welcome', title: 'Welcome tour', description: 'A complete binary classification with every main cell and a note on each; press Run all.' },
  { id: 'breast-cancer', title: 'Binary classification', description: 'Breast cancer: malignant or benign from 30 measurements.' },
  { id: 'penguins', title: 'Multiclass classification', description: 'Palmer penguins: species from beak, flipper, mass, island and sex.' },
  { id: 'cars', title: 'Regression', description: 'Cars: fuel use (miles per gallon) from engine and body.' },
  { id: 'seattle-weather', title: 'Multiclass with dates', description: 'Seattle weather: the day\'s weather from temperatures, wind and the date.' },
];

/** The notebook file of template `id` as text, ready for Studio.importNotebook. */
export async function loadTemplate(id: string): Promise<{ name: string; text: string }> {
  const example = id === 'welcome' ? 'breast-cancer' : id;
  const load = EXAMPLE_FILES[`../../examples/${example}.notebook.json`];
  if (!load) throw new Error(`There is no template "${id}".`);
  const text = await load();
  if (id !== 'welcome') return { name: `${example}.notebook.json`, text };
  return { name: 'welcome.notebook.json', text: formatNotebookFile(buildWelcomeNotebook(readNotebookFile(text))) };
}
