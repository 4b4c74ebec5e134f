// The buffers of a forest's parts, for sending them between threads by transfer. Apart from
// train-forest-parts.ts because the page calls it, and that module reaches the fit code (and TensorFlow.js).

import type { ForestPart } from './train-forest-parts';

/** The distinct buffers of `forestParts`' trees, to transfer them between threads instead of copying. */
export function listForestPartBuffers(forestParts: readonly ForestPart[]): ArrayBuffer[] {
  const arrays = forestParts.flatMap((part) => part.trees.flatMap(({ tree, importance }) => [tree.feature, tree.threshold, tree.left, tree.right, tree.value, ...(tree.cover ? [tree.cover] : []), importance]));
  return [...new Set(arrays.map((array) => array.buffer as ArrayBuffer))];
}
