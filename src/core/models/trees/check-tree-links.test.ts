import { describe, expect, it } from 'vitest';
import { checkTreeLinks } from './check-tree-links';

const tree = (feature: number[], left: number[], right: number[]) => [Int32Array.from(feature), Int32Array.from(left), Int32Array.from(right)] as const;

describe('checkTreeLinks', () => {
  it('accepts a tree whatever the order of its nodes', () => {
    expect(() => checkTreeLinks(...tree([0, -1, -1], [1, -1, -1], [2, -1, -1]), 'tree')).not.toThrow();
    expect(() => checkTreeLinks(...tree([1, -1, 0, -1, -1], [2, -1, 3, -1, -1], [1, -1, 4, -1, -1]), 'tree')).not.toThrow();
  });

  it('refuses links that loop, leave the tree, or do not match the node count', () => {
    expect(() => checkTreeLinks(...tree([0, -1], [0, -1], [1, -1]), 'tree 3 of the forest')).toThrow('The tree 3 of the forest is damaged: node 0 is reached twice');
    expect(() => checkTreeLinks(...tree([0, -1], [1, -1], [7, -1]), 'tree')).toThrow('node 0 links to node 7, but it has nodes 0 to 1');
    expect(() => checkTreeLinks(...tree([0, 0, -1], [1, 2, -1], [2, 2, -1]), 'tree')).toThrow('node 2 is reached twice');
    expect(() => checkTreeLinks(Int32Array.from([-1]), Int32Array.from([]), Int32Array.from([-1]), 'tree')).toThrow('1 nodes but 0 left');
  });
});
