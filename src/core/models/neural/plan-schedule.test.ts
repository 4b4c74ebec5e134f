import { describe, expect, it } from 'vitest';
import { readNeuralParams } from './params';
import { planBatchSize, planEpochs, planSchedule } from './plan-schedule';

describe('planSchedule', () => {
  it('batch: a tenth of the rows within 16–256', () => {
    expect([10, 105, 150, 1000, 2559, 100_000].map(planBatchSize)).toEqual([16, 16, 16, 100, 256, 256]);
  });

  it('epochs: enough for 3,000 steps within 10–500', () => {
    // 10 rows: 1 step per epoch → capped at 500; iris' 105 training rows at 16: 7 steps → 429 epochs;
    // 20,000 rows at 256: 79 steps → 38 epochs; a million rows: 3,907 steps → the floor of 10 epochs.
    expect([planEpochs(10, 16), planEpochs(105, 16), planEpochs(20_000, 256), planEpochs(1_000_000, 256)]).toEqual([500, 429, 38, 10]);
  });

  it('replaces only what is auto', () => {
    const { typed } = readNeuralParams({});
    expect([typed.batchSize, typed.epochs]).toEqual(['auto', 'auto']);
    const pick = (p: { batchSize: number; epochs: number }) => [p.batchSize, p.epochs];
    expect([
      pick(planSchedule(typed, 105)),
      pick(planSchedule({ ...typed, batchSize: 32 }, 105)),
      pick(planSchedule({ ...typed, epochs: 7 }, 105)),
    ]).toEqual([[16, 429], [32, 500], [16, 7]]);
  });
});
