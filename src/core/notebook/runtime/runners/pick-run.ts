// Which stored run a cell after Train works on: the one its spec names, else the leaderboard's best; and why it
// cannot run yet when the problem is not supervised or the Train cell has no such run.

import type { ProblemSpec } from '../../../problem/types';
import type { RunSummary } from '../../../train/types';
import type { CellInputs, ModelArtifact } from '../artifacts';
import { requireInput } from '../runner';

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

/** Why a cell cannot work on the run `runId` picks from its model input yet, or null (for `check`). */
export function checkPickedRun(inputs: CellInputs, runId: string | null): string | null {
  const picked = pickRun(requireInput(inputs, 'model'), runId);
  return 'waiting' in picked ? picked.waiting : null;
}

/** The run `runId` picks from the model input, or null (for `describeInputs`: an absent run keys as 'none'). */
export function findPickedRun(inputs: CellInputs, runId: string | null): RunSummary | null {
  const picked = pickRun(requireInput(inputs, 'model'), runId);
  return 'run' in picked ? picked.run : null;
}

/** The run `runId` picks; none is an Error with the reason (`run` is called once `check` passed). */
export function requirePickedRun(inputs: CellInputs, runId: string | null): RunSummary {
  const picked = pickRun(requireInput(inputs, 'model'), runId);
  if ('waiting' in picked) throw new Error(picked.waiting);
  return picked.run;
}
