// Holdout splits — random, stratified, temporal, grouped — into sorted row indices per part, over all rows or
// the rows given (runSplit passes the rows that have a target). Rows whose class or timestamp is missing are left
// out with a warning; nothing else is ever lost.

import { DataError } from '../errors';
import type { RowIndices, Table } from '../table/types';
import { allocateCounts, readFractions } from './allocate';
import { findColumn, keyColumn } from './column-keys';
import { createRandom, shuffleInPlace } from '../random/prng';
import type { HoldoutSpec, HoldoutSplit } from './split-spec';

/**
 * Splits `rows` of `table` (ascending; every row when omitted) into train / validation / test as `spec` asks
 * (deterministic per seed; rows not given are in no part).
 */
export function splitHoldout(table: Table, spec: HoldoutSpec, rows?: RowIndices): HoldoutSplit {
  const fractions = readFractions(spec.fractions);
  const random = createRandom(spec.seed);
  const warnings: string[] = [];
  const candidates = rows ? Array.from(rows) : rangeOf(table.rowCount);
  let parts: number[][];
  switch (spec.kind) {
    case 'random':
      parts = cutInOrder(shuffleInPlace(candidates, random), allocateCounts(candidates.length, fractions));
      break;
    case 'stratified':
      parts = splitStratified(table, candidates, requireName(spec.target, 'target', spec.kind), fractions, random, warnings);
      break;
    case 'temporal':
      parts = splitTemporal(table, candidates, requireName(spec.timeColumn, 'time', spec.kind), fractions, spec.gapMs ?? 0, warnings);
      break;
    case 'grouped':
      parts = splitGrouped(table, candidates, requireName(spec.groupColumn, 'group', spec.kind), fractions, random, warnings);
      break;
  }
  const [train, validation, test] = parts.map((p) => Uint32Array.from(p).sort());
  return { train, validation, test, warnings };
}

function requireName(name: string | undefined, role: string, kind: string): string {
  if (!name) throw new DataError(`A ${kind} split needs a ${role} column: choose one.`);
  return name;
}

function rangeOf(n: number): number[] {
  return Array.from({ length: n }, (_, i) => i);
}

function cutInOrder(rows: readonly number[], counts: readonly number[]): number[][] {
  const parts: number[][] = [];
  let start = 0;
  for (const count of counts) {
    parts.push(rows.slice(start, start + count));
    start += count;
  }
  return parts;
}

function splitStratified(table: Table, candidates: number[], target: string, fractions: number[], random: () => number, warnings: string[]): number[][] {
  const { ids, labels } = keyColumn(findColumn(table, target, 'target'));
  const byClass: number[][] = labels.map(() => []);
  let missing = 0;
  for (const row of candidates) {
    if (ids[row] < 0) missing++;
    else byClass[ids[row]].push(row);
  }
  if (missing > 0) warnings.push(`${missing} rows with a missing '${target}' were left out of every part.`);
  const parts: number[][] = [[], [], []];
  const needed = fractions.filter((f) => f > 0).length;
  byClass.forEach((rows, c) => {
    if (rows.length > 0 && rows.length < needed) warnings.push(`Class '${labels[c]}' has ${rows.length} rows: too few to appear in all ${needed} parts.`);
    cutInOrder(shuffleInPlace(rows, random), allocateCounts(rows.length, fractions)).forEach((p, i) => appendAll(parts[i], p));
  });
  return parts;
}

function splitTemporal(table: Table, candidates: number[], timeColumn: string, fractions: number[], gapMs: number, warnings: string[]): number[][] {
  const column = findColumn(table, timeColumn, 'time');
  if (column.kind !== 'datetime' && column.kind !== 'numeric') {
    throw new DataError(`The time column '${timeColumn}' is ${column.kind}; choose a datetime or numeric column.`);
  }
  const times = column.values;
  const rows = candidates.filter((r) => !Number.isNaN(times[r]));
  if (rows.length < candidates.length) warnings.push(`${candidates.length - rows.length} rows with a missing '${timeColumn}' were left out of every part.`);
  rows.sort((a, b) => times[a] - times[b] || a - b);
  const parts = cutInOrder(rows, allocateCounts(rows.length, fractions));
  if (gapMs > 0) {
    let dropped = 0;
    for (let p = 1; p < parts.length; p++) {
      const previous = parts.slice(0, p).reverse().find((part) => part.length > 0);
      if (!previous) continue;
      const limit = times[previous[previous.length - 1]] + gapMs;
      const kept = parts[p].filter((r) => times[r] >= limit);
      dropped += parts[p].length - kept.length;
      parts[p] = kept;
    }
    if (dropped > 0) warnings.push(`${dropped} rows inside the ${gapMs} ms gap between parts were left out.`);
  }
  return parts;
}

function splitGrouped(table: Table, candidates: number[], groupColumn: string, fractions: number[], random: () => number, warnings: string[]): number[][] {
  const { ids, labels } = keyColumn(findColumn(table, groupColumn, 'group'));
  const groups: number[][] = labels.map(() => []);
  let missing = 0;
  for (const row of candidates) {
    if (ids[row] < 0) {
      groups.push([row]); // a row without a group is a group of its own
      missing++;
    } else groups[ids[row]].push(row);
  }
  if (missing > 0) warnings.push(`${missing} rows with a missing '${groupColumn}' were each treated as their own group.`);
  const order = shuffleInPlace(rangeOf(groups.length), random).filter((g) => groups[g].length > 0);
  const targets = fractions.map((f) => f * candidates.length);
  const parts: number[][] = [[], [], []];
  for (const g of order) {
    // the part furthest below its target size takes the next group
    let best = 0;
    for (let p = 1; p < 3; p++) if (targets[p] - parts[p].length > targets[best] - parts[best].length) best = p;
    appendAll(parts[best], groups[g]);
  }
  if (labels.length < 3) warnings.push(`Only ${labels.length} distinct '${groupColumn}' values: some parts may be empty.`);
  return parts;
}

/** target.push(...items) without spreading: a spread of ~120,000 or more rows overflows the call stack. */
function appendAll(target: number[], items: readonly number[]): void {
  for (const item of items) target.push(item);
}
