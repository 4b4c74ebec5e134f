// What makes two training runs the same: family, hyperparameters (defaults filled in), seed, problem, the user's
// pipeline steps, automatic preparation, the split and its folds. Equal keys → the stored run is reused, not retrained.

import { findFamilyInfo } from '../models/catalog';
import type { FamilyInfo, Hyperparameters } from '../models/types';
import type { TrainRequest } from './types';

/** Where a run's data came from, beyond its request: the split's input key and how many CV folds it was scored on. */
export interface RunSetting {
  /** The Split cell's input key (dataset + split request). */
  readonly splitKey: string;
  /** CV folds scored (0 without cross-validation). */
  readonly folds: number;
}

/** The family's defaults overridden by the values `params` gives for known names (unknown names are ignored). */
export function resolveParams(family: Pick<FamilyInfo, 'params'>, params: Hyperparameters): Hyperparameters {
  return Object.fromEntries(family.params.map((spec) => [spec.name, params[spec.name] ?? spec.default]));
}

/** resolveParams for the family of kind `family` (the params as given when the kind is unknown). */
export function fillDefaultParams(family: string, params: Hyperparameters): Hyperparameters {
  const info = findFamilyInfo(family);
  return info ? resolveParams(info, params) : { ...params };
}

/** A stable string naming everything that decides `request`'s result on `setting`'s data. */
export function describeRunConfigKey(request: Pick<TrainRequest, 'family' | 'params' | 'seed' | 'problem' | 'steps' | 'autoPrepare'>, setting: RunSetting): string {
  const params = fillDefaultParams(request.family, request.params);
  return JSON.stringify([
    request.family,
    Object.keys(params).sort().map((name) => [name, params[name]]),
    request.seed,
    request.problem,
    request.steps,
    request.autoPrepare !== false,
    setting.splitKey,
    setting.folds,
  ]);
}
