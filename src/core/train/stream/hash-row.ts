// Seeded, order-free randomness per row of a streamed table: a row's sampling key and its train / validation /
// test part depend only on (seed, row index), so every pass over the chunks, in any order, agrees.

import { mixHash } from '../../stats/mix-hash';
import { deriveSeed } from '../../random/prng';

const TWO_POW_32 = 4294967296;

/** A uniform number in [0, 1) with 53 random bits from (seed, row); `row` is a whole number below 2⁵³. */
export function hashRowUnit(seed: number, row: number): number {
  const low = row >>> 0;
  const high = Math.floor(row / TWO_POW_32) >>> 0;
  const a = mixHash(mixHash((low ^ seed) >>> 0) ^ high);
  const b = mixHash((a ^ deriveSeed(seed, high)) >>> 0);
  return (a * 2097152 + (b >>> 11)) / 9007199254740992;
}

/** The shares of rows held out: validation and test, each in [0, 1), summing below 1; the rest trains. */
export interface StreamedSplit {
  validationShare: number;
  testShare: number;
  seed: number;
}

export type RowPart = 'train' | 'validation' | 'test';

/**
 * The part of each row: a seeded 32-bit hash of its index against the split's shares (about, not exactly, the
 * shares). Build it once per split: the hot loop of every pass calls it for every row.
 */
export function createRowPartAssigner(split: StreamedSplit): (row: number) => RowPart {
  const seed = deriveSeed(split.seed, 0x5b117);
  const validation = split.validationShare * TWO_POW_32;
  const heldOut = (split.validationShare + split.testShare) * TWO_POW_32;
  return (row) => {
    const h = mixHash(mixHash((row >>> 0) ^ seed) ^ Math.floor(row / TWO_POW_32));
    return h < validation ? 'validation' : h < heldOut ? 'test' : 'train';
  };
}

/** The part row `row` belongs to (createRowPartAssigner for one row). */
export function assignRowPart(split: StreamedSplit, row: number): RowPart {
  return createRowPartAssigner(split)(row);
}
