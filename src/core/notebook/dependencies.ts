// The notebook's dependency graph: which artifacts each cell kind consumes and produces, the nearest cell
// above that produces an artifact, and every cell downstream of an edit (so it can be marked stale).

import type { Cell, CellId, CellKind, Notebook } from './types';

/** A named thing a cell hands to the cells below it. */
export type Artifact = 'dataset' | 'problem' | 'profile' | 'split' | 'pipeline' | 'model';

export interface KindDependencies {
  /** Artifacts read from the nearest producing cell above (a missing optional one is not an error). */
  readonly consumes: readonly Artifact[];
  readonly optional: readonly Artifact[];
  readonly produces: readonly Artifact[];
}

export const KIND_DEPENDENCIES: { readonly [K in CellKind]: KindDependencies } = {
  data: { consumes: [], optional: [], produces: ['dataset'] },
  problem: { consumes: ['dataset'], optional: [], produces: ['problem'] },
  profile: { consumes: ['dataset', 'problem'], optional: ['problem'], produces: ['profile'] },
  split: { consumes: ['dataset', 'problem'], optional: ['problem'], produces: ['split'] },
  prepare: { consumes: ['dataset', 'split', 'problem'], optional: ['problem'], produces: ['pipeline'] },
  train: { consumes: ['dataset', 'split', 'pipeline', 'problem'], optional: ['pipeline'], produces: ['model'] },
  evaluate: { consumes: ['dataset', 'split', 'model', 'problem'], optional: [], produces: [] },
  explain: { consumes: ['dataset', 'split', 'model', 'problem'], optional: [], produces: [] },
  compare: { consumes: ['dataset', 'split', 'model', 'problem'], optional: [], produces: [] },
  note: { consumes: [], optional: [], produces: [] },
};

/** The nearest cell above `cellId` whose kind produces `artifact`; null when none (or `cellId` is unknown). */
export function findUpstream(notebook: Notebook, cellId: CellId, artifact: Artifact): CellId | null {
  const index = notebook.cells.findIndex((cell) => cell.id === cellId);
  for (let i = index - 1; i >= 0; i--) {
    if (KIND_DEPENDENCIES[notebook.cells[i].kind].produces.includes(artifact)) return notebook.cells[i].id;
  }
  return null;
}

/** Cells below `cellId` that consume what it produces, directly or through other cells, in notebook order. */
export function listDownstream(notebook: Notebook, cellId: CellId): CellId[] {
  const index = notebook.cells.findIndex((cell) => cell.id === cellId);
  if (index < 0) return [];
  const affected = new Set<CellId>([cellId]);
  const downstream: CellId[] = [];
  for (const cell of notebook.cells.slice(index + 1)) {
    if (readsFromAny(notebook, cell, affected)) {
      affected.add(cell.id);
      downstream.push(cell.id);
    }
  }
  return downstream;
}

function readsFromAny(notebook: Notebook, cell: Cell, sources: ReadonlySet<CellId>): boolean {
  return KIND_DEPENDENCIES[cell.kind].consumes.some((artifact) => {
    const upstream = findUpstream(notebook, cell.id, artifact);
    return upstream !== null && sources.has(upstream);
  });
}
