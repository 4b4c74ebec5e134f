// The whole run as one ONNX graph against the studio: runs trained on the sample CSVs (automatic preparation:
// imputation, encoding, scaling as each family needs), scored on held-out rows re-imported as a new file — with an
// island the run never saw and missing values — by predictTable (the studio's scoring) and by ONNX Runtime.

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { importFile } from '../../ingest/import-file';
import { buildFeatureMatrix } from '../../models/feature-matrix';
import { projectWithPca } from '../../models/classic/pca';
import { loadModel } from '../../models/registry';
import { DEFAULT_IMPORT_OPTIONS } from '../../notebook/types';
import type { ProblemSpec } from '../../problem/types';
import { readColumnTexts } from '../../table/column-texts';
import { BOOLEAN_MISSING, type Table } from '../../table/types';
import { trainCandidate } from '../../train/train-candidate';
import { trainUnsupervised } from '../../train/train-unsupervised';
import type { TrainedRun, TrainingParts } from '../../train/types';
import { transformTable } from '../../transform/pipeline';
import type { InputContract } from '../input-contract';
import { predictTable } from '../predict-table';
import { exportOnnx } from './export-onnx';
import { measureLargestError, runOnnxColumns, type OnnxFeed } from './fixtures/onnx-runtime';

const readSample = (name: string) => readFileSync(new URL(`../../../../public/samples/${name}.csv`, import.meta.url), 'utf8');
const importCsv = async (text: string): Promise<Table> => (await importFile(new Blob([text]), 'rows.csv', DEFAULT_IMPORT_OPTIONS)).table;

/** Every fourth row held out (the samples are sorted by class); training rows need a target (cars misses some). */
function splitRows(table: Table, target: string | null): TrainingParts {
  const column = table.columns.find((c) => c.name === target);
  const hasTarget = (i: number) => column?.kind !== 'numeric' || !Number.isNaN(column.values[i]);
  const all = Array.from({ length: table.rowCount }, (_, i) => i);
  return { train: Uint32Array.from(all.filter((i) => i % 4 !== 0 && hasTarget(i))), validation: Uint32Array.from(all.filter((i) => i % 4 === 0)), folds: [] };
}

/** The held-out lines of `csv` as a new file; `edit` may change a line's cells (unseen categories, blanks). */
function writeHeldOut(csv: string, parts: TrainingParts, edit: (cells: string[], row: number) => void = () => {}): string {
  const lines = csv.trim().split('\n');
  const held = Array.from(parts.validation, (row, i) => {
    const cells = lines[row + 1].split(',');
    edit(cells, i);
    return cells.join(',');
  });
  return `${[lines[0], ...held].join('\n')}\n`;
}

/** ONNX feeds from a scoring table: one [N, 1] per contract column (doubles, booleans 0/1/NaN, strings "" missing). */
function feedContract(table: Table, contract: InputContract): Record<string, OnnxFeed> {
  return Object.fromEntries(contract.columns.map((c) => {
    const column = table.columns.find((t) => t.name === c.name)!;
    if (column.kind === 'numeric' || column.kind === 'datetime') return [c.name, Float64Array.from(column.values)];
    if (column.kind === 'boolean') return [c.name, Float64Array.from(column.values, (v) => (v === BOOLEAN_MISSING ? NaN : v))];
    return [c.name, readColumnTexts(column, table.rowCount).map((t) => t ?? '')];
  }));
}

const PENGUINS = readSample('penguins');
const CARS = readSample('cars');
const CANCER = readSample('breast-cancer');
// Island is column 1 of penguins.csv, Origin column 8 of cars.csv: every fifth held-out row gets a value no
// training row had, every seventh a blank number.
const editPenguins = (cells: string[], i: number) => (i % 5 === 0 && (cells[1] = 'Atlantis'), i % 7 === 0 && (cells[3] = ''));
const editCars = (cells: string[], i: number) => (i % 5 === 0 && (cells[8] = 'Mars'), i % 7 === 0 && (cells[4] = ''));

const problem = (target: string, task: ProblemSpec['task']): ProblemSpec => ({ target, task, primaryMetric: task === 'regression' ? 'rmse' : 'accuracy', secondaryMetrics: [] } as ProblemSpec);

const CASES: [string, string, ProblemSpec, Record<string, unknown>][] = [
  ['penguins', 'most_frequent', problem('Species', 'multiclass'), {}],
  ['penguins', 'class_prior', problem('Species', 'multiclass'), {}],
  ['penguins', 'logistic_regression', problem('Species', 'multiclass'), {}],
  ['penguins', 'knn', problem('Species', 'multiclass'), { k: 5, weights: 'distance' }],
  ['penguins', 'naive_bayes', problem('Species', 'multiclass'), {}],
  ['penguins', 'decision_tree', problem('Species', 'multiclass'), {}],
  ['penguins', 'random_forest', problem('Species', 'multiclass'), { nEstimators: 10 }],
  ['penguins', 'gradient_boosting', problem('Species', 'multiclass'), { maxIter: 20, minSamplesLeaf: 5 }],
  ['penguins', 'neural_network', problem('Species', 'multiclass'), { layers: 1, units: 8, epochs: 10 }],
  ['breast-cancer', 'logistic_regression', problem('diagnosis', 'binary'), {}],
  ['breast-cancer', 'gradient_boosting', problem('diagnosis', 'binary'), { maxIter: 20 }],
  ['breast-cancer', 'naive_bayes', problem('diagnosis', 'binary'), {}],
  ['cars', 'mean', problem('Miles_per_Gallon', 'regression'), {}],
  ['cars', 'median', problem('Miles_per_Gallon', 'regression'), {}],
  ['cars', 'linear_regression', problem('Miles_per_Gallon', 'regression'), {}],
  ['cars', 'knn', problem('Miles_per_Gallon', 'regression'), { k: 4 }],
  ['cars', 'random_forest', problem('Miles_per_Gallon', 'regression'), { nEstimators: 10 }],
  ['cars', 'gradient_boosting', problem('Miles_per_Gallon', 'regression'), { maxIter: 30 }],
  ['cars', 'neural_network', problem('Miles_per_Gallon', 'regression'), { layers: 1, units: 8, epochs: 10 }],
];

