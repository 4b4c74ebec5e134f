// The checks across a notebook file's parts that no single schema sees: unique cell ids, dataset bindings on
// Data cells only and one meaning per dataset name, embedded datasets that some Data cell reads — and each
// cell's spec, completed by its kind's defaults, against its kind's schema.

import * as v from 'valibot';
import { completeCellSpec } from '../reducers';
import type { Cell } from '../types';
import type { FileEnvelope } from './file-schema';
import type { FileCell } from './file-types';
import { describeRule, formatIssue, formatPath } from './format-issues';
import { CELL_SPEC_SCHEMAS } from './spec-schemas';

/** The file's cells with completed, validated specs, and every problem found (empty when there is none). */
export function checkFileCells(envelope: FileEnvelope): { cells: FileCell[]; problems: string[] } {
  const problems = [...checkCellIds(envelope), ...checkBindings(envelope), ...checkEmbedded(envelope)];
  const cells = envelope.notebook.cells.map((cell, index) => {
    // Typed as a Cell before its spec is checked: the schema below decides whether it is one.
    const completed = completeCellSpec({ id: cell.id, kind: cell.kind, spec: cell.spec } as unknown as Cell);
    const result = v.safeParse(CELL_SPEC_SCHEMAS[cell.kind], completed.spec, { message: describeRule });
    // One by one: a spread of a 300,000-item list's problems overflowed the call stack.
    if (!result.success) for (const issue of result.issues) problems.push(formatIssue(issue, ['cells', index, 'spec']));
    const spec = result.success ? result.output : completed.spec;
    // The documented field order (id, kind, title, spec, dataset), so a file read and written again is the same text.
    return { id: cell.id, kind: cell.kind, ...(cell.title ? { title: cell.title } : {}), spec, ...(cell.dataset ? { dataset: cell.dataset } : {}) } as FileCell;
  });
  return { cells, problems };
}

function checkCellIds(envelope: FileEnvelope): string[] {
  const first = new Map<string, number>();
  const problems: string[] = [];
  envelope.notebook.cells.forEach((cell, index) => {
    const earlier = first.get(cell.id);
    if (earlier === undefined) first.set(cell.id, index);
    else problems.push(`${formatPath(['cells', index, 'id'])} must be unique (got ${JSON.stringify(cell.id)}, the id of cells[${earlier}])`);
  });
  return problems;
}

function checkBindings(envelope: FileEnvelope): string[] {
  const byName = new Map<string, { index: number; signature: string }>();
  const problems: string[] = [];
  envelope.notebook.cells.forEach((cell, index) => {
    if (!cell.dataset) return;
    if (cell.kind !== 'data') {
      problems.push(`${formatPath(['cells', index, 'dataset'])} is only allowed on a Data cell (this is a ${cell.kind} cell)`);
      return;
    }
    const { name, fileName, rowCount, columns, contentHash } = cell.dataset;
    const signature = JSON.stringify([fileName, rowCount, columns, contentHash]);
    const earlier = byName.get(name);
    if (!earlier) byName.set(name, { index, signature });
    else if (earlier.signature !== signature) {
      problems.push(`${formatPath(['cells', index, 'dataset', 'name'])} names another dataset than cells[${earlier.index}] does (got ${JSON.stringify(name)}); give each dataset its own name`);
    }
  });
  return problems;
}

function checkEmbedded(envelope: FileEnvelope): string[] {
  const bound = new Set(envelope.notebook.cells.flatMap((cell) => (cell.dataset ? [cell.dataset.name] : [])));
  const seen = new Set<string>();
  const problems: string[] = [];
  envelope.datasets.forEach((dataset, index) => {
    const path = formatPath(['datasets', index, 'name']);
    if (seen.has(dataset.name)) problems.push(`${path} must be unique (got ${JSON.stringify(dataset.name)} twice)`);
    else if (!bound.has(dataset.name)) problems.push(`${path} must be the dataset name of a Data cell (got ${JSON.stringify(dataset.name)})`);
    seen.add(dataset.name);
  });
  return problems;
}
