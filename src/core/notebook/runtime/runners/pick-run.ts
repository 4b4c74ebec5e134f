// Which stored run a cell after Train works on: the one its spec names, else the leaderboard's best; and why it
// cannot run yet when the problem is not supervised or the Train cell has no such run.

import type { ProblemSpec } from '../../../problem/types';
import type { RunSummary } from '../../../train/types';
import type { ModelArtifact } from '../artifacts';

/** The run `runId` names (null → the best), or why there is none to work on. */
export function pickRun(model: ModelArtifact, runId: string | null): { run: RunSummary } | { waiting: string } {
  const id = runId ?? model.bestRunId ?? model.runs[0]?.id ?? null;
  const run = model.runs.find((candidate) => candidate.id === id);
  if (run) return { run };
  if (model.runs.length === 0) return { waiting: 'Train a model in the Train cell above.' };
  return { waiting: runId === null ? 'No run has a value for the primary metric yet.' : 'The picked run is no longer stored: pick another one.' };
}

/** Why a cell that scores predictions cannot work on this problem (clustering, no target), or null. */
export function checkSupervised(problem: ProblemSpec): string | null {
  return problem.target === null || problem.task === 'clustering' ? 'Choose a target (a supervised task) in the Problem cell above: this cell scores predictions of it.' : null;
}
