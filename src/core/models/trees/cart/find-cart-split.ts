// The split search at one node: features drawn in a seeded random order (partial Fisher–Yates, as sklearn),
// each node's ranks of the feature copied from the node layout, radix-sorted and scanned, until maxFeatures
// non-constant features were scanned. Readable form per feature: sort the node's values, skip the feature when
// the last ≤ the first + 1e-7, else scan every boundary; the threshold is the best boundary's midpoint.

import { createRankSortBuffers, sortRanks } from '../shared/sort-ranks';
import type { CartSettings } from './build-cart';
import type { NodeRows } from './node-rows';
import type { RankedColumns } from './rank-columns';
import { scanBinaryCodes, scanBinaryPairs } from './scan-binary';
import { FEATURE_THRESHOLD, scanSortedFeature, setThreshold, type CartSplit, type ScanContext, type SortedFeature } from './scan-split';

/** Which scan a fit uses: two classes with whole weights (class codes), two classes (weight pairs), or any. */
type ScanKind = 'codes' | 'pairs' | 'any';

/** A function returning the best split of positions start … end − 1 of `at` (feature −1: none), drawing features from `random`. */
export function createSplitFinder(ranked: RankedColumns, at: NodeRows, s: CartSettings, random: () => number): (start: number, end: number) => CartSplit {
  const n = at.rows.length;
  const kind = chooseScanKind(at, s);
  const buffers = createRankSortBuffers(n);
  const order = Uint32Array.from({ length: ranked.cols }, (_, f) => f);
  const codes = new Uint32Array(kind === 'codes' ? n : 0);
  const pairs = new Float64Array(kind === 'pairs' ? 2 * n : 0);
  const totals = new Float64Array(3);
  const width = Math.max(s.classes, 2);
  const scan: ScanContext = {
    weights: at.weights, y: at.y, classes: s.classes, criterion: s.criterion, minSamplesLeaf: s.minSamplesLeaf,
    left: new Float64Array(width), all: new Float64Array(width), right: new Float64Array(width),
  };
  const isGini = s.criterion === 'gini';
  return (start, end) => {
    const best: CartSplit = { feature: -1, score: Infinity, leftRank: 0, rightRank: 0, threshold: 0 };
    const count = end - start;
    if (kind === 'codes') fillCodes(at, start, count, codes, totals);
    else if (kind === 'pairs') fillPairs(at, start, count, pairs);
    else { scan.weights = at.weights.subarray(start, end); scan.y = at.y.subarray(start, end); }
    const { keys, ids } = buffers;
    const { cols } = ranked;
    let visited = 0;
    for (let i = 0; i < order.length && visited < s.maxFeatures; i++) {
      const j = i + Math.floor(random() * (order.length - i));
      const f = order[j]; order[j] = order[i]; order[i] = f;
      const levels = ranked.levels[f];
      let low = levels.length, high = 0;
      for (let k = 0; k < count; k++) {
        const rank = at.ranks[(start + k) * cols + f];
        keys[k] = rank;
        if (rank < low) low = rank;
        if (rank > high) high = rank;
      }
      if (levels[high] <= levels[low] + FEATURE_THRESHOLD) continue;
      visited++;
      for (let k = 0; k < count; k++) keys[k] -= low;
      if (kind === 'codes') for (let k = 0; k < count; k++) ids[k] = codes[k];
      else for (let k = 0; k < count; k++) ids[k] = k;
      const inOther = sortRanks(buffers, count, 32 - Math.clz32(high - low));
      const sorted: SortedFeature = {
        feature: f, keys: inOther ? buffers.keysOther : keys, ids: inOther ? buffers.idsOther : ids, count, offset: low, levels, isSpaced: ranked.isSpaced[f],
      };
      if (kind === 'codes') scanBinaryCodes(sorted, totals, isGini, s.minSamplesLeaf, best);
      else if (kind === 'pairs') scanBinaryPairs(sorted, pairs, isGini, s.minSamplesLeaf, best);
      else scanSortedFeature(sorted, scan, best);
    }
    if (best.feature >= 0) setThreshold(best, ranked.levels[best.feature]);
    return best;
  };
}

/**
 * Class codes need two classes and whole weights below 2^31 (bootstrap counts) whose total stays below 2^53:
 * then every sum is exact in any order, and the node's totals serve each feature's scan.
 */
function chooseScanKind(at: NodeRows, s: CartSettings): ScanKind {
  if (s.classes !== 2) return 'any';
  let total = 0;
  for (let k = 0; k < at.weights.length; k++) {
    const w = at.weights[k];
    if (!Number.isInteger(w) || w >= 2 ** 31) return 'pairs';
    total += w;
  }
  return total < 2 ** 53 ? 'codes' : 'pairs';
}

function fillCodes(at: NodeRows, start: number, count: number, codes: Uint32Array, totals: Float64Array): void {
  let total = 0, all1 = 0;
  for (let k = 0; k < count; k++) {
    const w = at.weights[start + k], isOne = at.y[start + k] === 0 ? 0 : 1;
    codes[k] = w * 2 + isOne;
    total += w;
    all1 += w * isOne;
  }
  totals[0] = total; totals[1] = total - all1; totals[2] = all1;
}

function fillPairs(at: NodeRows, start: number, count: number, pairs: Float64Array): void {
  for (let k = 0; k < count; k++) {
    const w = at.weights[start + k], isZero = at.y[start + k] === 0;
    pairs[2 * k] = isZero ? w : 0;
    pairs[2 * k + 1] = isZero ? 0 : w;
  }
}
