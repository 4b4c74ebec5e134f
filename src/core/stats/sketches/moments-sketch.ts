// Exact one-pass count, missing, mean, variance, min and max of a numeric column, mergeable across chunks and
// workers with Chan et al.'s parallel update (the same answer, to rounding, as one pass over all values).

/** Running moments; plain JSON (min/max null while no value is present). Missing = NaN values seen. */
export interface MomentsSketch {
  count: number;
  missing: number;
  mean: number;
  /** Sum of squared deviations from the mean. */
  m2: number;
  min: number | null;
  max: number | null;
}

export function createMoments(): MomentsSketch {
  return { count: 0, missing: 0, mean: 0, m2: 0, min: null, max: null };
}

/** Adds every value of `values` (NaN counts as missing) with Welford's update. */
export function addMoments(sketch: MomentsSketch, values: ArrayLike<number>): void {
  let { count, mean, m2, missing } = sketch;
  let min = sketch.min ?? Infinity;
  let max = sketch.max ?? -Infinity;
  for (let i = 0; i < values.length; i++) {
    const x = values[i];
    if (x !== x) {
      missing++;
      continue;
    }
    count++;
    const delta = x - mean;
    mean += delta / count;
    m2 += delta * (x - mean);
    if (x < min) min = x;
    if (x > max) max = x;
  }
  Object.assign(sketch, { count, mean, m2, missing, min: count > 0 ? min : null, max: count > 0 ? max : null });
}

/** The moments of both inputs' values together (Chan, Golub & LeVeque 1979); the inputs are left as they are. */
export function mergeMoments(a: MomentsSketch, b: MomentsSketch): MomentsSketch {
  const count = a.count + b.count;
  if (count === 0) return { ...createMoments(), missing: a.missing + b.missing };
  const delta = b.mean - a.mean;
  const mean = a.mean + (delta * b.count) / count;
  const m2 = a.m2 + b.m2 + (delta * delta * a.count * b.count) / count;
  const pick = (x: number | null, y: number | null, f: (p: number, q: number) => number) => (x === null ? y : y === null ? x : f(x, y));
  return { count, missing: a.missing + b.missing, mean, m2, min: pick(a.min, b.min, Math.min), max: pick(a.max, b.max, Math.max) };
}

/** Sample variance (n − 1 denominator, as pandas' `std`); NaN below two values. */
export function describeVariance(sketch: MomentsSketch): number {
  return sketch.count < 2 ? NaN : sketch.m2 / (sketch.count - 1);
}
