// Seeded pseudo-random numbers for every seeded choice in the studio (splits, folds, resampling, model fits,
// explanations): mulberry32, 32-bit state, the same sequence in Node, workers and an exported bundle. Stored
// models and splits depend on these streams, so the generator never changes.

/** A generator of uniform floats in [0, 1) from a 32-bit integer seed (same seed, same sequence). */
export function createRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Shuffles `values` in place (Fisher–Yates) with `random`; returns the same array. */
export function shuffleInPlace<T extends { length: number; [i: number]: number }>(values: T, random: () => number): T {
  for (let i = values.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    const tmp = values[i];
    values[i] = values[j];
    values[j] = tmp;
  }
  return values;
}

/** A seed for stream `index` of `seed` (a forest's tree, a worker's part): murmur3's finaliser over (seed, index), so neighbouring indices give unrelated streams. */
export function deriveSeed(seed: number, index: number): number {
  let h = Math.imul((seed ^ 0x9e3779b9) >>> 0, 0x85ebca6b) ^ Math.imul(index + 1, 0xc2b2ae35);
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}
