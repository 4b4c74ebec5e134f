import { describe, expect, it } from 'vitest';
import { timeKernelSteps } from './time-kernel-steps';

describe('timeKernelSteps', () => {
  it('times the kernel engine on the probe shape (Node has WebAssembly SIMD)', () => {
    const ms = timeKernelSteps({ inputs: 10, hidden: [64, 64], outputs: 2, batchSize: 256 }, 5);
    expect([typeof ms, ms! > 0, ms! < 1000]).toEqual(['number', true, true]);
  });
});
