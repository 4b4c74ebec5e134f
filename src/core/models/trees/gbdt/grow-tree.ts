// Leaf-wise growth of one boosting tree on binned data (as sklearn's TreeGrower / LightGBM): always split
// the leaf with the largest gain, build the smaller child's histogram and subtract it from the parent's for
// the larger child, partition a reused row-index array in place, stop at maxLeafNodes / maxDepth.

import { findBestSplit, type SplitChoice, type SplitSettings } from './find-split';
import { createGrowHeap, type GrowHeap, type LeafRange } from './grow-heap';
import { MISSING_BIN, type BinMapper } from './bin-mapper';
import type { BoostedTree } from './boosted-tree';

/** Growth limits; maxDepth 0 means unlimited. */
export interface GrowSettings extends SplitSettings {
  maxLeafNodes: number;
  maxDepth: number;
  learningRate: number;
}

/** Buffers reused across trees: the heap (bins, gradients, row partition, histograms). */
export interface GrowWorkspace {
  heap: GrowHeap;
  n: number;
  cols: number;
  goesLeft: Uint8Array;
}

interface GrowNode {
  start: number;
  end: number;
  depth: number;
  g: number;
  h: number;
  /** The node's histogram id in the heap, −1 when it has none. */
  hist: number;
  split: SplitChoice | null;
  children: [GrowNode, GrowNode] | null;
}

/**
 * A workspace for a column-major binned matrix with n rows; 'js' forces the JavaScript histogram loops, `shared`
 * asks for a heap that helper threads can share (heap.attachThreads).
 */
export function createWorkspace(binned: Uint8Array, n: number, cols: number, kernel: 'wasm' | 'js' = 'wasm', shared = false): GrowWorkspace {
  return { heap: createGrowHeap(binned, n, cols, kernel, shared), n, cols, goesLeft: new Uint8Array(256) };
}

/** Copies one output's gradients and hessians (length n) into the heap, interleaved, for the next growTree. */
export function loadGradients(ws: GrowWorkspace, grad: Float64Array, hess: Float64Array): void {
  const gradHess = ws.heap.gradHess;
  for (let i = 0; i < ws.n; i++) {
    gradHess[2 * i] = grad[i];
    gradHess[2 * i + 1] = hess[i];
  }
}

/**
 * Grows one tree on the gradients/hessians in the heap (loadGradients or the heap's own kernel) and adds its
 * leaf values to `raw` (the running predictions of the training rows). Returns the tree with leaf values
 * already multiplied by the learning rate.
 */
export function growTree(ws: GrowWorkspace, mapper: BinMapper, s: GrowSettings, raw: Float64Array): BoostedTree {
  let g = 0, h = 0;
  const gradHess = ws.heap.gradHess;
  for (let i = 0; i < ws.n; i++) {
    g += gradHess[2 * i];
    h += gradHess[2 * i + 1];
  }
  const root: GrowNode = { start: 0, end: ws.n, depth: 0, g, h, hist: -1, split: null, children: null };
  const splittable: GrowNode[] = [];
  if (ws.n >= 2 * s.minSamplesLeaf && s.maxLeafNodes > 1) {
    root.hist = ws.heap.acquireHistogram();
    ws.heap.buildRoot(root.hist);
    considerSplit(ws, root, s, splittable);
  }
  let leaves = 1;
  while (splittable.length > 0 && leaves < s.maxLeafNodes) {
    const node = popBest(splittable);
    const [left, right] = splitNode(ws, node);
    leaves++;
    const canGrow = leaves < s.maxLeafNodes && (s.maxDepth === 0 || node.depth + 1 < s.maxDepth);
    const growLeft = canGrow && left.end - left.start >= 2 * s.minSamplesLeaf;
    const growRight = canGrow && right.end - right.start >= 2 * s.minSamplesLeaf;
    if (growLeft || growRight) {
      const [small, large] = left.end - left.start <= right.end - right.start ? [left, right] : [right, left];
      small.hist = ws.heap.acquireHistogram();
      ws.heap.buildChild(small.hist, small.start, small.end);
      ws.heap.subtract(node.hist, small.hist);
      large.hist = node.hist;
      node.hist = -1;
      if (growLeft) considerSplit(ws, left, s, splittable);
      else release(ws, left);
      if (growRight) considerSplit(ws, right, s, splittable);
      else release(ws, right);
    }
    release(ws, node);
  }
  for (const node of splittable) release(ws, node);
  return flattenTree(ws, root, mapper, s, raw);
}

