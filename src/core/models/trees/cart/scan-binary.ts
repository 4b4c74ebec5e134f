// The split scans for two classes, unrolled: class sums in locals, no branch on the class. With whole weights
// (bootstrap counts) each sorted row carries its class code (weight · 2 + class) in place of its id, so the
// scan reads only the sorted arrays; otherwise (weight if class 0 else 0, weight if class 1 else 0) pairs.
// Adding 0 leaves a sum as it is and each impurity is cart-criterion.ts's operations in order: scores are bit-identical.

import { FEATURE_THRESHOLD, setBest, type CartSplit, type SortedFeature } from './scan-split';

/** Scan for classes 0 and 1 where s.ids are class codes (weight · 2 + class, weights whole); totals = (total, class 0, class 1) of the node. */
export function scanBinaryCodes(s: SortedFeature, totals: Float64Array, isGini: boolean, minSamplesLeaf: number, best: CartSplit): void {
  const { keys, ids: codes, count, levels, isSpaced, offset } = s;
  const total = totals[0], all0 = totals[1], all1 = totals[2];
  let wl = 0, left0 = 0, left1 = 0;
  for (let p = 1; p < count; p++) {
    const code = codes[p - 1];
    const w = code >>> 1, w1 = w * (code & 1);
    // Whole numbers: every sum is exact, in whatever order it is taken.
    wl += w;
    left0 += w - w1;
    left1 += w1;
    const before = keys[p - 1], after = keys[p];
    // Readable form: value[p] <= value[p − 1] + 1e-7 (equal ranks are equal values; spaced levels never closer).
    if (after === before || (!isSpaced && levels[after + offset] <= levels[before + offset] + FEATURE_THRESHOLD)) continue;
    if (p < minSamplesLeaf || count - p < minSamplesLeaf) continue;
    const wr = total - wl;
    const score = isGini
      ? wl * computeGini(left0, left1, wl) + wr * computeGini(all0 - left0, all1 - left1, wr)
      : wl * computeEntropy(left0, left1, wl) + wr * computeEntropy(all0 - left0, all1 - left1, wr);
    if (score < best.score) setBest(best, s.feature, score, before + offset, after + offset);
  }
}

/** Scan for classes 0 and 1 with any weights: pairs[2·id], pairs[2·id + 1] are the class weights of the node's row id; sums in sorted order. */
export function scanBinaryPairs(s: SortedFeature, pairs: Float64Array, isGini: boolean, minSamplesLeaf: number, best: CartSplit): void {
  const { keys, ids, count, levels, isSpaced, offset } = s;
  let total = 0, all0 = 0, all1 = 0;
  for (let k = 0; k < count; k++) {
    const w0 = pairs[2 * ids[k]], w1 = pairs[2 * ids[k] + 1];
    total += w0 + w1;
    all0 += w0;
    all1 += w1;
  }
  let wl = 0, left0 = 0, left1 = 0;
  for (let p = 1; p < count; p++) {
    const id = ids[p - 1];
    const w0 = pairs[2 * id], w1 = pairs[2 * id + 1];
    wl += w0 + w1;
    left0 += w0;
    left1 += w1;
    const before = keys[p - 1], after = keys[p];
    if (after === before || (!isSpaced && levels[after + offset] <= levels[before + offset] + FEATURE_THRESHOLD)) continue;
    if (p < minSamplesLeaf || count - p < minSamplesLeaf) continue;
    const wr = total - wl;
    const score = isGini
      ? wl * computeGini(left0, left1, wl) + wr * computeGini(all0 - left0, all1 - left1, wr)
      : wl * computeEntropy(left0, left1, wl) + wr * computeEntropy(all0 - left0, all1 - left1, wr);
    if (score < best.score) setBest(best, s.feature, score, before + offset, after + offset);
  }
}

function computeGini(c0: number, c1: number, total: number): number {
  let out = 1;
  const p0 = c0 / total;
  out -= p0 * p0;
  const p1 = c1 / total;
  out -= p1 * p1;
  return out;
}

function computeEntropy(c0: number, c1: number, total: number): number {
  let out = 0;
  const p0 = c0 / total;
  if (p0 > 0) out -= p0 * Math.log2(p0);
  const p1 = c1 / total;
  if (p1 > 0) out -= p1 * Math.log2(p1);
  return out;
}
