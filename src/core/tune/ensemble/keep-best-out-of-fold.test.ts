import { describe, expect, it } from 'vitest';
import type { OutOfFold } from '../../train/types';
import type { TuneTrial } from '../tune-output';
import { createOutOfFoldPool } from './keep-best-out-of-fold';

const OOF = {} as OutOfFold;
const trial = (index: number, family: string, loss: number, extra: Partial<TuneTrial> = {}): TuneTrial => ({
  index, family, params: { i: index }, budget: 1, rung: 0, status: 'done', value: -loss, loss, runId: `r${index}`, durationMs: 1, ...extra,
});

describe('createOutOfFoldPool', () => {
  it('lists each family’s best trial first, then the best others, at most `limit`; skips unscored, partial and failed trials', () => {
    const pool = createOutOfFoldPool(4);
    [
      trial(0, 'lr', 0.10), trial(1, 'lr', 0.11), trial(2, 'lr', 0.12), trial(3, 'gb', 0.30), trial(4, 'lr', 0.09),
      trial(5, 'knn', 0.50), trial(6, 'nb', 0.05, { budget: 0.5 }), trial(7, 'nb', 0.05, { status: 'error', loss: null }), trial(8, 'rf', 0.40),
    ].forEach((t) => pool.offer(t, OOF));
    expect(pool.list().map((k) => k.trial.index)).toEqual([4, 3, 8, 5]);
    const roomy = createOutOfFoldPool(5);
    [trial(0, 'lr', 0.10), trial(1, 'lr', 0.11), trial(2, 'lr', 0.12), trial(3, 'gb', 0.30)].forEach((t) => roomy.offer(t, OOF));
    expect(roomy.list().map((k) => k.trial.index)).toEqual([0, 3, 1, 2]);
  });
});
