import { describe, expect, it } from 'vitest';
import { addColumnChunk, createColumnSketch, serializeColumnSketch } from '../stats/sketches/column-sketch';
import { describeSketches } from './describe-sketches';

describe('describeSketches', () => {
  it('gives exact counts and moments, approximate quantiles and distinct counts, and exact level counts', () => {
    const x = createColumnSketch('x', 'numeric');
    addColumnChunk(x, { kind: 'numeric', name: 'x', values: Float64Array.from([1, 2, NaN, 3, 4]) });
    addColumnChunk(x, { kind: 'numeric', name: 'x', values: Float64Array.from([5]) });
    const c = createColumnSketch('c', 'categorical');
    addColumnChunk(c, { kind: 'categorical', name: 'c', codes: Int32Array.from([0, 1, 1, -1]), levels: ['a', 'b'] });
    addColumnChunk(c, { kind: 'categorical', name: 'c', codes: Int32Array.from([2, 1]), levels: ['a', 'b', 'z'] });
    const f = createColumnSketch('f', 'boolean');
    addColumnChunk(f, { kind: 'boolean', name: 'f', values: Uint8Array.from([1, 0, 255, 1]) });
    const json = JSON.parse(JSON.stringify([x, c, f].map(serializeColumnSketch)));
    const [sx, sc, sf] = describeSketches(json, { c: ['a', 'b', 'z'] });
    expect(sx).toMatchObject({ rows: 6, missing: 1, distinct: 5, mean: 3, min: 1, max: 5, approximate: ['distinct', 'quantiles'] });
    expect(sx.std).toBeCloseTo(Math.sqrt(2.5), 12); // sample std of 1..5
    expect(sx.quantiles?.p50).toBe(3);
    expect(sc).toMatchObject({ rows: 6, missing: 1, distinct: 3, topValues: [{ value: 'b', count: 3 }, { value: 'a', count: 1 }, { value: 'z', count: 1 }], approximate: [] });
    expect(sf).toMatchObject({ rows: 4, missing: 1, distinct: 2, topValues: [{ value: 'true', count: 2 }, { value: 'false', count: 1 }] });
  });
});
