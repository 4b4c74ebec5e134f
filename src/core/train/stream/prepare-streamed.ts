// The preparation a streamed fit applies to every chunk: the pipeline (user steps + automatic ones) fitted once on
// the in-memory sample, then per chunk the same apply code as validation rows get (transformTable), the feature
// matrix in the sample's column order, the target as class indices of the sample's classes, and the row's part.

import { deriveInputContract, type InputContract } from '../../export/input-contract';
import { DataError, ModelSpecError } from '../../errors';
import { buildFeatureMatrix } from '../../models/feature-matrix';
import type { FamilyNeeds, FeatureMatrix, Target } from '../../models/types';
import { factorizeTarget } from '../../problem/factorize-target';
import type { ProblemSpec, SupervisedTask } from '../../problem/types';
import type { Table } from '../../table/types';
import type { FittedPipeline } from '../../transform/fitted-types';
import { transformTable } from '../../transform/pipeline';
import type { PipelineStep } from '../../transform/step-types';
import type { AutoPreparation } from '../plan-auto-preparation';
import { fitWithAutoPreparation, readSupervisedProblem } from '../prepare-training-data';
import { readTrainingTarget } from '../read-target';
import { createRowPartAssigner, type RowPart, type StreamedSplit } from './hash-row';

/** The pipeline fitted on the sample and what every chunk is read against. */
export interface StreamedPreparation {
  task: SupervisedTask;
  target: string;
  fitted: FittedPipeline;
  featureNames: readonly string[];
  /** Class labels in index order (the sample's); null for regression. */
  classes: readonly string[] | null;
  /** The sample, prepared: what scalings (the neural network's) are measured on. */
  sample: { X: FeatureMatrix; y: Target };
  autoPreparation: AutoPreparation | null;
  contract: InputContract;
  split: StreamedSplit;
  /** The part of source row `row` (from `split`). */
  partOf: (row: number) => RowPart;
}

/** One chunk's rows ready to fit on: its training and validation rows (null when none); test rows are left out. */
export interface PreparedChunk {
  train: { X: FeatureMatrix; y: Target } | null;
  validation: { X: FeatureMatrix; y: Target } | null;
  /** Rows left out: a missing target, or a class the sample never held. */
  dropped: number;
}

/** Fits the steps (and automatic preparation for `needs`) on every row of `sample`. */
export function prepareStreamed(sample: Table, steps: readonly PipelineStep[], problem: ProblemSpec, needs: FamilyNeeds | null, split: StreamedSplit): StreamedPreparation {
  const { task, target } = readSupervisedProblem(problem);
  const allRows = Uint32Array.from({ length: sample.rowCount }, (_, i) => i);
  const { fitted, training, autoPreparation } = fitWithAutoPreparation(sample, allRows, steps, target, needs);
  if (training.sampleWeights !== null) {
    throw new ModelSpecError('A class-weights step weights the rows it was fitted on, which a streamed fit cannot carry to the other rows; remove it, or train on the sample.');
  }
  const featureNames = training.table.columns.map((c) => c.name).filter((name) => name !== target);
  if (featureNames.length === 0) throw new ModelSpecError(`There are no feature columns besides the target "${target}"; keep at least one column in the Prepare cell.`);
  // The apply path (not the training output, which resampling may have changed) gives the sample as chunks will be.
  const applied = transformTable(fitted, sample).table;
  const X = buildFeatureMatrix(applied, featureNames).X;
  const y = readTrainingTarget(applied, target, task);
  const classes = task === 'regression' ? null : [...(y.classes ?? [])];
  const contract = deriveInputContract(sample, allRows, fitted, X.featureNames, { name: target, classes });
  return { task, target, fitted, featureNames: X.featureNames, classes, sample: { X, y }, autoPreparation, contract, split, partOf: createRowPartAssigner(split) };
}

/** Prepares one chunk whose first row is source row `firstRow`. */
export function prepareChunk(prep: StreamedPreparation, chunk: Table, firstRow: number): PreparedChunk {
  const transformed = transformTable(prep.fitted, chunk);
  const X = buildFeatureMatrix(transformed.table, [...prep.featureNames]).X;
  const y = readChunkTarget(prep, transformed.table);
  const train: number[] = [];
  const validation: number[] = [];
  let dropped = 0;
  for (let i = 0; i < X.rows; i++) {
    if (Number.isNaN(y[i])) { dropped++; continue; }
    const part = prep.partOf(firstRow + transformed.rows[i]);
    if (part === 'train') train.push(i);
    else if (part === 'validation') validation.push(i);
  }
  return { train: gatherPart(prep, X, y, train, firstRow), validation: gatherPart(prep, X, y, validation, firstRow), dropped };
}

/** Target per row: numbers (regression) or indices into prep.classes; NaN when missing or a class the sample lacks. */
function readChunkTarget(prep: StreamedPreparation, table: Table): Float64Array {
  const column = table.columns.find((c) => c.name === prep.target);
  if (column === undefined) throw new DataError(`The target column "${prep.target}" is not in the prepared chunk; a Prepare step may drop or rename it — keep it.`);
  if (prep.classes === null) {
    if (column.kind !== 'numeric') throw new DataError(`The target "${prep.target}" is ${column.kind}; a regression needs a numeric target.`);
    return column.values;
  }
  const classes = factorizeTarget(column);
  if (classes === null) throw new DataError(`The target "${prep.target}" cannot be read as classes.`);
  const index = new Map(prep.classes.map((label, i) => [label, i]));
  const remap = classes.labels.map((label) => index.get(label) ?? Number.NaN);
  const y = new Float64Array(classes.codes.length);
  for (let i = 0; i < y.length; i++) y[i] = classes.codes[i] < 0 ? Number.NaN : remap[classes.codes[i]];
  return y;
}

function gatherPart(prep: StreamedPreparation, X: FeatureMatrix, y: Float64Array, rows: readonly number[], firstRow: number): PreparedChunk['train'] {
  if (rows.length === 0) return null;
  const cols = X.cols;
  const values = new Float64Array(rows.length * cols);
  const source = X.values;
  let bad = -1;
  for (let i = 0; i < rows.length; i++) {
    const from = rows[i] * cols;
    for (let j = 0; j < cols; j++) {
      const v = source[from + j];
      if (v !== v && bad < 0) bad = i * cols + j; // v !== v: Number.isNaN(v) without the call, in the hot loop
      values[i * cols + j] = v;
    }
  }
  if (bad >= 0) {
    throw new DataError(`Feature "${X.featureNames[bad % cols]}" is missing in the chunk starting at row ${firstRow + 1} after preparation; add an impute step in the Prepare cell.`);
  }
  const targetValues = new Float64Array(rows.length);
  for (let i = 0; i < rows.length; i++) targetValues[i] = y[rows[i]];
  const target: Target = { values: targetValues, ...(prep.classes ? { classes: prep.classes } : {}) };
  return { X: { ...X, values, rows: rows.length }, y: target };
}
