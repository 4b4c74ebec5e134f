// Pure part of the TensorFlow.js backend choice: which probed backend wins and the sentence that says why.
// Kept apart from tf-backend.ts (which needs a worker, Vite `?url` imports and the GPU) so Node can test it.

/** One backend's probe: whether it started, its measured time per training step (ms), and what we noticed. */
export interface BackendProbe {
  backend: string;
  available: boolean;
  msPerStep?: number;
  /** e.g. 'SIMD', 'software renderer: SwiftShader', 'no WebGPU adapter'. */
  note?: string;
  /** Wall time the probe took, start-up and warm-up included (ms). */
  probeMs?: number;
}

/** The backend in use, why, and every probe behind the choice. */
export interface BackendChoice {
  backend: string;
  reason: string;
  probes: BackendProbe[];
}

/** True for a software GPU (renderer or adapter description naming SwiftShader, llvmpipe or a software rasteriser). */
export function isSoftwareRenderer(description: string): boolean {
  return /swiftshader|llvmpipe|softpipe|software|microsoft basic render/i.test(description);
}

function formatMs(ms: number): string {
  return ms >= 100 ? ms.toFixed(0) : ms >= 10 ? ms.toFixed(1) : ms.toFixed(2);
}

/** "wasm (SIMD): 3.10 ms/step", "webgpu: unavailable (no WebGPU adapter)". */
export function describeProbe(probe: BackendProbe): string {
  const label = probe.available && probe.note ? `${probe.backend} (${probe.note})` : probe.backend;
  if (!probe.available) return `${probe.backend}: unavailable${probe.note ? ` (${probe.note})` : ''}`;
  return probe.msPerStep === undefined ? (probe.note ? label : `${label}: not timed`) : `${label}: ${formatMs(probe.msPerStep)} ms/step`;
}

/**
 * Picks the available backend with the fewest ms per step (ties: the earlier probe); none timed → 'cpu'.
 * The reason names the winner first, then every other probe: "wasm (SIMD): 3.10 ms/step; webgl (software
 * renderer: SwiftShader): 41.0 ms/step; webgpu: unavailable (no WebGPU adapter)".
 */
export function rankBackendProbes(probes: readonly BackendProbe[]): BackendChoice {
  const timed = probes.filter((p) => p.available && p.msPerStep !== undefined && Number.isFinite(p.msPerStep));
  const best = timed.reduce<BackendProbe | undefined>((a, p) => (a === undefined || p.msPerStep! < a.msPerStep! ? p : a), undefined);
  if (best === undefined) return { backend: 'cpu', reason: `cpu: no backend could be timed (${probes.map(describeProbe).join('; ')})`, probes: [...probes] };
  const others = probes.filter((p) => p !== best).map(describeProbe);
  return { backend: best.backend, reason: [`fastest: ${describeProbe(best)}`, ...others].join('; '), probes: [...probes] };
}

/** The choice for an explicit preference: that backend when it started, else the ranked fallback saying so. */
export function chooseForPreference(preference: string, probes: readonly BackendProbe[]): BackendChoice {
  const wanted = probes.find((p) => p.backend === preference);
  if (wanted?.available) return { backend: preference, reason: `${preference} as chosen (${describeProbe(wanted)})`, probes: [...probes] };
  const fallback = rankBackendProbes(probes.filter((p) => p.backend !== preference));
  const why = wanted ? describeProbe(wanted) : `${preference}: unavailable`;
  return { ...fallback, reason: `${why}, so ${fallback.backend} instead — ${fallback.reason}`, probes: [...probes] };
}
