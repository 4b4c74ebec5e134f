import { describe, expect, it } from 'vitest';
import { listForestPartBuffers } from './forest-part-buffers';
import type { ForestPart } from './train-forest-parts';

describe('listForestPartBuffers', () => {
  it('lists every tree array buffer once, cover included where a tree has one', () => {
    const shared = new ArrayBuffer(16);
    const tree = (cover: boolean) => ({
      outputs: 1, feature: new Int32Array(1), threshold: new Float64Array(1), left: new Int32Array(1), right: new Int32Array(1), value: new Float64Array(shared),
      ...(cover ? { cover: new Float64Array(1) } : {}),
    });
    const parts = [{ start: 0, end: 2, trees: [{ index: 0, tree: tree(true), importance: new Float64Array(1) }, { index: 1, tree: tree(false), importance: new Float64Array(1) }] }] as unknown as ForestPart[];
    const buffers = listForestPartBuffers(parts);
    expect({ count: buffers.length, sharedOnce: buffers.filter((b) => b === shared).length }).toEqual({ count: 1 + 2 * 5 + 1, sharedOnce: 1 });
  });
});
