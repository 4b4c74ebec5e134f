// UI half of the cell-kind registry: kind → component, plus whether a cell has content worth a delete confirm.
// Adding a kind is one folder under ui/cells plus one line here (and its core half in core/notebook/cell-kinds.ts).

import type { Component } from 'svelte';
import type { Cell, CellId, CellKind, CellSpecs } from '../../core/notebook/types';
import { DEFAULT_CODE_SOURCE } from '../../core/code/default-source';
import type { NotebookState } from '../../state/notebook-state.svelte';
import CodeCell from './code/CodeCell.svelte';
import DataCell from './data/DataCell.svelte';
import CompareCell from './compare/CompareCell.svelte';
import EvaluateCell from './evaluate/EvaluateCell.svelte';
import ExplainCell from './explain/ExplainCell.svelte';
import ExportCell from './export/ExportCell.svelte';
import MonitorCell from './monitor/MonitorCell.svelte';
import NoteCell from './note/NoteCell.svelte';
import PredictCell from './predict/PredictCell.svelte';
import PrepareCell from './prepare/PrepareCell.svelte';
import SplitCell from './split/SplitCell.svelte';
import ProblemCell from './problem/ProblemCell.svelte';
import ProfileCell from './profile/ProfileCell.svelte';
import RetrainCell from './retrain/RetrainCell.svelte';
import TrainCell from './train/TrainCell.svelte';
import TuneCell from './tune/TuneCell.svelte';

/** Props every cell component receives; `spec` is the cell's current saved spec. */
export interface CellProps<K extends CellKind> {
  cellId: CellId;
  spec: CellSpecs[K];
  notebook: NotebookState;
}

interface CellUi<K extends CellKind> {
  component: Component<CellProps<K>>;
  hasContent(spec: CellSpecs[K]): boolean;
}

export const CELL_UI: { readonly [K in CellKind]: CellUi<K> } = {
  data: { component: DataCell, hasContent: (spec) => spec.datasetId !== null },
  problem: { component: ProblemCell, hasContent: (spec) => spec.target !== null },
  profile: { component: ProfileCell, hasContent: () => true },
  split: { component: SplitCell, hasContent: () => true },
  prepare: { component: PrepareCell, hasContent: (spec) => spec.steps.length > 0 },
  train: { component: TrainCell, hasContent: () => true },
  tune: { component: TuneCell, hasContent: () => true },
  evaluate: { component: EvaluateCell, hasContent: (spec) => spec.runId !== null },
  explain: { component: ExplainCell, hasContent: (spec) => spec.runId !== null },
  compare: { component: CompareCell, hasContent: (spec) => spec.runA !== null || spec.runB !== null },
  predict: { component: PredictCell, hasContent: (spec) => spec.file !== null },
  export: { component: ExportCell, hasContent: () => false },
  monitor: { component: MonitorCell, hasContent: (spec) => spec.model !== null },
  retrain: { component: RetrainCell, hasContent: () => false },
  code: { component: CodeCell, hasContent: (spec) => spec.source.trim() !== '' && spec.source !== DEFAULT_CODE_SOURCE },
  note: { component: NoteCell, hasContent: (spec) => spec.markdown.trim() !== '' },
};

/** The registry entry for a cell, widened so a frame can render any kind. */
export function findCellUi(cell: Cell): { component: Component<CellProps<CellKind>>; hasContent: boolean } {
  const ui = CELL_UI[cell.kind] as unknown as CellUi<CellKind>;
  return { component: ui.component, hasContent: ui.hasContent(cell.spec) };
}