function considerSplit(ws: GrowWorkspace, node: GrowNode, s: GrowSettings, splittable: GrowNode[]): void {
  const { heap } = ws;
  const { hist, g, h } = node;
  const count = node.end - node.start;
  node.split = findBestSplit(heap.histogram(hist), g, h, count, s, (f, parentScore, best) => heap.scanNumeric(hist, f, g, h, count, parentScore, s, best));
  if (node.split.gain > 0) splittable.push(node);
  else release(ws, node);
}

function popBest(splittable: GrowNode[]): GrowNode {
  let best = 0;
  for (let i = 1; i < splittable.length; i++) if (splittable[i].split!.gain > splittable[best].split!.gain) best = i;
  return splittable.splice(best, 1)[0];
}

/** Stable in-place partition of the node's rows: left rows stay in front, right rows follow. */
function splitNode(ws: GrowWorkspace, node: GrowNode): [GrowNode, GrowNode] {
  const split = node.split!;
  // One lookup per bin (1 = left).
  const goesLeft = split.leftBins ?? ws.goesLeft;
  if (!split.leftBins) {
    for (let b = 0; b < MISSING_BIN; b++) goesLeft[b] = b <= split.bin ? 1 : 0;
    goesLeft[MISSING_BIN] = split.missingLeft ? 1 : 0;
  }
  const l = node.start + ws.heap.partition(split.feature, goesLeft, node.start, node.end);
  const left: GrowNode = { start: node.start, end: l, depth: node.depth + 1, g: split.gradLeft, h: split.hessLeft, hist: -1, split: null, children: null };
  const right: GrowNode = { start: l, end: node.end, depth: node.depth + 1, g: node.g - split.gradLeft, h: node.h - split.hessLeft, hist: -1, split: null, children: null };
  node.children = [left, right];
  return [left, right];
}

function release(ws: GrowWorkspace, node: GrowNode): void {
  if (node.hist >= 0) ws.heap.releaseHistogram(node.hist);
  node.hist = -1;
}

/** Numbers the nodes depth-first, fills the flat arrays and adds each leaf's value to its rows' predictions. */
function flattenTree(ws: GrowWorkspace, root: GrowNode, mapper: BinMapper, s: GrowSettings, raw: Float64Array): BoostedTree {
  const nodes: GrowNode[] = [];
  const collect = (node: GrowNode): void => {
    nodes.push(node);
    if (node.children) { collect(node.children[0]); collect(node.children[1]); }
  };
  collect(root);
  const count = nodes.length;
  const tree: BoostedTree = {
    feature: new Int32Array(count).fill(-1), threshold: new Float64Array(count), binThreshold: new Uint8Array(count),
    missingLeft: new Uint8Array(count), left: new Int32Array(count).fill(-1), right: new Int32Array(count).fill(-1),
    value: new Float64Array(count), leftCategories: Array.from({ length: count }, () => null), cover: new Float64Array(count),
  };
  const index = new Map(nodes.map((node, i) => [node, i]));
  const leaves: LeafRange[] = [];
  nodes.forEach((node, i) => {
    // sklearn's compute_node_value: −G / (H + λ), then shrinkage.
    tree.value[i] = (-s.learningRate * node.g) / (node.h + s.l2 + 1e-15);
    tree.cover![i] = node.end - node.start;
    if (node.children) {
      const split = node.split!;
      tree.feature[i] = split.feature;
      const cuts = mapper.thresholds[split.feature];
      tree.threshold[i] = split.bin < cuts.length ? cuts[split.bin] : Number.MAX_VALUE;
      tree.binThreshold[i] = split.bin;
      tree.missingLeft[i] = split.missingLeft ? 1 : 0;
      tree.leftCategories[i] = split.leftBins;
      tree.left[i] = index.get(node.children[0])!;
      tree.right[i] = index.get(node.children[1])!;
    } else {
      leaves.push({ start: node.start, end: node.end, value: tree.value[i] });
    }
  });
  ws.heap.addLeafValues(raw, leaves);
  return tree;
}
