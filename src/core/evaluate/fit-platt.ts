// Platt scaling as scikit-learn's CalibratedClassifierCV(method='sigmoid'): p = 1 / (1 + exp(A·f + B)) fitted
// to smoothed targets (N₊ + 1) / (N₊ + 2) and 1 / (N₋ + 2). sklearn stops BFGS at gtol 1e-5; we run Newton's
// method with a backtracking line search to the exact minimum of the same convex objective.
import { DataError } from '../errors';
import { assertSameLength } from './metric-value';

/** A fitted sigmoid calibrator; JSON-serialisable. */
export interface PlattCalibrator {
  kind: 'platt';
  a: number;
  b: number;
}

/** log(1 + exp(x)) without overflow. */
function softplus(x: number): number {
  return x > 0 ? x + Math.log1p(Math.exp(-x)) : Math.log1p(Math.exp(x));
}

/** The objective Σ −[t·log p + (1 − t)·log(1 − p)] with p = 1 / (1 + exp(a·f + b)). */
export function measurePlattLoss(scores: ArrayLike<number>, targets: ArrayLike<number>, a: number, b: number): number {
  let loss = 0;
  for (let i = 0; i < scores.length; i++) {
    const z = a * scores[i] + b;
    // −log p = softplus(z), −log(1 − p) = softplus(−z)
    loss += targets[i] * softplus(z) + (1 - targets[i]) * softplus(-z);
  }
  return loss;
}

/** Platt's smoothed targets for labels yTrue === positiveClass. */
function smoothTargets(yTrue: ArrayLike<number>, positiveClass: number): { targets: Float64Array; prior0: number; prior1: number } {
  let prior1 = 0;
  for (let i = 0; i < yTrue.length; i++) if (yTrue[i] === positiveClass) prior1++;
  const prior0 = yTrue.length - prior1;
  const targets = Float64Array.from(yTrue, (y) => (y === positiveClass ? (prior1 + 1) / (prior1 + 2) : 1 / (prior0 + 2)));
  return { targets, prior0, prior1 };
}

/** Fits A and B on (score, label) pairs; the scores are the model's uncalibrated outputs for the positive class. */
export function fitPlattCalibrator(scores: ArrayLike<number>, yTrue: ArrayLike<number>, positiveClass = 1): PlattCalibrator {
  assertSameLength(yTrue, scores, 'scores');
  if (yTrue.length === 0) throw new DataError('Platt scaling needs at least one row; calibrate on a non-empty validation set.');
  const { targets, prior0, prior1 } = smoothTargets(yTrue, positiveClass);
  let a = 0;
  let b = Math.log((prior0 + 1) / (prior1 + 1));
  let loss = measurePlattLoss(scores, targets, a, b);
  for (let iteration = 0; iteration < 100; iteration++) {
    let ga = 0, gb = 0, haa = 1e-12, hab = 0, hbb = 1e-12; // tiny ridge keeps the 2 × 2 solve defined
    for (let i = 0; i < scores.length; i++) {
      const f = scores[i];
      const p = 1 / (1 + Math.exp(a * f + b));
      const d = targets[i] - p; // ∂loss/∂z
      const w = p * (1 - p); // ∂²loss/∂z²
      ga += d * f;
      gb += d;
      haa += w * f * f;
      hab += w * f;
      hbb += w;
    }
    if (Math.abs(ga) + Math.abs(gb) < 1e-13 * scores.length) break;
    const det = haa * hbb - hab * hab;
    const da = -(hbb * ga - hab * gb) / det;
    const db = -(haa * gb - hab * ga) / det;
    let step = 1;
    let next = measurePlattLoss(scores, targets, a + da, b + db);
    while (next > loss && step > 1e-10) {
      step /= 2;
      next = measurePlattLoss(scores, targets, a + step * da, b + step * db);
    }
    if (!(next <= loss)) break;
    a += step * da;
    b += step * db;
    const gained = loss - next;
    loss = next;
    if (gained <= 1e-16 * loss) break; // converged: Newton's last step no longer lowers the loss measurably
  }
  return { kind: 'platt', a, b };
}

/** Calibrated probabilities 1 / (1 + exp(A·f + B)) for uncalibrated scores f. */
export function applyPlattCalibrator(calibrator: PlattCalibrator, scores: ArrayLike<number>): Float64Array {
  return Float64Array.from(scores, (f) => 1 / (1 + Math.exp(calibrator.a * f + calibrator.b)));
}
