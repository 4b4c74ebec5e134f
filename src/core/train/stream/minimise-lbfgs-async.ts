// The in-memory family's L-BFGS (models/classic/lbfgs.ts, runLbfgs) driven by an objective that is awaited: a
// streamed loss reads every chunk per evaluation. The same generator gives the same iterates to the bit.

import { runLbfgs, type MinimiseOptions, type MinimiseResult } from '../../models/classic/lbfgs';

/** Writes ∇f(w) into `gradient` and resolves to f(w). */
export type AsyncObjective = (w: Float64Array, gradient: Float64Array) => Promise<number> | number;

/** Minimises `objective` from `start` (not modified), as minimiseLbfgs does. */
export async function minimiseLbfgsAsync(objective: AsyncObjective, start: Float64Array, options: MinimiseOptions): Promise<MinimiseResult> {
  const steps = runLbfgs(start, options);
  let request = steps.next();
  while (!request.done) request = steps.next(await objective(request.value.w, request.value.gradient));
  return request.value;
}
