import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { importFile } from '../core/ingest/import-file';
import { DEFAULT_IMPORT_OPTIONS } from '../core/notebook/types';
import type { SplitRequest } from '../core/split/run-split';
import type { TrainedRun } from '../core/train/types';
import { openTrainingRows, type TrainingDataSources } from './open-training-rows';

// 20 rows: a code the run's Data cell read as categorical (the importer sees numbers), a value and a label.
const CSV = `code,x,y\n${Array.from({ length: 20 }, (_, i) => `${i % 3},${i},${i % 2 === 0 ? 'a' : 'b'}`).join('\n')}\n`;
const REQUEST: SplitRequest = { holdout: { kind: 'random', fractions: { train: 0.75, validation: 0.25, test: 0 }, seed: 7 }, folds: null, summarize: {}, target: 'y' };
let hash: string;
let run: TrainedRun;
let dir: string;

const sources = (over: Partial<TrainingDataSources>): TrainingDataSources => ({ given: new Map(), samplesDir: null, embedded: new Map(), importOptions: new Map(), ...over });

beforeAll(async () => {
  hash = (await importFile(new Blob([CSV]), 'tiny.csv', DEFAULT_IMPORT_OPTIONS)).contentHash;
  run = {
    label: 'kNN', provenance: {
      dataset: { contentHash: hash, name: 'tiny', rowCount: 20, columns: [{ name: 'code', kind: 'categorical' }, { name: 'x', kind: 'numeric' }, { name: 'y', kind: 'categorical' }] },
      split: { key: 'k', request: REQUEST, trainRows: 15, validationRows: 5 }, problem: { target: 'y', task: 'binary', primaryMetric: 'accuracy', secondaryMetrics: [] }, pipelineHash: '',
    },
  } as unknown as TrainedRun;
  dir = mkdtempSync(join(tmpdir(), 'training-rows-'));
  writeFileSync(join(dir, 'tiny.csv'), CSV);
  writeFileSync(join(dir, 'other.csv'), `${CSV}0,20,a\n`);
  writeFileSync(join(dir, 'index.json'), JSON.stringify({ samples: [{ id: 'tiny-sample', name: 'Tiny', file: 'tiny.csv' }] }));
});

/** The rows found, as [training rows, validation rows, the code column's kind], or the missing sentence. */
async function describeFound(from: TrainingDataSources, of: TrainedRun = run) {
  const rows = await openTrainingRows(of, from);
  if ('missing' in rows) return rows.missing;
  return [rows.train.length, rows.validation.length, rows.table.columns.find((c) => c.name === 'code')?.kind];
}

describe('openTrainingRows', () => {
  it('reads a --data file of the recorded content, with the recorded column kinds and split', async () => {
    expect(await describeFound(sources({ given: new Map([['tiny', join(dir, 'tiny.csv')]]) }))).toEqual([15, 5, 'categorical']);
  });

  it('finds the bundled sample of that name, or the embedded dataset standing for that file', async () => {
    expect(await describeFound(sources({ samplesDir: dir }), { ...run, provenance: { ...run.provenance!, dataset: { ...run.provenance!.dataset, name: 'Tiny' } } })).toEqual([15, 5, 'categorical']);
    expect(await describeFound(sources({ embedded: new Map([['tiny', { text: CSV, fileName: 'tiny.csv', contentHash: hash }]]) }))).toEqual([15, 5, 'categorical']);
  });

  it('says what to pass when the data is not at hand (an embedded dataset of other content does not count)', async () => {
    const wanted = `The data "kNN" was trained on (dataset "tiny", content hash ${hash.slice(0, 12)}…) is not at hand: pass --data tiny=path/to/that file.`;
    expect(await describeFound(sources({ embedded: new Map([['tiny', { text: CSV, fileName: 'tiny.csv', contentHash: '0'.repeat(64) }]]) }))).toBe(wanted);
    expect(await describeFound(sources({}), { ...run, provenance: undefined })).toBe('"kNN" was trained before runs recorded their data, so its training rows cannot be found.');
  });

  it('refuses a --data file of other content, naming both hashes', async () => {
    const other = (await importFile(new Blob([`${CSV}0,20,a\n`]), 'other.csv', DEFAULT_IMPORT_OPTIONS)).contentHash;
    await expect(openTrainingRows(run, sources({ given: new Map([['tiny', join(dir, 'other.csv')]]) }))).rejects.toThrow(
      `--data tiny=${join(dir, 'other.csv')}: the file's content hash is ${other.slice(0, 12)}…, but "kNN" was trained on dataset "tiny" with content hash ${hash.slice(0, 12)}…; pass the file it was trained on.`,
    );
  });
});
