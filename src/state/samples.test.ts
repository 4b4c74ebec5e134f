import { describe, expect, it } from 'vitest';
import { parseSampleIndex } from './samples';

const penguins = {
  id: 'penguins', name: 'Palmer penguins', file: 'penguins.csv', task: 'multiclass', target: 'Species',
  description: 'Penguins.', rows: 344, columns: 7, source: 'vega-datasets', license: 'CC0 1.0',
};

describe('parseSampleIndex', () => {
  it('keeps well-formed entries and drops the rest', () => {
    expect(parseSampleIndex({ samples: [penguins, { id: 3 }, null] })).toEqual([penguins]);
  });

  it('reads a missing or malformed index as no samples', () => {
    expect([parseSampleIndex(null), parseSampleIndex({}), parseSampleIndex({ samples: 'x' })]).toEqual([[], [], []]);
  });
});
