import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { describeColumns } from '../table/describe-columns';
import { DEFAULT_IMPORT_OPTIONS } from '../notebook/types';
import { blobOf } from '../../test-support/table-builders';
import type { DatasetMeta } from './dataset-meta';
import { importFile } from './import-file';
import { readKnownColumnCounts } from './known-column-counts';

const SAMPLES = ['breast-cancer', 'penguins', 'cars', 'seattle-weather'];
const MIXED = 'id,n,c,t,b,d\nA1,1.5,x,hello,yes,2020-01-01\nA2,1.50,y,hello,Yes,2020-01-01T00:00\nA3,,x,,no,\nA4,-0,z,Ünïcode,N,2021-02-03\nA5,0,x,hello,,2020-01-01\n';

async function importNamed(name: string, text: string) {
  return importFile(blobOf(text), name, DEFAULT_IMPORT_OPTIONS);
}

describe('readKnownColumnCounts', () => {
  it('gives, for every kind it vouches for, the counts describeColumns would make (public samples and a mixed file)', async () => {
    const files = [...SAMPLES.map((name) => [`${name}.csv`, readFileSync(`public/samples/${name}.csv`, 'utf8')]), ['mixed.csv', MIXED]];
    for (const [name, text] of files) {
      const result = await importNamed(name, text);
      const known = readKnownColumnCounts({ inference: result.inference } as DatasetMeta, new Set());
      const counted = describeColumns(result.table);
      const reused = describeColumns(result.table, known);
      expect({ name, reused }).toEqual({ name, reused: counted });
      expect(known.length).toBeGreaterThan(0);
    }
  });

  it('leaves out overridden columns, booleans and dates, and everything of a streamed dataset', async () => {
    const result = await importNamed('mixed.csv', MIXED);
    const meta = { inference: result.inference } as DatasetMeta;
    expect(readKnownColumnCounts(meta, new Set(['c'])).map((c) => c.name)).toEqual(['id', 'n', 't']);
    expect(readKnownColumnCounts({ ...meta, streamed: {} } as DatasetMeta, new Set())).toEqual([]);
  });
});
