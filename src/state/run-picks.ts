// Which stored runs a cell after Train offers, best first by the problem's primary metric (as trained without a
// problem), and the one its spec picks (null → the best): what the Predict and Export cells' run menus show.

import type { ModelArtifact } from '../core/notebook/runtime/artifacts';
import { pickRun } from '../core/notebook/runtime/runners/pick-run';
import type { ProblemSpec } from '../core/problem/types';
import { rankRuns } from '../core/train/rank-runs';
import type { RunSummary } from '../core/train/types';

export interface RunPicks {
  readonly runs: readonly RunSummary[];
  readonly run: RunSummary | null;
  /** True when `runs[0]` is the best by the primary metric (the menu marks it). */
  readonly ranked: boolean;
}

export function listRunPicks(model: ModelArtifact | null, problem: ProblemSpec | null, runId: string | null): RunPicks {
  if (!model) return { runs: [], run: null, ranked: false };
  const picked = pickRun(model, runId);
  return { runs: problem ? rankRuns(model.runs, problem.primaryMetric) : model.runs, run: 'run' in picked ? picked.run : null, ranked: problem !== null };
}
