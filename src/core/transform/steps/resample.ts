// Class-imbalance handling for TRAINING rows only: class weights (sklearn 'balanced': n / (k · n_c)),
// random over-sampling to the largest class, random under-sampling to the smallest, or SMOTE on the
// numeric columns. fitPipeline applies it to its training output; transformTable never does.

import type { Column, Table } from '../../table/types';
import { keyColumn } from '../../split/column-keys';
import { createRandom, shuffleInPlace } from '../../random/prng';
import { takeRows } from '../take-rows';
import type { ResampleStep } from '../step-types';
import { createStepError, requireColumn } from '../step-context';

/** The resampled training set: rows of the input (−1 = synthetic SMOTE row), the table, optional weights. */
export interface ResampledTraining {
  readonly table: Table;
  /** Per output row, the input row it copies; −1 for a synthetic row. */
  readonly sourceRows: Int32Array;
  readonly sampleWeights: Float64Array | null;
  /** Rows per class label after resampling. */
  readonly classCounts: Record<string, number>;
}

/** Applies one resample step to a (transformed) training table. Rows with a missing target keep weight 1 and are never duplicated. */
export function resampleTraining(step: ResampleStep, table: Table): ResampledTraining {
  const { ids, labels } = keyColumn(requireColumn(step, table, step.target));
  const byClass = labels.map(() => [] as number[]);
  ids.forEach((c, r) => c >= 0 && byClass[c].push(r));
  if (byClass.length < 2) throw createStepError(step, `target '${step.target}' has ${byClass.length} class in training; resampling needs at least 2.`);
  const random = createRandom(step.seed ?? 0);
  const sizes = byClass.map((rows) => rows.length);
  const identity = Int32Array.from({ length: table.rowCount }, (_, i) => i);
  const countsOf = (size: (c: number) => number) => Object.fromEntries(labels.map((l, c) => [l, size(c)]));
  switch (step.method) {
    case 'class_weights': {
      const present = sizes.reduce((a, b) => a + b, 0);
      const weights = Float64Array.from(ids, (c) => (c < 0 ? 1 : present / (labels.length * sizes[c])));
      return { table, sourceRows: identity, sampleWeights: weights, classCounts: countsOf((c) => sizes[c]) };
    }
    case 'oversample':
    case 'undersample': {
      const goal = step.method === 'oversample' ? Math.max(...sizes) : Math.min(...sizes);
      const rows: number[] = [];
      ids.forEach((c, r) => c < 0 && rows.push(r));
      // One by one: spreading a class of 100,000s of rows into push() overflows the call stack.
      byClass.forEach((members) => {
        for (const row of drawRows(members, goal, random)) rows.push(row);
      });
      rows.sort((a, b) => a - b);
      return { table: takeRows(table, rows), sourceRows: Int32Array.from(rows), sampleWeights: null, classCounts: countsOf(() => goal) };
    }
    case 'smote':
      return smoteTraining(step, table, byClass, labels, random);
  }
}

/** `goal` rows from `members`: all of them plus random repeats when growing, a random subset when shrinking. */
function drawRows(members: number[], goal: number, random: () => number): number[] {
  const pool = shuffleInPlace([...members], random);
  if (goal <= pool.length) return pool.slice(0, goal);
  const extra = Array.from({ length: goal - pool.length }, () => members[Math.floor(random() * members.length)]);
  return [...pool, ...extra];
}

function smoteTraining(step: ResampleStep, table: Table, byClass: number[][], labels: readonly string[], random: () => number): ResampledTraining {
  const features = table.columns.filter((c): c is Extract<Column, { kind: 'numeric' }> => c.kind === 'numeric' && c.name !== step.target);
  const others = table.columns.filter((c) => c.kind !== 'numeric' && c.name !== step.target);
  if (features.length === 0 || others.length > 0) {
    throw createStepError(step, `SMOTE needs every feature numeric (encode ${others.map((c) => `'${c.name}'`).join(', ') || 'the features'} first).`);
  }
  const k = step.neighbors ?? 5;
  const goal = Math.max(...byClass.map((m) => m.length));
  const synthetic: { row: number; neighbor: number; gap: number }[] = [];
  for (const members of byClass) {
    if (members.length < 2 || members.length === goal) continue;
    const distance = (a: number, b: number) => features.reduce((s, f) => s + (f.values[a] - f.values[b]) ** 2, 0);
    for (let i = members.length; i < goal; i++) {
      const row = members[Math.floor(random() * members.length)];
      const nearest = members.filter((m) => m !== row).sort((a, b) => distance(row, a) - distance(row, b) || a - b).slice(0, k);
      synthetic.push({ row, neighbor: nearest[Math.floor(random() * nearest.length)], gap: random() });
    }
  }
  const base = Array.from({ length: table.rowCount }, (_, i) => i);
  const withTarget = takeRows(table, [...base, ...synthetic.map((s) => s.row)]);
  const columns = withTarget.columns.map((c) => {
    if (c.kind !== 'numeric' || c.name === step.target) return c;
    const values = Float64Array.from(c.values);
    synthetic.forEach((s, i) => (values[table.rowCount + i] = c.values[s.row] + s.gap * (c.values[s.neighbor] - c.values[s.row])));
    return { ...c, values };
  });
  const sourceRows = Int32Array.from([...base, ...synthetic.map(() => -1)]);
  return { table: { rowCount: withTarget.rowCount, columns }, sourceRows, sampleWeights: null, classCounts: Object.fromEntries(labels.map((l, c) => [l, Math.max(byClass[c].length, byClass[c].length < 2 ? byClass[c].length : goal)])) };
}
