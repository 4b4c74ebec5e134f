// Which families a Train cell fits: the ones it lists, or for "Try all" every family for the task with its
// defaults (baselines always included, first).

import { listFamilyInfosForTask } from '../models/catalog';
import type { Task } from '../models/types';
import type { TrainCandidateSpec } from '../notebook/types';

/** The candidates to train for `task`: `tryAll` → every applicable family (baselines first), else the listed ones that apply. */
export function listCandidates(task: Task, candidates: readonly TrainCandidateSpec[], tryAll: boolean): TrainCandidateSpec[] {
  const families = listFamilyInfosForTask(task);
  if (tryAll) {
    const ordered = [...families.filter((f) => f.group === 'baseline'), ...families.filter((f) => f.group !== 'baseline')];
    return ordered.map((family) => ({ family: family.kind, params: {} }));
  }
  const applicable = new Set(families.map((f) => f.kind));
  return candidates.filter((c) => applicable.has(c.family)).map((c) => ({ family: c.family, params: { ...c.params } }));
}
