// An ensemble run's model JSON: `{ kind: 'ensemble', state: { members } }`, each member a whole run's fit (model,
// fitted pipeline, features, classes) with its weight. Its pipeline is the identity over the raw columns the members
// read; every prediction path predicts each member through its own pipeline (predict-ensemble.ts).

import { ModelSpecError } from '../../errors';
import type { FittedPipeline } from '../../transform/fitted-types';
import type { SerializedModel, Task } from '../types';

export const ENSEMBLE_KIND = 'ensemble';

/** One member: its share of the blend (Σ over members = 1) and what its run needs to predict raw rows. */
export interface EnsembleMember {
  weight: number;
  model: SerializedModel;
  pipeline: FittedPipeline;
  featureNames: string[];
  /** Class labels in index order (classification only): the same list for every member. */
  classes?: string[];
}

export interface EnsembleState {
  members: EnsembleMember[];
}

/** True when `model` is an ensemble's JSON (no family of the registry loads it). */
export function isEnsembleModel(model: Pick<SerializedModel, 'kind'>): boolean {
  return model.kind === ENSEMBLE_KIND;
}

/** The serialized ensemble of `members` for `task`, reading the raw columns `featureNames`. */
export function createEnsembleModel(members: EnsembleMember[], task: Task, featureNames: string[], classes: string[] | null): SerializedModel {
  return { formatVersion: 1, kind: ENSEMBLE_KIND, task, params: {}, featureNames, ...(classes ? { classes } : {}), state: { members } satisfies EnsembleState };
}

/** The members of an ensemble's JSON, checked: at least one, weights finite and positive, every member's classes the ensemble's. */
export function readEnsembleState(model: SerializedModel): EnsembleState {
  if (!isEnsembleModel(model)) throw new ModelSpecError(`The model "${model.kind}" is not an ensemble.`);
  const members = (model.state as Partial<EnsembleState> | null)?.members;
  if (!Array.isArray(members) || members.length === 0) throw new ModelSpecError('This ensemble model has no members; build the ensemble again in the Tune cell.');
  members.forEach((member, m) => {
    if (!(Number.isFinite(member.weight) && member.weight > 0)) throw new ModelSpecError(`Ensemble member ${m + 1} has weight ${member.weight}; weights must be positive numbers. Build the ensemble again.`);
    if (model.classes && member.classes?.join('\u0000') !== model.classes.join('\u0000')) {
      throw new ModelSpecError(`Ensemble member ${m + 1} predicts the classes ${(member.classes ?? []).join(', ')} but the ensemble ${model.classes.join(', ')}; its members must be trained on the same rows.`);
    }
  });
  return { members };
}
