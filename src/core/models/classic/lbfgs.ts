// Limited-memory BFGS with a backtracking (Armijo) line search, for smooth convex objectives such as the L2
// logistic loss. Stops when the largest gradient component falls below `tol` or the loss stops decreasing.

import { createAbortError } from '../../errors';

/** Writes ∇f(w) into `gradient` and returns f(w). */
export type Objective = (w: Float64Array, gradient: Float64Array) => number;

export interface MinimiseOptions {
  maxIter: number;
  /** Stop when max |∂f/∂wᵢ| ≤ tol. */
  tol: number;
  memory?: number;
  signal?: AbortSignal;
  /** Fires once per iteration with the objective and current w (do not modify); true stops early, keeping w. */
  onIteration?: (iteration: number, loss: number, w: Float64Array) => boolean | void;
}

export interface MinimiseResult {
  w: Float64Array;
  loss: number;
  iterations: number;
  /** True when maxIter ended the run before the stopping test passed (sklearn's ConvergenceWarning). */
  hitCap: boolean;
  /** The stopping test's value at the end, compared with tol: the largest gradient (L-BFGS) or relative step (proximal). */
  criterion: number;
}

const dot = (a: Float64Array, b: Float64Array): number => a.reduce((s, v, i) => s + v * b[i], 0);
const maxAbs = (a: Float64Array): number => a.reduce((m, v) => Math.max(m, Math.abs(v)), 0);

/** A point the minimiser needs evaluated: write ∇f(w) into `gradient` and pass f(w) back to the generator. */
export interface Evaluation {
  readonly w: Float64Array;
  readonly gradient: Float64Array;
}

/** Minimises `objective` from `start` (not modified). */
export function minimiseLbfgs(objective: Objective, start: Float64Array, options: MinimiseOptions): MinimiseResult {
  const steps = runLbfgs(start, options);
  let request = steps.next();
  while (!request.done) request = steps.next(objective(request.value.w, request.value.gradient));
  return request.value;
}

/**
 * L-BFGS as a generator: it yields each point to evaluate and takes the loss back, so a caller whose objective is
 * awaited (a streamed loss reads every chunk, core/train/stream) drives the same iterates as minimiseLbfgs.
 */
export function* runLbfgs(start: Float64Array, options: MinimiseOptions): Generator<Evaluation, MinimiseResult, number> {
  const n = start.length;
  const memory = options.memory ?? 10;
  const w = Float64Array.from(start);
  const gradient = new Float64Array(n);
  let loss = yield { w, gradient };
  const sHistory: Float64Array[] = [];
  const yHistory: Float64Array[] = [];
  const next = new Float64Array(n);
  const nextGradient = new Float64Array(n);
  let iteration = 0;
  while (iteration < options.maxIter && maxAbs(gradient) > options.tol) {
    if (options.signal?.aborted === true) throw createAbortError();
    const direction = computeDirection(gradient, sHistory, yHistory);
    let slope = dot(direction, gradient);
    if (slope >= 0) {
      // Not a descent direction (numerical trouble): restart from steepest descent.
      sHistory.length = yHistory.length = 0;
      direction.forEach((_, i) => (direction[i] = -gradient[i]));
      slope = dot(direction, gradient);
    }
    let step = iteration === 0 ? Math.min(1, 1 / Math.sqrt(dot(gradient, gradient))) : 1;
    let nextLoss = Infinity;
    for (let tries = 0; tries < 60; tries++, step /= 2) {
      for (let i = 0; i < n; i++) next[i] = w[i] + step * direction[i];
      nextLoss = yield { w: next, gradient: nextGradient };
      if (nextLoss <= loss + 1e-4 * step * slope) break;
    }
    if (!(nextLoss < loss) && !(nextLoss <= loss && maxAbs(nextGradient) < maxAbs(gradient))) return { w, loss, iterations: iteration, hitCap: false, criterion: maxAbs(gradient) };
    const s = next.map((v, i) => v - w[i]);
    const yDiff = nextGradient.map((v, i) => v - gradient[i]);
    if (dot(s, yDiff) > 1e-12 * dot(yDiff, yDiff)) {
      sHistory.push(s);
      yHistory.push(yDiff);
      if (sHistory.length > memory) sHistory.shift(), yHistory.shift();
    }
    w.set(next);
    gradient.set(nextGradient);
    const improvement = loss - nextLoss;
    loss = nextLoss;
    iteration++;
    if (options.onIteration?.(iteration, loss, w) === true) return { w, loss, iterations: iteration, hitCap: false, criterion: maxAbs(gradient) };
    if (improvement <= 1e-16 * Math.max(1, Math.abs(loss))) return { w, loss, iterations: iteration, hitCap: false, criterion: maxAbs(gradient) };
  }
  return { w, loss, iterations: iteration, hitCap: maxAbs(gradient) > options.tol, criterion: maxAbs(gradient) };
}

/** Two-loop recursion: −H·g from the stored curvature pairs. */
function computeDirection(gradient: Float64Array, sHistory: Float64Array[], yHistory: Float64Array[]): Float64Array {
  const q = Float64Array.from(gradient);
  const alphas = new Float64Array(sHistory.length);
  for (let k = sHistory.length - 1; k >= 0; k--) {
    alphas[k] = dot(sHistory[k], q) / dot(yHistory[k], sHistory[k]);
    for (let i = 0; i < q.length; i++) q[i] -= alphas[k] * yHistory[k][i];
  }
  const last = sHistory.length - 1;
  const gamma = last >= 0 ? dot(sHistory[last], yHistory[last]) / dot(yHistory[last], yHistory[last]) : 1;
  for (let i = 0; i < q.length; i++) q[i] *= gamma;
  for (let k = 0; k < sHistory.length; k++) {
    const beta = dot(yHistory[k], q) / dot(yHistory[k], sHistory[k]);
    for (let i = 0; i < q.length; i++) q[i] += sHistory[k][i] * (alphas[k] - beta);
  }
  return q.map((v) => -v);
}