const SAMPLES: Record<string, { csv: string; edit?: (cells: string[], i: number) => void }> = {
  penguins: { csv: PENGUINS, edit: editPenguins },
  cars: { csv: CARS, edit: editCars },
  'breast-cancer': { csv: CANCER },
};

async function trainOnSample(sample: string, family: string, spec: ProblemSpec, params: Record<string, unknown>) {
  const { csv, edit } = SAMPLES[sample];
  const table = await importCsv(csv);
  const parts = splitRows(table, spec.target);
  const request = { id: 'r', family, params: params as never, seed: 3, problem: spec, steps: [], crossValidate: false };
  const run: TrainedRun = spec.task === 'clustering' ? await trainUnsupervised(table, parts, request) : await trainCandidate(table, parts, request);
  const scoring = await importCsv(writeHeldOut(csv, parts, edit));
  return { run, contract: run.inputContract as InputContract, scoring };
}

describe('exportOnnx: a trained run as one graph equals the studio on new rows', () => {
  it.each(CASES)('%s: %s', async (sample, family, spec, params) => {
    const { run, contract, scoring } = await trainOnSample(sample, family, spec, params);
    const exported = exportOnnx(run, contract);
    const studio = await predictTable(run, contract, scoring);
    const onnx = await runOnnxColumns(exported.bytes, feedContract(scoring, contract));
    expect(studio.unscoredRows).toBe(0);
    if (spec.task === 'regression') {
      expect(exported.outputs).toEqual([{ name: 'prediction', type: 'double', shape: ['N', 1] }]);
      expect(measureLargestError(onnx.prediction.data, studio.prediction!)).toBeLessThanOrEqual(1e-5);
      return;
    }
    expect(exported.outputs.map((o) => o.name)).toEqual(['label', 'probabilities']);
    expect(onnx.label.data).toEqual(studio.label);
    expect(measureLargestError(onnx.probabilities.data, studio.probabilities!)).toBeLessThanOrEqual(1e-5);
  });

  it('names one input per contract column, exactly as the column (spaces and parentheses kept)', async () => {
    const { run, contract } = await trainOnSample('penguins', 'logistic_regression', problem('Species', 'multiclass'), {});
    const exported = exportOnnx(run, contract);
    expect(exported.inputs).toEqual(contract.columns.map((c) => ({ name: c.name, type: c.kind === 'categorical' || c.kind === 'text' ? 'string' : 'double' })));
    expect(exported.inputs.map((i) => i.name)).toContain('Body Mass (g)');
    expect([exported.opset, exported.mlOpset]).toEqual([21, 5]);
  });

  it('refuses, naming it, a family without an ONNX form and an input column named as an output', async () => {
    const { run, contract } = await trainOnSample('penguins', 'most_frequent', problem('Species', 'multiclass'), {});
    expect(() => exportOnnx({ ...run, model: { ...run.model, kind: 'mystery' } }, contract)).toThrow(/The model family "mystery" has no ONNX export/);
    const renamed = { ...contract, columns: contract.columns.map((c, i) => (i === 0 ? { ...c, name: 'label' } : c)) };
    expect(() => exportOnnx(run, renamed)).toThrow(/The input column "label" has the name of an ONNX output/);
  });

  it('kmeans: cluster label (int64) equal to the studio, distances to every centre', async () => {
    const { run, contract, scoring } = await trainOnSample('penguins', 'kmeans', { target: null, task: 'clustering', primaryMetric: 'silhouette', secondaryMetrics: [] } as unknown as ProblemSpec, { k: 3 });
    const exported = exportOnnx(run, contract);
    const studio = await predictTable(run, contract, scoring);
    const onnx = await runOnnxColumns(exported.bytes, feedContract(scoring, contract));
    expect({ labels: onnx.label.data.map(Number), distances: onnx.distances.dims }).toEqual({ labels: Array.from(studio.clusters!), distances: [scoring.rowCount, 3] });
  });

  it('pca: the projection onto every kept component', async () => {
    const { run, contract, scoring } = await trainOnSample('breast-cancer', 'pca', { target: null, task: 'clustering', primaryMetric: 'silhouette', secondaryMetrics: [] } as unknown as ProblemSpec, { n_components: 3 });
    const onnx = await runOnnxColumns(exportOnnx(run, contract).bytes, feedContract(scoring, contract));
    const { X } = buildFeatureMatrix(transformTable(run.pipeline, scoring).table, run.featureNames);
    expect(onnx.projection.dims).toEqual([scoring.rowCount, 3]);
    expect(measureLargestError(onnx.projection.data, projectWithPca(loadModel(run.model), X, 3))).toBeLessThanOrEqual(1e-5);
  });
});
