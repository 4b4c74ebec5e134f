// Whether two runs' CV scores can be paired fold by fold, and if not, why in words: both must be
// cross-validated on the same number of folds, every fold finished and scored on the metric.

import { METRICS, type MetricId } from '../problem/metrics';
import type { CvSummary } from '../train/types';

/** A run as the comparison reads it. */
export interface ComparedRun {
  id: string;
  label: string;
  cv: CvSummary | null;
}

/** Fold scores of `metric` for A and B in fold order, or a note saying why the fold tests cannot run. */
export function checkFoldPairs(runA: ComparedRun, runB: ComparedRun, metric: MetricId): { a: number[]; b: number[] } | { note: string } {
  const cannot = (why: string) => ({ note: `The fold tests cannot run: ${why}.` });
  const withoutCv = [runA.cv ? null : 'A', runB.cv ? null : 'B'].filter((x) => x !== null);
  if (withoutCv.length > 0) {
    const who = withoutCv.length === 2 ? 'neither run was' : `run ${withoutCv[0]} was not`;
    return cannot(`${who} cross-validated (set CV folds in the Split cell, keep “Cross-validate” ticked in the Train cell and train again)`);
  }
  const cvA = runA.cv as CvSummary, cvB = runB.cv as CvSummary;
  if (cvA.folds !== cvB.folds) {
    return cannot(`A was cross-validated on ${cvA.folds} folds and B on ${cvB.folds}, so they were trained on different splits`);
  }
  for (const [name, cv] of [['A', cvA], ['B', cvB]] as const) {
    if (cv.completed < cv.folds) return cannot(`run ${name} finished only ${cv.completed} of ${cv.folds} folds`);
  }
  const a = cvA.metrics[metric]?.values ?? [], b = cvB.metrics[metric]?.values ?? [];
  for (const [name, values] of [['A', a], ['B', b]] as const) {
    const missing = values.findIndex((v) => v === null || !Number.isFinite(v));
    if (values.length !== cvA.folds) return cannot(`run ${name} has no ${METRICS[metric].label} on its folds`);
    if (missing >= 0) return cannot(`fold ${missing + 1} has no ${METRICS[metric].label} for run ${name}`);
  }
  return { a: a as number[], b: b as number[] };
}
