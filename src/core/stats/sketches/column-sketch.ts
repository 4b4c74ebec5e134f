// One column's one-pass summary over every row of a streamed dataset, fed chunk by chunk and mergeable: exact
// counts, missing, moments and level counts; KLL quantiles and HyperLogLog distinct counts where exact ones would
// need every value in memory. Serializes to plain JSON for the dataset's meta.

import { BOOLEAN_MISSING, type Column, type ColumnKind } from '../../table/types';
import { hashBytes, hashNumber } from './hash-values';
import { addHash, createHyperLogLog, mergeHyperLogLog, parseHyperLogLog, serializeHyperLogLog, type HyperLogLog, type HyperLogLogJson } from './hyper-log-log';
import { addKll, createKll, mergeKll, type KllSketch } from './kll-sketch';
import { addMoments, createMoments, mergeMoments, type MomentsSketch } from './moments-sketch';

/** A live column sketch; `rows` counts every row, `missing` the missing ones. */
export type ColumnSketch =
  | { kind: 'numeric' | 'datetime'; name: string; rows: number; moments: MomentsSketch; quantiles: KllSketch; distinct: HyperLogLog }
  | { kind: 'categorical'; name: string; rows: number; missing: number; levelCounts: number[] }
  | { kind: 'boolean'; name: string; rows: number; missing: number; trueCount: number; falseCount: number }
  | { kind: 'text'; name: string; rows: number; missing: number; distinct: HyperLogLog };

/** ColumnSketch as plain JSON (HyperLogLog registers as a string). */
export type ColumnSketchJson = DistributeJson<ColumnSketch>;
type DistributeJson<T> = T extends { distinct: HyperLogLog } ? Omit<T, 'distinct'> & { distinct: HyperLogLogJson } : T;

/** An empty sketch for a column of `kind`; `seed` makes KLL's compactions repeatable. */
export function createColumnSketch(name: string, kind: ColumnKind, seed = 1): ColumnSketch {
  switch (kind) {
    case 'numeric':
    case 'datetime':
      return { kind, name, rows: 0, moments: createMoments(), quantiles: createKll(undefined, seed), distinct: createHyperLogLog() };
    case 'categorical':
      return { kind, name, rows: 0, missing: 0, levelCounts: [] };
    case 'boolean':
      return { kind, name, rows: 0, missing: 0, trueCount: 0, falseCount: 0 };
    case 'text':
      return { kind, name, rows: 0, missing: 0, distinct: createHyperLogLog() };
  }
}

/** Adds one chunk of the column (same kind; a categorical chunk's codes index the sketch's growing level list). */
export function addColumnChunk(sketch: ColumnSketch, column: Column): void {
  if (column.kind !== sketch.kind && !(sketch.kind === 'datetime' && column.kind === 'datetime')) {
    throw new RangeError(`Column "${sketch.name}" is sketched as ${sketch.kind} but a chunk holds ${column.kind} values`);
  }
  if ((sketch.kind === 'numeric' || sketch.kind === 'datetime') && (column.kind === 'numeric' || column.kind === 'datetime')) {
    const values = column.values;
    sketch.rows += values.length;
    addMoments(sketch.moments, values);
    addKll(sketch.quantiles, values);
    const add = (high: number, low: number) => addHash(sketch.distinct, high, low);
    for (let i = 0; i < values.length; i++) if (values[i] === values[i]) hashNumber(values[i], add);
  } else if (sketch.kind === 'categorical' && column.kind === 'categorical') {
    const counts = sketch.levelCounts;
    while (counts.length < column.levels.length) counts.push(0);
    sketch.rows += column.codes.length;
    for (const code of column.codes) {
      if (code < 0) sketch.missing++;
      else counts[code]++;
    }
  } else if (sketch.kind === 'boolean' && column.kind === 'boolean') {
    sketch.rows += column.values.length;
    for (const v of column.values) {
      if (v === BOOLEAN_MISSING) sketch.missing++;
      else if (v === 1) sketch.trueCount++;
      else sketch.falseCount++;
    }
  } else if (sketch.kind === 'text' && column.kind === 'text') {
    const { bytes, offsets, missing } = column;
    const add = (high: number, low: number) => addHash(sketch.distinct, high, low);
    sketch.rows += missing.length;
    for (let r = 0; r < missing.length; r++) {
      if (missing[r] === 1) sketch.missing++;
      else hashBytes(bytes, offsets[r], offsets[r + 1], add);
    }
  }
}

/** Both sketches of one column in one (new); a kind mismatch is a RangeError. */
export function mergeColumnSketches(a: ColumnSketch, b: ColumnSketch): ColumnSketch {
  if (a.kind !== b.kind) throw new RangeError(`Cannot merge a ${a.kind} sketch of "${a.name}" with a ${b.kind} one`);
  if ((a.kind === 'numeric' || a.kind === 'datetime') && (b.kind === 'numeric' || b.kind === 'datetime')) {
    return { ...a, rows: a.rows + b.rows, moments: mergeMoments(a.moments, b.moments), quantiles: mergeKll(a.quantiles, b.quantiles), distinct: mergeHyperLogLog(a.distinct, b.distinct) };
  }
  if (a.kind === 'categorical' && b.kind === 'categorical') {
    const length = Math.max(a.levelCounts.length, b.levelCounts.length);
    const levelCounts = Array.from({ length }, (_, i) => (a.levelCounts[i] ?? 0) + (b.levelCounts[i] ?? 0));
    return { ...a, rows: a.rows + b.rows, missing: a.missing + b.missing, levelCounts };
  }
  if (a.kind === 'boolean' && b.kind === 'boolean') {
    return { ...a, rows: a.rows + b.rows, missing: a.missing + b.missing, trueCount: a.trueCount + b.trueCount, falseCount: a.falseCount + b.falseCount };
  }
  if (a.kind === 'text' && b.kind === 'text') return { ...a, rows: a.rows + b.rows, missing: a.missing + b.missing, distinct: mergeHyperLogLog(a.distinct, b.distinct) };
  throw new RangeError(`Cannot merge sketches of kind ${a.kind}`);
}

export function serializeColumnSketch(sketch: ColumnSketch): ColumnSketchJson {
  if ('distinct' in sketch) return { ...sketch, distinct: serializeHyperLogLog(sketch.distinct) } as ColumnSketchJson;
  return sketch;
}

export function parseColumnSketch(json: ColumnSketchJson): ColumnSketch {
  if ('distinct' in json) return { ...json, distinct: parseHyperLogLog(json.distinct) } as ColumnSketch;
  return json;
}
