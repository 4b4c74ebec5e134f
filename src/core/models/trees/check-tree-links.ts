// A tree read back from JSON (a stored run, a bundle someone sent) is checked before it scores anything: every split
// node's children exist, and walking from the root meets no node twice — so a crafted `left[0] = 0` cannot make
// scoring loop forever, and a child past the end cannot read out of bounds.

import { ModelSpecError } from '../../errors';

/** Throws a ModelSpecError naming the node when `left`/`right` do not form a tree rooted at node 0. */
export function checkTreeLinks(feature: Int32Array, left: Int32Array, right: Int32Array, what: string): void {
  const count = feature.length;
  if (count === 0 || left.length !== count || right.length !== count) {
    throw new ModelSpecError(`The ${what} is damaged: it has ${count} nodes but ${left.length} left and ${right.length} right links; export or train the model again.`);
  }
  const seen = new Uint8Array(count);
  const stack = [0];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (seen[node]) throw new ModelSpecError(`The ${what} is damaged: node ${node} is reached twice (its links loop); export or train the model again.`);
    seen[node] = 1;
    if (feature[node] < 0) continue;
    for (const child of [left[node], right[node]]) {
      if (!Number.isInteger(child) || child < 0 || child >= count) {
        throw new ModelSpecError(`The ${what} is damaged: node ${node} links to node ${child}, but it has nodes 0 to ${count - 1}; export or train the model again.`);
      }
      stack.push(child);
    }
  }
}
