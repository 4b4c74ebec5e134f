// Cross-validation folds over the training rows: k-fold, stratified, group and time-series (expanding
// window). Fold sizes follow scikit-learn's KFold / StratifiedKFold / GroupKFold / TimeSeriesSplit.

import { DataError } from '../errors';
import type { RowIndices, Table } from '../table/types';
import { findColumn, keyColumn } from './column-keys';
import { createRandom, shuffleInPlace } from '../random/prng';
import type { Fold, FoldSpec } from './split-spec';

/** Folds of `trainRows` as `spec` asks; every training row is scored in exactly one fold (except the first time block). */
export function makeFolds(table: Table, trainRows: RowIndices, spec: FoldSpec): Fold[] {
  const k = spec.k;
  if (!Number.isInteger(k) || k < 2 || k > trainRows.length) {
    throw new DataError(`Number of folds ${k} must be a whole number from 2 to the ${trainRows.length} training rows.`);
  }
  const random = createRandom(spec.seed);
  const rows = Array.from(trainRows);
  switch (spec.kind) {
    case 'kfold':
      return foldsFromAssignment(rows, assignKFold(rows.length, k, random), k);
    case 'stratified':
      return foldsFromAssignment(rows, assignStratified(table, rows, k, spec.target, random), k);
    case 'group':
      return foldsFromAssignment(rows, assignGroups(table, rows, k, spec.groupColumn, random), k);
    case 'timeseries':
      return makeTimeSeriesFolds(table, rows, k, spec.timeColumn);
  }
}

/** Plain k-fold folds of `trainRows` (no column read): a search that must cross-validate when the Split made no folds. */
export function makeKFolds(trainRows: RowIndices, k: number, seed: number): Fold[] {
  return makeFolds({ rowCount: 0, columns: [] }, trainRows, { kind: 'kfold', k, seed });
}

/** Fold sizes like sklearn KFold: the first n % k folds get one extra row. */
function assignKFold(n: number, k: number, random: () => number): Int32Array {
  const order = shuffleInPlace(Array.from({ length: n }, (_, i) => i), random);
  const fold = new Int32Array(n);
  let start = 0;
  for (let f = 0; f < k; f++) {
    const size = Math.floor(n / k) + (f < n % k ? 1 : 0);
    for (let i = start; i < start + size; i++) fold[order[i]] = f;
    start += size;
  }
  return fold;
}

/** Per-class fold counts like sklearn StratifiedKFold: deal the class-sorted labels round-robin to folds. */
function assignStratified(table: Table, rows: number[], k: number, target: string | undefined, random: () => number): Int32Array {
  if (!target) throw new DataError('Stratified folds need a target column: choose one.');
  const { ids, labels } = keyColumn(findColumn(table, target, 'target'));
  const classOf = rows.map((r) => ids[r]);
  if (classOf.some((c) => c < 0)) throw new DataError(`Training rows have a missing '${target}': drop or impute them before stratified folds.`);
  return assignStratifiedFolds(classOf, labels.length, k, random);
}

/**
 * Fold (0 … k − 1) of each row whose class is classOf[i] (0 … classCount − 1), as sklearn's StratifiedKFold sizes
 * them: the class-sorted rows dealt round-robin give each class's count per fold, then each class's rows, shuffled
 * with `random` (class by class, in class order), fill the folds in order.
 */
export function assignStratifiedFolds(classOf: ArrayLike<number>, classCount: number, k: number, random: () => number): Int32Array {
  const perClass = new Array<number>(classCount).fill(0);
  for (let i = 0; i < classOf.length; i++) perClass[classOf[i]]++;
  const allocation = perClass.map(() => new Array<number>(k).fill(0));
  let position = 0;
  perClass.forEach((count, c) => {
    for (let i = 0; i < count; i++, position++) allocation[c][position % k]++;
  });
  const fold = new Int32Array(classOf.length);
  const rows = Array.from({ length: classOf.length }, (_, i) => i);
  for (let c = 0; c < classCount; c++) {
    const members = shuffleInPlace(rows.filter((i) => classOf[i] === c), random);
    let next = 0;
    allocation[c].forEach((count, f) => {
      for (let i = 0; i < count; i++) fold[members[next++]] = f;
    });
  }
  return fold;
}

/** Like sklearn GroupKFold: largest groups first, each to the fold with the fewest rows so far. */
function assignGroups(table: Table, rows: number[], k: number, groupColumn: string | undefined, random: () => number): Int32Array {
  if (!groupColumn) throw new DataError('Group folds need a group column: choose one.');
  const { ids } = keyColumn(findColumn(table, groupColumn, 'group'));
  const members = new Map<number, number[]>();
  rows.forEach((r, i) => {
    const key = ids[r] < 0 ? -1 - i : ids[r]; // missing group: a group of its own
    const list = members.get(key);
    if (list) list.push(i);
    else members.set(key, [i]);
  });
  if (members.size < k) throw new DataError(`Only ${members.size} distinct '${groupColumn}' values in training: fewer than ${k} folds.`);
  const groups = shuffleInPlace([...members.values()].map((_, i) => i), random).map((i) => [...members.values()][i]);
  groups.sort((a, b) => b.length - a.length); // stable: equal sizes keep the shuffled order
  const load = new Array<number>(k).fill(0);
  const fold = new Int32Array(rows.length);
  for (const group of groups) {
    const lightest = load.indexOf(Math.min(...load));
    for (const i of group) fold[i] = lightest;
    load[lightest] += group.length;
  }
  return fold;
}

function foldsFromAssignment(rows: number[], fold: Int32Array, k: number): Fold[] {
  return Array.from({ length: k }, (_, f) => ({
    train: Uint32Array.from(rows.filter((_, i) => fold[i] !== f)).sort(),
    validation: Uint32Array.from(rows.filter((_, i) => fold[i] === f)).sort(),
  }));
}

/** Expanding window like sklearn TimeSeriesSplit(n_splits=k): validation blocks of n // (k + 1) rows. */
function makeTimeSeriesFolds(table: Table, rows: number[], k: number, timeColumn: string | undefined): Fold[] {
  let ordered = rows;
  if (timeColumn) {
    const column = findColumn(table, timeColumn, 'time');
    if (column.kind !== 'datetime' && column.kind !== 'numeric') throw new DataError(`The time column '${timeColumn}' is ${column.kind}; choose a datetime or numeric column.`);
    const t = column.values;
    ordered = rows.filter((r) => !Number.isNaN(t[r])).sort((a, b) => t[a] - t[b] || a - b);
  }
  const n = ordered.length;
  const size = Math.floor(n / (k + 1));
  if (size < 1) throw new DataError(`${n} training rows with a time are too few for ${k} time-series folds.`);
  return Array.from({ length: k }, (_, f) => {
    const start = n - (k - f) * size;
    return { train: Uint32Array.from(ordered.slice(0, start)), validation: Uint32Array.from(ordered.slice(start, start + size)) };
  });
}
