import { describe, expect, it } from 'vitest';
import { readFixture, selectFixture } from '../fixtures/read-fixture';
import { createTreeRandom, fitForestTrees, mergeForestTrees, readForestSetup } from './forest-chunks';
import { FOREST_PARAMS, randomForestFamily } from './random-forest';

describe('forest chunks', () => {
  it('1 chunk and 3 chunks (fitted in any order) merge into the same JSON as the family\'s own fit', async () => {
    const fx = readFixture('penguins-complete');
    const train = selectFixture(fx, fx.train, 4);
    const params = { nEstimators: 7, maxDepth: 5 };
    const setup = readForestSetup(FOREST_PARAMS, train.X, train.y, params);
    const whole = mergeForestTrees(train.X, train.y, setup, 5, [await fitForestTrees(train.X, train.y, setup, { seed: 5 }, 0, 7)]);
    const ranges = [{ start: 0, end: 3 }, { start: 3, end: 5 }, { start: 5, end: 7 }];
    const parts = await Promise.all(ranges.reverse().map(({ start, end }) => fitForestTrees(train.X, train.y, setup, { seed: 5 }, start, end)));
    const merged = mergeForestTrees(train.X, train.y, setup, 5, parts);
    const family = await randomForestFamily.fit(train.X, train.y, params, { seed: 5 });
    expect(JSON.stringify(merged.toJSON())).toBe(JSON.stringify(whole.toJSON()));
    expect(JSON.stringify(family.toJSON())).toBe(JSON.stringify(whole.toJSON()));
    expect({ trees: merged.info.trees, oob: typeof merged.info.oobScore }).toEqual({ trees: 7, oob: 'number' });
  });

  it('each tree draws from its own stream: same (seed, index) → same numbers, another index or seed → others', () => {
    const draw = (seed: number, index: number) => { const r = createTreeRandom(seed, index); return [r(), r(), r()]; };
    expect(draw(1, 4)).toEqual(draw(1, 4));
    expect(new Set([draw(1, 4), draw(1, 5), draw(2, 4), draw(0, 0)].map((d) => d.join())).size).toBe(4);
  });
});
