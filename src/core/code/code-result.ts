// From a finished run to what the Code cell keeps: a returned table becomes a dataset artifact (stored by the port
// under a key of its own) plus a preview of its first rows; the other outcomes pass as they are.

import type { DatasetArtifact } from '../notebook/runtime/artifacts';
import { selectRows } from '../table/select-rows';
import type { Table } from '../table/types';
import { PREVIEW_ROWS, type CodeResult } from './code-types';
import type { CodeRun } from './supervise-code-run';

const KEY_PREFIX = 'code-output|';

/** The dataset key of a Code cell's stored output table: the stored dataset's id (or, headless, its content hash). */
export function describeCodeOutputKey(storedId: string): string {
  return `${KEY_PREFIX}${storedId}`;
}

/** The stored id inside a Code output's dataset key; null for any other key. */
export function readCodeOutputKey(key: string): string | null {
  return key.startsWith(KEY_PREFIX) ? key.slice(KEY_PREFIX.length) : null;
}

/** The run as the cell keeps it; a table outcome needs `stored`: the key and name the port stored it under. */
export function toCodeResult(run: CodeRun, stored: { readonly key: string; readonly name: string } | null): CodeResult {
  const base = { console: run.console, consoleDropped: run.consoleDropped, durationMs: run.durationMs };
  const { outcome } = run;
  if (outcome.kind !== 'table') return { ...base, ...outcome };
  if (!stored) throw new Error('A returned table must be stored before the cell can show it.');
  return { ...base, kind: 'table', dataset: describeTableArtifact(outcome.table, stored, outcome), preview: previewTable(outcome.table) };
}

function describeTableArtifact(table: Table, stored: { key: string; name: string }, outcome: { warnings: DatasetArtifact['warnings']; contentHash: string }): DatasetArtifact {
  const columns = table.columns.map((c) => (c.kind === 'categorical' ? { name: c.name, kind: c.kind, levels: c.levels } : { name: c.name, kind: c.kind }));
  return { key: stored.key, name: stored.name, rowCount: table.rowCount, columns, warnings: outcome.warnings, contentHash: outcome.contentHash };
}

function previewTable(table: Table): Table {
  const rows = Uint32Array.from({ length: Math.min(PREVIEW_ROWS, table.rowCount) }, (_, row) => row);
  return selectRows(table, rows);
}
