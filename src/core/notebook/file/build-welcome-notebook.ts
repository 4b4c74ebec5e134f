// The welcome notebook a first visit offers: the breast-cancer example (examples/breast-cancer.notebook.json) with a
// Profile cell after the Problem, an Explain cell after the Evaluate and a short note before each step, so one
// "Run all" shows the whole studio — data, problem, profile, split, prepare, train, evaluate, explain — and says
// what each cell did.

import { CELL_KINDS } from '../cell-kinds';
import type { CellId, CellKind } from '../types';
import type { FileCell, NotebookFile } from './file-types';

export const WELCOME_NAME = 'Welcome to ML Studio';

/** What the note before each kind of cell says. */
const NOTES: Partial<Record<CellKind, string>> = {
  data: '# Welcome to ML Studio\n\nThis notebook predicts whether a breast tumour is malignant from 30 measurements of its cells — the classic Wisconsin data set (569 rows), bundled with the studio. Press **Run all** at the top: every cell below runs in order, in your browser; nothing leaves this tab.\n\n**Data** imports the file and shows each column\'s type with its evidence.',
  problem: '**Problem** names the target (`diagnosis`), the task the studio proposed (binary) and how success is measured.',
  profile: '**Profile** describes every column and flags data-quality issues; its suggestions add fixes to a Prepare cell in one click.',
  split: '**Split** cuts training, validation and a locked test part; models never see the test rows until you ask for a final evaluation.',
  prepare: '**Prepare** is the feature pipeline, fitted on the training rows only (here: standard scaling).',
  train: '**Train** fits each family in a worker and ranks them on the validation rows. Try *Try all*, or add a **Tune** cell to search hyperparameters.',
  evaluate: '**Evaluate** scores the best run: metrics with intervals, a threshold you can move, curves, slices and costs.',
  explain: '**Explain** shows which measurements drive the model (permutation importance, SHAP, partial dependence).\n\nNext: add a cell with **+ Add cell**, press `?` for the keys, or start your own notebook from Home.',
};

/** `example` (the breast-cancer example file) with Profile, Explain and the notes added, named WELCOME_NAME. */
export function buildWelcomeNotebook(example: NotebookFile): NotebookFile {
  const cells: FileCell[] = [];
  const note = (kind: CellKind) => ({ id: `note-${kind}` as CellId, kind: 'note' as const, spec: { markdown: NOTES[kind] ?? '' } });
  const extra = (kind: 'profile' | 'explain') => ({ id: kind as CellId, kind, spec: CELL_KINDS[kind].createSpec() }) as FileCell;
  for (const cell of example.notebook.cells) {
    if (NOTES[cell.kind]) cells.push(note(cell.kind));
    cells.push(cell);
    if (cell.kind === 'problem') cells.push(note('profile'), extra('profile'));
    if (cell.kind === 'evaluate') cells.push(note('explain'), extra('explain'));
  }
  return { ...example, notebook: { name: WELCOME_NAME, cells } };
}
