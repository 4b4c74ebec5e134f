import { describe, expect, it } from 'vitest';
import { runInSlices } from './run-in-slices';

describe('runInSlices', () => {
  it('runs every step in order and yields once a slice has run its time; a throwing step is skipped', async () => {
    let clock = 0;
    const log: string[] = [];
    const step = (name: string, ms: number) => () => {
      clock += ms;
      log.push(name);
    };
    const failing = () => {
      clock += 5;
      log.push('fails');
      throw new Error('not needed yet');
    };
    const yields = await runInSlices([step('a', 10), step('b', 10), step('c', 10), failing, step('d', 30), step('e', 1)], 25, async () => void log.push('yield'), () => clock);
    expect({ log, yields }).toEqual({ log: ['a', 'b', 'c', 'yield', 'fails', 'd', 'yield', 'e'], yields: 2 });
  });
});
