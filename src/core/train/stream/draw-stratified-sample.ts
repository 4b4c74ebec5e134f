// One pass over a ChunkSource drawing a seeded sample: per class (classification) the rows with the smallest
// hash keys — a uniform sample within each class — sized by allocateStrata; for regression one uniform sample.
// Memory: at most `sampleRows` candidate keys per class, and the candidate rows, compacted to twice those held.

import { createAbortError, DataError } from '../../errors';
import type { ChunkSource } from '../../table/chunk-source';
import { textAt } from '../../table/text-column';
import { BOOLEAN_MISSING, type Column, type Table } from '../../table/types';
import { takeRows } from '../../transform/take-rows';
import { allocateStrata } from './allocate-strata';
import { concatTables } from './concat-tables';
import { hashRowUnit } from './hash-row';
import { createKeyHeap, type KeyHeap } from './key-heap';

/** The target a sample is stratified on; null or regression: one uniform sample. */
export type SampleTarget = { column: string; task: 'classification' | 'regression' } | null;

/** One class of the target: its rows in the source and in the sample (label null: a missing target). */
export interface SampleStratum {
  label: string | null;
  seenRows: number;
  sampledRows: number;
}

export interface StratifiedSample {
  /** The sampled rows, in source order. */
  table: Table;
  /** Each sampled row's index in the source. */
  rows: Float64Array;
  /** Rows read from the source. */
  sourceRows: number;
  /** Per class in first-seen order; null for a uniform (regression / untargeted) sample. */
  strata: SampleStratum[] | null;
}

interface Fragment { rows: Float64Array; table: Table }

/** Draws `sampleRows` rows (all rows when the source has fewer) in one pass; the same seed gives the same sample. */
export async function drawStratifiedSample(source: ChunkSource, target: SampleTarget, sampleRows: number, seed: number, signal?: AbortSignal): Promise<StratifiedSample> {
  if (!Number.isInteger(sampleRows) || sampleRows < 1) throw new RangeError(`sampleRows must be a whole number ≥ 1, got ${sampleRows}`);
  const stratified = target !== null && target.task === 'classification';
  const heaps = new Map<string | null, KeyHeap>();
  let fragments: Fragment[] = [];
  let stored = 0;
  for (let index = 0; index < source.chunkCount; index++) {
    if (signal?.aborted === true) throw createAbortError();
    const chunk = await source.readChunk(index);
    const labelAt = stratified ? readLabels(chunk, target.column) : () => '';
    const start = index * source.chunkRows;
    const admitted: number[] = [];
    for (let r = 0; r < chunk.rowCount; r++) {
      const label = labelAt(r);
      let heap = heaps.get(label);
      if (heap === undefined) heaps.set(label, (heap = createKeyHeap(sampleRows)));
      if (heap.offer(hashRowUnit(seed, start + r), start + r)) admitted.push(r);
    }
    if (admitted.length > 0) {
      fragments.push({ rows: Float64Array.from(admitted, (r) => start + r), table: takeRows(chunk, admitted) });
      stored += admitted.length;
    }
    const held = [...heaps.values()].reduce((s, heap) => s + heap.size, 0);
    if (stored > 2 * held + source.chunkRows) {
      fragments = keepRows(fragments, collectHeld(heaps, () => Infinity));
      stored = held;
    }
  }
  const labels = [...heaps.keys()];
  const seen = labels.map((label) => heaps.get(label)!.seen);
  const total = Math.min(sampleRows, seen.reduce((s, v) => s + v, 0));
  const allocation = stratified ? allocateStrata(seen, total) : [total];
  const chosen = collectHeld(heaps, (label) => allocation[labels.indexOf(label)]);
  const kept = keepRows(fragments, chosen);
  return {
    table: concatTables(kept.map((f) => f.table)),
    rows: Float64Array.from(kept.flatMap((f) => Array.from(f.rows))),
    sourceRows: seen.reduce((s, v) => s + v, 0),
    strata: stratified ? labels.map((label, c) => ({ label, seenRows: seen[c], sampledRows: allocation[c] })) : null,
  };
}

/** The rows of each heap with its `count(label)` smallest keys. */
function collectHeld(heaps: Map<string | null, KeyHeap>, count: (label: string | null) => number): Set<number> {
  const rows = new Set<number>();
  for (const [label, heap] of heaps) for (const row of heap.smallest(count(label))) rows.add(row);
  return rows;
}

function keepRows(fragments: readonly Fragment[], rows: Set<number>): Fragment[] {
  const out: Fragment[] = [];
  for (const fragment of fragments) {
    const local: number[] = [];
    fragment.rows.forEach((row, i) => { if (rows.has(row)) local.push(i); });
    if (local.length === fragment.rows.length) out.push(fragment);
    else if (local.length > 0) out.push({ rows: Float64Array.from(local, (i) => fragment.rows[i]), table: takeRows(fragment.table, local) });
  }
  return out;
}

/** Per row of `chunk`, the class label of column `name` (null: missing), as factorizeTarget spells it. */
function readLabels(chunk: Table, name: string): (row: number) => string | null {
  const column: Column | undefined = chunk.columns.find((c) => c.name === name);
  if (column === undefined) throw new DataError(`The target column "${name}" is not in the dataset; pick one of: ${chunk.columns.map((c) => c.name).join(', ')}.`);
  switch (column.kind) {
    case 'categorical': return (r) => (column.codes[r] < 0 ? null : column.levels[column.codes[r]]);
    case 'boolean': return (r) => (column.values[r] === BOOLEAN_MISSING ? null : column.values[r] === 1 ? 'true' : 'false');
    case 'text': return (r) => textAt(column, r);
    case 'numeric':
    case 'datetime': return (r) => (Number.isNaN(column.values[r]) ? null : String(column.values[r]));
  }
}
