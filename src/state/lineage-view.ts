// The lineage of a model version as the Models page draws it: dataset → pipeline → run → version → exported
// bundles, each node with what it is, a short id and where it links (null: no page of its own).

import type { NotebookId } from '../core/notebook/types';
import type { ModelVersion } from '../core/registry/types';
import type { RunSummary } from '../core/train/types';
import { loadCellOutputs } from '../storage/cell-outputs';
import { formatRoute } from './route';
import type { Studio } from './studio.svelte';

/** One node of the graph: its kind, a title, a detail line, a short id and a link (null when it has no page). */
export interface LineageNode {
  readonly kind: 'dataset' | 'pipeline' | 'run' | 'version' | 'bundle';
  readonly title: string;
  readonly detail: string;
  readonly id: string;
  readonly href: string | null;
}

/** An Export cell's bundle of a run, as found in its notebook's saved outputs. */
export interface ExportedBundleFacts {
  readonly name: string;
  readonly exportedAt: number;
  readonly fileCount: number;
}

/** The nodes, in order, for `version` made of `run` (null: the run is no longer stored); runs without provenance skip dataset and pipeline. */
export function describeLineage(version: Pick<ModelVersion, 'modelName' | 'version' | 'stage' | 'runId' | 'notebookId'>, run: RunSummary | null, bundles: readonly ExportedBundleFacts[] = []): LineageNode[] {
  const notebook = formatRoute({ kind: 'notebook', id: version.notebookId as NotebookId });
  const nodes: LineageNode[] = [];
  const provenance = run?.provenance;
  if (provenance) {
    const { dataset } = provenance;
    nodes.push({ kind: 'dataset', title: `Dataset ${dataset.name}`, detail: `${dataset.rowCount} rows · ${dataset.columns.length} columns`, id: dataset.contentHash.slice(0, 12) || '(no hash)', href: null });
    const own = run.steps?.length ?? 0;
    const auto = run.autoPreparation ? Object.values(run.autoPreparation).filter((columns) => columns.length > 0).length : 0;
    nodes.push({ kind: 'pipeline', title: 'Pipeline', detail: `${own} step${own === 1 ? '' : 's'}${auto > 0 ? ` + ${auto} automatic` : ''}`, id: provenance.pipelineHash.slice(0, 12), href: null });
  }
  nodes.push({ kind: 'run', title: run ? `Run ${run.label}` : 'Run (not stored)', detail: run ? `seed ${run.seed} · ${run.family}` : 'deleted or never finished', id: version.runId.slice(0, 8), href: run ? notebook : null });
  nodes.push({ kind: 'version', title: `${version.modelName} v${version.version}`, detail: version.stage, id: `${version.modelName}@${version.version}`, href: formatRoute({ kind: 'model', name: version.modelName }) });
  for (const bundle of bundles) nodes.push({ kind: 'bundle', title: `${bundle.name}.zip`, detail: `${bundle.fileCount} files`, id: new Date(bundle.exportedAt).toISOString().slice(0, 16).replace('T', ' '), href: notebook });
  return nodes;
}

/** The bundles among a notebook's saved cell outputs (runtime SavedOutput records) that export run `runId`. */
export function findExportedBundles(outputs: Iterable<unknown>, runId: string): ExportedBundleFacts[] {
  const found: ExportedBundleFacts[] = [];
  for (const saved of outputs) {
    if (!isExportOutput(saved)) continue;
    const output = saved.output;
    if (output.runId === runId) found.push({ name: output.name, exportedAt: output.exportedAt, fileCount: output.manifest?.files?.length ?? 0 });
  }
  return found.sort((a, b) => a.exportedAt - b.exportedAt);
}

/** The bundles the Export cells of notebook `notebookId` made of run `runId` (their saved outputs), oldest first. */
export async function loadExportedBundles(studio: Studio, notebookId: NotebookId, runId: string): Promise<ExportedBundleFacts[]> {
  return findExportedBundles((await loadCellOutputs(await studio.db(), notebookId)).values(), runId);
}

type SavedExport = { kind: 'export'; output: { runId: string; name: string; exportedAt: number; manifest?: { files?: unknown[] } } };

function isExportOutput(saved: unknown): saved is SavedExport {
  if (typeof saved !== 'object' || saved === null || (saved as { kind?: unknown }).kind !== 'export') return false;
  const output = (saved as { output?: unknown }).output;
  return typeof output === 'object' && output !== null && typeof (output as { runId?: unknown }).runId === 'string';
}
