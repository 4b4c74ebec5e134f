import { describe, expect, it } from 'vitest';
import { chooseForPreference, isSoftwareRenderer, rankBackendProbes, type BackendProbe } from './tf-backend-ranking';

// Timings as measured on the build machine (../shared/ENVIRONMENT.md): SwiftShader WebGL is slower than WASM.
const softwareGpu: BackendProbe[] = [
  { backend: 'webgpu', available: false, note: 'no WebGPU adapter' },
  { backend: 'webgl', available: true, msPerStep: 41, note: 'software renderer: SwiftShader' },
  { backend: 'wasm', available: true, msPerStep: 3.1, note: 'SIMD' },
  { backend: 'cpu', available: true, msPerStep: 15.234 },
];

describe('rankBackendProbes', () => {
  it('picks the fastest timed backend and says what every other probe measured', () => {
    expect(rankBackendProbes(softwareGpu)).toEqual({
      backend: 'wasm',
      reason: 'fastest: wasm (SIMD): 3.10 ms/step; webgpu: unavailable (no WebGPU adapter); webgl (software renderer: SwiftShader): 41.0 ms/step; cpu: 15.2 ms/step',
      probes: softwareGpu,
    });
  });

  it('prefers a real GPU when it is faster, and falls back to cpu when nothing could be timed', () => {
    const realGpu: BackendProbe[] = [{ backend: 'webgpu', available: true, msPerStep: 0.8, note: 'NVIDIA' }, { backend: 'wasm', available: true, msPerStep: 3.1 }];
    expect(rankBackendProbes(realGpu).backend).toBe('webgpu');
    const untimed: BackendProbe[] = [{ backend: 'webgpu', available: true, note: 'software fallback adapter; not timed' }, { backend: 'wasm', available: true, msPerStep: 3.1 }];
    expect(rankBackendProbes(untimed).reason).toBe('fastest: wasm: 3.10 ms/step; webgpu (software fallback adapter; not timed)');
    expect(rankBackendProbes([{ backend: 'webgl', available: false, note: 'no WebGL context' }])).toEqual({
      backend: 'cpu',
      reason: 'cpu: no backend could be timed (webgl: unavailable (no WebGL context))',
      probes: [{ backend: 'webgl', available: false, note: 'no WebGL context' }],
    });
  });
});

describe('chooseForPreference', () => {
  it('keeps an available choice and explains a fallback from an unavailable one', () => {
    expect(chooseForPreference('webgl', softwareGpu).reason).toBe('webgl as chosen (webgl (software renderer: SwiftShader): 41.0 ms/step)');
    const fallback = chooseForPreference('webgpu', softwareGpu);
    expect([fallback.backend, fallback.reason]).toEqual([
      'wasm',
      'webgpu: unavailable (no WebGPU adapter), so wasm instead — fastest: wasm (SIMD): 3.10 ms/step; webgl (software renderer: SwiftShader): 41.0 ms/step; cpu: 15.2 ms/step',
    ]);
  });
});

describe('isSoftwareRenderer', () => {
  it('recognises software GPUs by their renderer strings', () => {
    const renderers = ['ANGLE (Google, Vulkan 1.3.0 (SwiftShader Device (Subzero) (0x0000C0DE)), SwiftShader driver)', 'llvmpipe (LLVM 15.0.6, 256 bits)', 'ANGLE (NVIDIA, NVIDIA GeForce RTX 3080 Direct3D11 vs_5_0 ps_5_0)'];
    expect(renderers.map(isSoftwareRenderer)).toEqual([true, true, false]);
  });
});
