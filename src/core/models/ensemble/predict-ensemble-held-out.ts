// An ensemble run's held-out rows as Evaluate, rescoring and Explain read them (what prepare-held-out.ts is for a
// single run): the raw rows blended by predict-ensemble, their target in the run's class order, rows without a
// target or that a member's pipeline removed left out.

import type { SupervisedTask } from '../../problem/types';
import type { RowIndices, Table } from '../../table/types';
import { readValidationTarget } from '../../train/read-target';
import { takeRows } from '../../transform/take-rows';
import type { ModelOutputs, PredictOptions, Target } from '../types';
import { predictEnsemble, predictEnsembleNow, type EnsembleOutputs, type LoadedEnsemble } from './predict-ensemble';

/** The scored held-out rows: dataset row, target and blended outputs of each, and the raw rows themselves (`table`). */
export interface EnsembleHeldOut {
  rows: Uint32Array;
  y: Target;
  outputs: ModelOutputs;
  /** The kept rows of the dataset table, every column as it is (the ensemble's pipeline is the identity). */
  table: Table;
}

/** `rows` of `table` predicted by the ensemble (see predictEnsemble); null when no row is left with a target. */
export async function predictEnsembleHeldOut(table: Table, rows: RowIndices, ensemble: LoadedEnsemble, task: SupervisedTask, target: string, options: PredictOptions = {}): Promise<EnsembleHeldOut | null> {
  const part = takeRows(table, rows);
  return keepScoredRows(part, rows, await predictEnsemble(ensemble, part, options), ensemble, task, target);
}

/** predictEnsembleHeldOut without a pause (rescoring is synchronous). */
export function predictEnsembleHeldOutNow(table: Table, rows: RowIndices, ensemble: LoadedEnsemble, task: SupervisedTask, target: string): EnsembleHeldOut | null {
  const part = takeRows(table, rows);
  return keepScoredRows(part, rows, predictEnsembleNow(ensemble, part), ensemble, task, target);
}

function keepScoredRows(part: Table, rows: RowIndices, scored: EnsembleOutputs, ensemble: LoadedEnsemble, task: SupervisedTask, target: string): EnsembleHeldOut | null {
  const training: Target = { values: new Float64Array(0), ...(ensemble.classes ? { classes: ensemble.classes } : {}) };
  const y = readValidationTarget(part, target, task, training);
  const keep: number[] = [];
  scored.rows.forEach((row, i) => { if (!Number.isNaN(y.values[row])) keep.push(i); });
  if (keep.length === 0) return null;
  const classCount = ensemble.classes?.length ?? 0;
  const partRows = Uint32Array.from(keep, (i) => scored.rows[i]);
  const proba = scored.proba;
  return {
    rows: Uint32Array.from(partRows, (r) => rows[r]),
    y: { ...y, values: Float64Array.from(partRows, (r) => y.values[r]) },
    outputs: {
      predictions: Float64Array.from(keep, (i) => scored.predictions[i]),
      proba: proba ? Float64Array.from({ length: keep.length * classCount }, (_, j) => proba[keep[Math.floor(j / classCount)] * classCount + (j % classCount)]) : null,
    },
    table: takeRows(part, partRows),
  };
}
