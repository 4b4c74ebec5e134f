// The model catalogue: every family's metadata (kind, label, group, tasks, hyperparameter schema) without its
// fit code, for the main thread. The registry (registry.ts, with fit) is for workers: importing it would pull
// TensorFlow.js into the page.

import { CLASSIC_FAMILIES } from './classic';
import { NEURAL_INFO } from './neural/params';
import { TREE_FAMILIES } from './trees';
import type { FamilyInfo, ModelFamily, Task } from './types';

const describe = ({ kind, label, group, tasks, params, needs, capabilities }: ModelFamily): FamilyInfo => ({ kind, label, group, tasks, params, needs, capabilities });

/** Every family in the order the Train cell lists them (the same order as MODEL_FAMILIES). */
export const MODEL_CATALOG: readonly FamilyInfo[] = [...CLASSIC_FAMILIES.map(describe), ...TREE_FAMILIES.map(describe), NEURAL_INFO];

/** The metadata of `kind`, or undefined. */
export function findFamilyInfo(kind: string): FamilyInfo | undefined {
  return MODEL_CATALOG.find((family) => family.kind === kind);
}

/** Families that can be trained for `task`. */
export function listFamilyInfosForTask(task: Task): FamilyInfo[] {
  return MODEL_CATALOG.filter((family) => family.tasks.includes(task));
}
