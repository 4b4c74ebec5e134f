// Best split of one node from its histogram, as sklearn's Splitter: numeric features scanned left→right
// (missing go right) and, when the feature has missing values, right→left (missing go left); categorical
// features sorted by gradient ratio and scanned from both ends (LightGBM/sklearn's partition search).

import { HIST_BINS } from './histogram';
import { MISSING_BIN } from './bin-mapper';

/** Split settings from the hyperparameters. */
export interface SplitSettings {
  minSamplesLeaf: number;
  l2: number;
  minHessian: number;
  binCounts: Int32Array;
  hasMissing: Uint8Array;
  categorical: boolean[];
}

/** The chosen split; gain ≤ 0 means "no valid split" (the node becomes a leaf). */
export interface SplitChoice {
  gain: number;
  feature: number;
  bin: number;
  missingLeft: boolean;
  /** Categorical splits: 1 for each bin (category code or MISSING_BIN) sent left. */
  leftBins: Uint8Array | null;
  gradLeft: number;
  hessLeft: number;
  countLeft: number;
}

const MIN_CAT_SUPPORT = 10;

/** −G²/(H + λ): the node's loss at its optimal value (sklearn's _loss_from_value(value, G)). */
function scoreOf(g: number, h: number, l2: number): number {
  return (g * g) / (h + l2);
}

/** Scans numeric feature f of a node's histogram, updating `best` when a cut beats it. */
export type NumericScan = (f: number, parentScore: number, best: SplitChoice) => void;

/**
 * Finds the best split over all features of a node with sums (g, h, count); `scanNumeric` may replace the
 * JavaScript numeric scan (by the heap's kernel, which gives the same result).
 */
export function findBestSplit(
  hist: Float64Array, g: number, h: number, count: number, s: SplitSettings,
  scanNumeric: NumericScan = (f, parentScore, best) => findNumericSplit(hist, f, g, h, count, parentScore, s, best),
): SplitChoice {
  const best: SplitChoice = { gain: -1, feature: -1, bin: 0, missingLeft: false, leftBins: null, gradLeft: 0, hessLeft: 0, countLeft: 0 };
  const parentScore = scoreOf(g, h, s.l2);
  for (let f = 0; f < s.binCounts.length; f++) {
    if (s.categorical[f]) findCategorySplit(hist, f, g, h, count, parentScore, s, best);
    else scanNumeric(f, parentScore, best);
  }
  return best;
}

/** The numeric scan in JavaScript (the readable form of split-kernel.ts). */
export function findNumericSplit(
  hist: Float64Array, f: number, g: number, h: number, count: number, parentScore: number, s: SplitSettings, best: SplitChoice,
): void {
  const base = f * HIST_BINS * 3;
  const nonMissing = s.binCounts[f];
  const missing = s.hasMissing[f];
  let gl = 0, hl = 0, cl = 0;
  // Left → right: missing values go right; the last non-missing bin may go left only if missing values exist.
  for (let b = 0; b < nonMissing - 1 + missing; b++) {
    const at = base + b * 3;
    gl += hist[at]; hl += hist[at + 1]; cl += hist[at + 2];
    if (cl < s.minSamplesLeaf) continue;
    if (count - cl < s.minSamplesLeaf) break;
    if (hl < s.minHessian) continue;
    if (h - hl < s.minHessian) break;
    const gain = scoreOf(gl, hl, s.l2) + scoreOf(g - gl, h - hl, s.l2) - parentScore;
    if (gain > best.gain && gain > 0) setBest(best, gain, f, b, false, null, gl, hl, cl);
  }
  if (!missing) return;
  // Right → left: missing values go left.
  let gr = 0, hr = 0, cr = 0;
  for (let b = nonMissing - 2; b >= 0; b--) {
    const at = base + (b + 1) * 3;
    gr += hist[at]; hr += hist[at + 1]; cr += hist[at + 2];
    if (cr < s.minSamplesLeaf) continue;
    if (count - cr < s.minSamplesLeaf) break;
    if (hr < s.minHessian) continue;
    if (h - hr < s.minHessian) break;
    const gain = scoreOf(g - gr, h - hr, s.l2) + scoreOf(gr, hr, s.l2) - parentScore;
    if (gain > best.gain && gain > 0) setBest(best, gain, f, b, true, null, g - gr, h - hr, count - cr);
  }
}

function findCategorySplit(
  hist: Float64Array, f: number, g: number, h: number, count: number, parentScore: number, s: SplitSettings, best: SplitChoice,
): void {
  const base = f * HIST_BINS * 3;
  const supportFactor = count / h;
  const bins: number[] = [];
  const ratios: number[] = [];
  const consider = (b: number): void => {
    const hb = hist[base + b * 3 + 1];
    if (hb * supportFactor >= MIN_CAT_SUPPORT) {
      bins.push(b);
      ratios.push(hist[base + b * 3] / (hb + MIN_CAT_SUPPORT));
    }
  };
  for (let b = 0; b < s.binCounts[f]; b++) consider(b);
  if (s.hasMissing[f]) consider(MISSING_BIN);
  const used = bins.length;
  if (used <= 1) return;
  const order = bins.map((_, i) => i).sort((a, b) => ratios[a] - ratios[b] || bins[a] - bins[b]);
  let found: { gain: number; direction: number; taken: number; gl: number; hl: number; cl: number } | null = null;
  for (const direction of [1, -1]) {
    const middle = direction === 1 ? (used + 1) >> 1 : ((used + 1) >> 1) - 1;
    let gl = 0, hl = 0, cl = 0;
    for (let i = 0; i < middle; i++) {
      const at = base + bins[order[direction === 1 ? i : used - 1 - i]] * 3;
      gl += hist[at]; hl += hist[at + 1]; cl += hist[at + 2];
      if (cl < s.minSamplesLeaf || hl < s.minHessian) continue;
      if (count - cl < s.minSamplesLeaf || h - hl < s.minHessian) break;
      const gain = scoreOf(gl, hl, s.l2) + scoreOf(g - gl, h - hl, s.l2) - parentScore;
      if (gain > best.gain && gain > 0 && (!found || gain > found.gain)) found = { gain, direction, taken: i + 1, gl, hl, cl };
    }
  }
  if (!found) return;
  const leftBins = new Uint8Array(HIST_BINS);
  for (let i = 0; i < found.taken; i++) leftBins[bins[order[found.direction === 1 ? i : used - 1 - i]]] = 1;
  setBest(best, found.gain, f, 0, leftBins[MISSING_BIN] === 1, leftBins, found.gl, found.hl, found.cl);
}

/** Records a better split in `best`. */
export function setBest(
  best: SplitChoice, gain: number, feature: number, bin: number, missingLeft: boolean, leftBins: Uint8Array | null,
  gl: number, hl: number, cl: number,
): void {
  best.gain = gain;
  best.feature = feature;
  best.bin = bin;
  best.missingLeft = missingLeft;
  best.leftBins = leftBins;
  best.gradLeft = gl;
  best.hessLeft = hl;
  best.countLeft = cl;
}
