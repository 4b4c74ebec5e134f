import { describe, expect, it } from 'vitest';
import type { DatasetBinding, NotebookFile } from '../core/notebook/file';
import { CELL_KINDS } from '../core/notebook/cell-kinds';
import type { CellId } from '../core/notebook/types';
import type { TrainedRun } from '../core/train/types';
import { bindData, listDataCells, listModelDatasets, listTrainingDataSources } from './bind-data';

const BATCH: DatasetBinding = { name: 'batch', fileName: 'batch.csv', rowCount: 2, columns: [{ name: 'x', kind: 'numeric' }], contentHash: 'a'.repeat(64) };
const trainedOn = (name: string) => ({ id: name, provenance: { dataset: { name } } }) as unknown as TrainedRun;

/** Data ("batch", embedded) → Monitor, carrying a model whose versions were trained on "penguins" (twice) and one run without a record. */
const FILE: NotebookFile = {
  format: 'ml-studio-notebook', formatVersion: 1,
  notebook: { name: 'Watch', cells: [{ id: 'd' as CellId, kind: 'data', spec: CELL_KINDS.data.createSpec(), dataset: BATCH }, { id: 'm' as CellId, kind: 'monitor', spec: CELL_KINDS.monitor.createSpec() }] },
  datasets: [{ name: 'batch', mediaType: 'text/csv', text: 'x\n1\n2\n' }],
  models: [{ name: 'm', versions: [1, 2, 3].map((version) => ({ version, stage: 'none' as const, registeredAt: 0, run: version === 3 ? ({ id: 'old' } as TrainedRun) : trainedOn('penguins') })) }],
};

describe('binding data for a notebook that monitors models', () => {
  it('lets --data name the dataset a model version was trained on, and still refuses other names', () => {
    const cells = listDataCells(FILE);
    const options = { notebookDir: '/nowhere', samplesDir: '/nowhere', modelDatasets: listModelDatasets(FILE) };
    expect(listModelDatasets(FILE)).toEqual(['penguins']);
    expect([...bindData(cells, { ...options, data: [{ name: 'penguins', path: 'p.csv' }] }).keys()]).toEqual(['d']);
    expect(() => bindData(cells, { ...options, data: [{ name: 'pengwins', path: 'p.csv' }] })).toThrow('--data "pengwins" names no Data cell of this notebook; its datasets are: "batch", "penguins".');
  });

  it('lists where the training data may be: --data by name, the samples, the embedded datasets with their binding\'s hash', () => {
    const sources = listTrainingDataSources(FILE, [{ name: 'penguins', path: '/data/p.csv' }], '/samples');
    expect({ ...sources, given: [...sources.given], embedded: [...sources.embedded], importOptions: [...sources.importOptions.keys()] }).toEqual({
      given: [['penguins', '/data/p.csv']], samplesDir: '/samples',
      embedded: [['batch', { text: 'x\n1\n2\n', fileName: 'batch.csv', contentHash: 'a'.repeat(64) }]], importOptions: ['batch'],
    });
  });
});
