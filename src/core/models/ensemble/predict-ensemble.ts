// The one prediction path of an ensemble run: every member predicts the same raw table rows through its own fitted
// pipeline, and the outputs are blended (blend-outputs.ts). predict-run (Evaluate, Compare), predict-table (Predict,
// the bundle's scripts), rescore-run and explain-run all come here for a model of kind 'ensemble'.

import { isAbortError, ModelSpecError } from '../../errors';
import type { Table } from '../../table/types';
import { transformTable } from '../../transform/pipeline';
import type { FittedPipeline } from '../../transform/fitted-types';
import { buildFeatureMatrix } from '../feature-matrix';
import { predictOutputs } from '../predict-outputs';
import { loadModelOnce } from '../registry';
import type { FeatureMatrix, FittedModel, ModelOutputs, PredictOptions, SerializedModel, Task } from '../types';
import { blendOutputs } from './blend-outputs';
import { readEnsembleState } from './ensemble-model';

/** An ensemble with its members' models rebuilt from JSON (load once, predict many times). */
export interface LoadedEnsemble {
  readonly task: Task;
  readonly classes: readonly string[] | null;
  readonly members: readonly { readonly weight: number; readonly model: FittedModel; readonly pipeline: FittedPipeline; readonly featureNames: readonly string[] }[];
}

/** The blend on the input rows every member scored (`rows`, ascending; a member's filter step may remove some). */
export interface EnsembleOutputs extends ModelOutputs {
  readonly rows: Uint32Array;
}

/** Rebuilds every member of ensemble JSON `model`; a clustering ensemble is refused. */
export function loadEnsemble(model: SerializedModel): LoadedEnsemble {
  if (model.task === 'clustering') throw new ModelSpecError('An ensemble blends supervised models; a clustering has no ensemble.');
  const { members } = readEnsembleState(model);
  return {
    task: model.task,
    classes: model.classes ?? null,
    members: members.map((m) => ({ weight: m.weight, model: loadModelOnce(m.model), pipeline: m.pipeline, featureNames: m.featureNames })),
  };
}

/** The ensemble's predictions (and, for a classifier, probabilities) of the raw rows of `table`; `options` stop a member's long prediction. */
export async function predictEnsemble(ensemble: LoadedEnsemble | SerializedModel, table: Table, options: PredictOptions = {}): Promise<EnsembleOutputs> {
  const loaded = 'members' in ensemble ? ensemble : loadEnsemble(ensemble);
  const withProba = loaded.classes !== null;
  const scored: MemberOutputs[] = [];
  for (const [m, member] of loaded.members.entries()) {
    const { X, rows } = buildMemberFeatures(member, m, table);
    scored.push({ rows, outputs: X.rows === 0 ? emptyOutputs() : await predictOutputs(member.model, X, withProba, options) });
  }
  return blendMembers(loaded, scored, table.rowCount);
}

/** predictEnsemble without a pause (for permutation importance and rescoring, which predict synchronously). */
export function predictEnsembleNow(ensemble: LoadedEnsemble, table: Table): EnsembleOutputs {
  const withProba = ensemble.classes !== null;
  const scored = ensemble.members.map((member, m): MemberOutputs => {
    const { X, rows } = buildMemberFeatures(member, m, table);
    if (X.rows === 0) return { rows, outputs: emptyOutputs() };
    return { rows, outputs: { predictions: member.model.predict(X), proba: withProba && member.model.predictProba ? member.model.predictProba(X) : null } };
  });
  return blendMembers(ensemble, scored, table.rowCount);
}

interface MemberOutputs {
  /** Input row of each output row. */
  rows: Uint32Array;
  outputs: ModelOutputs;
}

function emptyOutputs(): ModelOutputs {
  return { predictions: new Float64Array(0), proba: null };
}

/** The raw rows through member `m`'s pipeline into its feature matrix; `rows` = input row of each matrix row. */
function buildMemberFeatures(member: LoadedEnsemble['members'][number], m: number, table: Table): { X: FeatureMatrix; rows: Uint32Array } {
  try {
    const transformed = transformTable(member.pipeline, table);
    const { X } = buildFeatureMatrix(transformed.table, [...member.featureNames]);
    if (X.cols !== member.featureNames.length) throw new Error(`only ${X.cols} of its ${member.featureNames.length} features can be built.`);
    return { X, rows: Uint32Array.from(transformed.rows) };
  } catch (error) {
    if (!(error instanceof Error) || isAbortError(error)) throw error;
    throw new ModelSpecError(`Ensemble member ${m + 1} (${member.model.kind}) cannot score these rows: ${error.message} Check the columns against the run's schema, or build the ensemble again.`);
  }
}

/** Each member's outputs gathered on the rows every member scored, then blended with the members' weights. */
function blendMembers(ensemble: LoadedEnsemble, scored: readonly MemberOutputs[], rowCount: number): EnsembleOutputs {
  const classCount = ensemble.classes?.length ?? 0;
  const at = scored.map(({ rows }) => {
    const position = new Int32Array(rowCount).fill(-1);
    rows.forEach((row, i) => (position[row] = i));
    return position;
  });
  const kept = Uint32Array.from({ length: rowCount }, (_, r) => r).filter((r) => at.every((position) => position[r] >= 0));
  const gathered = scored.map(({ outputs }, m) => ({
    predictions: Float64Array.from(kept, (r) => outputs.predictions[at[m][r]]),
    proba: outputs.proba ? gatherRows(outputs.proba, kept, at[m], classCount) : null,
  }));
  const blended = blendOutputs(gathered, ensemble.members.map((m) => m.weight), classCount);
  return { ...blended, rows: kept };
}

function gatherRows(proba: Float64Array, kept: Uint32Array, position: Int32Array, classCount: number): Float64Array {
  const out = new Float64Array(kept.length * classCount);
  kept.forEach((row, i) => out.set(proba.subarray(position[row] * classCount, (position[row] + 1) * classCount), i * classCount));
  return out;
}
