// Leaderboard names that tell runs apart: the family label, the hyperparameters set away from their defaults,
// and — where runs of one family still look alike — what differs between them (pipeline, seed, CV, automatic
// preparation), else a number in training order.

import { findFamilyInfo } from '../models/catalog';
import type { RunSummary } from './types';

/** `runs` with each label replaced by its distinguishing name (nameRuns); the same objects when nothing changes. */
export function applyRunNames<R extends RunSummary>(runs: readonly R[]): R[] {
  const names = nameRuns(runs);
  return runs.map((run) => (names.get(run.id) === run.label ? run : { ...run, label: names.get(run.id)! }));
}

/** Run id → display name, e.g. "k-nearest neighbours (k=15)", "Decision tree (pipeline 2, seed 7)". */
export function nameRuns(runs: readonly RunSummary[]): Map<string, string> {
  const names = new Map<string, string>();
  const byFamily = new Map<string, RunSummary[]>();
  for (const run of [...runs].sort((a, b) => a.trainedAt - b.trainedAt)) byFamily.set(run.family, [...(byFamily.get(run.family) ?? []), run]);
  for (const group of byFamily.values()) {
    const traits = group.map((run) => describeTraits(run));
    const pipelines = numberDistinct(group.map(readUserStepsKey));
    const varies = (read: (run: RunSummary) => unknown) => new Set(group.map((run) => JSON.stringify(read(run)))).size > 1;
    group.forEach((run, i) => {
      const parts = [...traits[i]];
      if (varies(readUserStepsKey)) parts.push(`pipeline ${pipelines[i]}`);
      if (varies((r) => r.seed)) parts.push(`seed ${run.seed}`);
      if (varies((r) => r.metrics.cv?.folds ?? 0)) parts.push(run.metrics.cv ? `${run.metrics.cv.folds}-fold CV` : 'no CV');
      if (varies((r) => r.autoPrepare !== false)) parts.push(run.autoPrepare === false ? 'no auto-prep' : 'auto-prep');
      names.set(run.id, parts.length > 0 ? `${run.label} (${parts.join(', ')})` : run.label);
    });
    numberAlike(group, names);
  }
  return names;
}

/** "name=value" for each hyperparameter away from the family's default, in schema order. */
function describeTraits(run: RunSummary): string[] {
  const specs = findFamilyInfo(run.family)?.params ?? [];
  return specs.filter((spec) => run.params[spec.name] !== undefined && run.params[spec.name] !== spec.default)
    .map((spec) => `${spec.name}=${String(run.params[spec.name])}`);
}

/** The user's own steps (automatic ones are not among them), as a key. */
function readUserStepsKey(run: RunSummary): string {
  return JSON.stringify(run.steps ?? []);
}

/** 1-based number of each key in order of first appearance. */
function numberDistinct(keys: readonly string[]): number[] {
  const seen = new Map<string, number>();
  return keys.map((key) => seen.get(key) ?? (seen.set(key, seen.size + 1), seen.size));
}

/** Runs that still share a name get "#1", "#2", … in training order. */
function numberAlike(group: readonly RunSummary[], names: Map<string, string>): void {
  const counts = new Map<string, number>();
  for (const run of group) counts.set(names.get(run.id)!, (counts.get(names.get(run.id)!) ?? 0) + 1);
  const seen = new Map<string, number>();
  for (const run of group) {
    const name = names.get(run.id)!;
    if (counts.get(name)! < 2) continue;
    const n = (seen.get(name) ?? 0) + 1;
    seen.set(name, n);
    names.set(run.id, `${name} #${n}`);
  }
}
