// The model-family registry: kind → family. Adding a family is one file (or folder) plus one line here.

import { CLASSIC_FAMILIES } from './classic';
import { TREE_FAMILIES } from './trees';
import { neuralNetworkFamily } from './neural';
import type { ModelFamily, SerializedModel, Task, FittedModel } from './types';
import { ModelSpecError } from '../errors';

/** Every family in the order the Train cell lists them. */
export const MODEL_FAMILIES: readonly ModelFamily[] = [...CLASSIC_FAMILIES, ...TREE_FAMILIES, neuralNetworkFamily];

/** The family of `kind`; an unknown kind is a ModelSpecError naming it. */
export function findModelFamily(kind: string): ModelFamily {
  const family = MODEL_FAMILIES.find((f) => f.kind === kind);
  if (!family) throw new ModelSpecError(`There is no model family "${kind}". Known families: ${MODEL_FAMILIES.map((f) => f.kind).join(', ')}.`);
  return family;
}

/** Families that can be trained for `task`. */
export function listFamiliesForTask(task: Task): ModelFamily[] {
  return MODEL_FAMILIES.filter((family) => family.tasks.includes(task));
}

/** Rebuilds a fitted model from its JSON (e.g. after a reload), by its family. */
export function loadModel(json: SerializedModel): FittedModel {
  if (json.formatVersion !== 1) throw new ModelSpecError(`This model was saved in format ${json.formatVersion}; this version of ML Studio reads format 1.`);
  return findModelFamily(json.kind).fromJSON(json);
}

const LOADED = new WeakMap<SerializedModel, FittedModel>();

/**
 * `loadModel` once per JSON object: a service scoring request after request (serve.mjs) rebuilds nothing — trees,
 * a kNN index — after the first (rebuilding was 15 % of a 1-row request). Models are read-only once fitted; the
 * JSON object must not change afterwards (stored runs are never edited in place).
 */
export function loadModelOnce(json: SerializedModel): FittedModel {
  let model = LOADED.get(json);
  if (!model) {
    model = loadModel(json);
    LOADED.set(json, model);
  }
  return model;
}
