import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import type { FeatureMatrix, Target } from '../core/models/types';
import { gradientBoostingFamily } from '../core/models/trees/gbdt/gradient-boosting';
import { setHistogramThreads, type HistogramThreads } from '../core/models/trees/gbdt/histogram-threads';
import { createNodeHistogramThreads } from './node-histogram-threads';

// 3,000 seeded rows: 5 numeric features (one 15 % NaN), 1 categorical with 6 codes (5 % NaN); three targets
// from the same features. Every node is handed to the helpers (minUpdates 0), so each tree's histograms are
// built in feature blocks on 2 or 3 threads; the model must equal the one-thread fit byte for byte.
function makeTable(): { X: FeatureMatrix; targets: Record<'binary' | 'multiclass' | 'regression', Target> } {
  let state = 4242;
  const random = (): number => (state = (state * 16807) % 2147483647) / 2147483647;
  const n = 3000, cols = 6;
  const values = new Float64Array(n * cols);
  const score = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    for (let f = 0; f < 5; f++) values[i * cols + f] = f === 2 && random() < 0.15 ? NaN : Math.round((random() - 0.5) * 4000) / 100;
    values[i * cols + 5] = random() < 0.05 ? NaN : Math.floor(random() * 6);
    const code = values[i * cols + 5];
    score[i] = values[i * cols] * 0.1 - Math.abs(values[i * cols + 1]) * 0.05 + (code === 2 || code === 4 ? 1.5 : 0) + (Number.isNaN(values[i * cols + 2]) ? 1 : 0) + random() - 0.5;
  }
  const X: FeatureMatrix = { values, rows: n, cols, featureNames: ['a', 'b', 'c', 'd', 'e', 'cat'], categorical: [false, false, false, false, false, true] };
  return {
    X,
    targets: {
      binary: { values: score.map((s) => (s > 0.3 ? 1 : 0)), classes: ['no', 'yes'] },
      multiclass: { values: score.map((s) => (s < -0.5 ? 0 : s < 0.8 ? 1 : 2)), classes: ['low', 'mid', 'high'] },
      regression: { values: score },
    },
  };
}

const PARAMS = { maxIter: 8, earlyStopping: 'off' };

/** The model JSON of a fit with `threads` as the fits' helpers (null: one thread). */
async function fitJson(target: Target, threads: HistogramThreads | null): Promise<string> {
  setHistogramThreads(threads);
  try {
    const model = await gradientBoostingFamily.fit(makeTable().X, target, PARAMS, { seed: 3 });
    return JSON.stringify(model.toJSON());
  } finally {
    setHistogramThreads(null);
  }
}

/** Wraps a pool so a test can see that fits really got the helpers. */
function countStarts(pool: HistogramThreads): HistogramThreads & { started: number } {
  const counted = {
    count: pool.count, minUpdates: pool.minUpdates, started: 0,
    async start(session: Parameters<HistogramThreads['start']>[0]) {
      const finish = await pool.start(session);
      if (finish) counted.started++;
      return finish;
    },
  };
  return counted;
}

describe('gradient boosting on several threads (Node worker_threads)', () => {
  const pools = [createNodeHistogramThreads(1, 0), createNodeHistogramThreads(2, 0)];
  afterAll(() => pools.forEach((pool) => pool.close()));
  afterEach(() => vi.unstubAllGlobals());

  for (const task of ['binary', 'multiclass', 'regression'] as const) {
    it(`${task}: the same model JSON, to the byte, on 1, 2 and 3 threads`, async () => {
      const target = makeTable().targets[task];
      const one = await fitJson(target, null);
      const counted = pools.map(countStarts);
      const many = [];
      for (const pool of counted) many.push(await fitJson(target, pool));
      expect(counted.map((pool) => pool.started)).toEqual([1, 1]);
      expect(one).toMatch(/"categories":\[\[/);
      expect(many).toEqual([one, one]);
    });
  }

  it('a pool already lent to a fit leaves a second, concurrent fit on one thread, with the same model', async () => {
    const target = makeTable().targets.binary;
    const one = await fitJson(target, null);
    const pool = countStarts(pools[0]);
    setHistogramThreads(pool);
    try {
      const fits = await Promise.all([0, 1].map(() => gradientBoostingFamily.fit(makeTable().X, target, PARAMS, { seed: 3 })));
      expect(fits.map((model) => JSON.stringify(model.toJSON()))).toEqual([one, one]);
      expect(pool.started).toBe(1);
    } finally {
      setHistogramThreads(null);
    }
  });

  it('falls back to one thread, same model, where helpers cannot start or SharedArrayBuffer is missing', async () => {
    const target = makeTable().targets.multiclass;
    const one = await fitJson(target, null);
    const refusing: HistogramThreads = { count: 1, minUpdates: 0, start: async () => null };
    expect(await fitJson(target, refusing)).toBe(one);
    // As in a browser page that is not cross-origin isolated: no shared memory, so the pool is never asked.
    vi.stubGlobal('SharedArrayBuffer', undefined);
    const pool = countStarts(pools[1]);
    expect(await fitJson(target, pool)).toBe(one);
    expect(pool.started).toBe(0);
  });

  it('refuses a helper count that is not a whole number ≥ 1, naming it', () => {
    expect(() => createNodeHistogramThreads(0)).toThrow('histogram threads: count 0 is not a whole number ≥ 1');
  });
});
