// Picks the TensorFlow.js backend for this worker by measuring, not assuming: each available backend (WebGPU
// with an adapter, WebGL, WASM with SIMD, CPU) runs a short training probe shaped like the model at hand and
// the fastest wins. On wasm the lean loop trains with the SIMD kernel (core/models/neural/kernel-engine.ts), so
// that is what the wasm probe times. Runs only in a worker (Vite `?url` imports for the WASM files); remembered
// for its lifetime.

import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-webgpu';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import wasmPlainUrl from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm?url';
import wasmSimdUrl from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-simd.wasm?url';
import wasmThreadedUrl from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-threaded-simd.wasm?url';
import { computeLossAndGradient } from '../core/models/neural/backprop';
import { createFlatOptimizer } from '../core/models/neural/flat-optimizer';
import { flattenWeights, planParameterLayout, viewParameters } from '../core/models/neural/flat-parameters';
import { initialiseWeights, type NetworkTopology } from '../core/models/neural/network';
import { timeKernelSteps } from '../core/models/neural/time-kernel-steps';
import { createRandom } from '../core/random/prng';
import { chooseForPreference, isSoftwareRenderer, rankBackendProbes, type BackendChoice, type BackendProbe } from './tf-backend-ranking';

export type { BackendChoice, BackendProbe };

/** A backend the user may ask for; 'auto' measures. */
export type TfBackendPreference = 'auto' | 'webgpu' | 'webgl' | 'wasm' | 'cpu';

/** The network the probe trains (defaults: 10 → 64 → 64 → 2, batches of 256 rows). */
export interface ProbeShape {
  inputs: number;
  hidden: number[];
  outputs: number;
  batchSize: number;
}

const DEFAULT_SHAPE: ProbeShape = { inputs: 10, hidden: [64, 64], outputs: 2, batchSize: 256 };
const PROBE_STEPS = 20;
const PROBE_BUDGET_MS = 350; // per backend: a slow one stops early, so all four stay under ~1.5 s
// WebGL before WebGPU: in Chromium a WebGPU device started first made the WebGL context fail in the same worker.
const CANDIDATES = ['wasm', 'cpu', 'webgl', 'webgpu'] as const;

setWasmPaths({ 'tfjs-backend-wasm.wasm': wasmPlainUrl, 'tfjs-backend-wasm-simd.wasm': wasmSimdUrl, 'tfjs-backend-wasm-threaded-simd.wasm': wasmThreadedUrl });
// Threads hang in this build (ReferenceError in the thread worker) and gave nothing on 2 cores.
tf.env().set('WASM_HAS_MULTITHREAD_SUPPORT', false);

const remembered = new Map<string, Promise<BackendChoice>>();

/** What the WebGPU adapter is, or why there is none (before tfjs tries it: it would silently move on). */
async function inspectWebGpu(): Promise<{ available: boolean; software?: boolean; note: string }> {
  const gpu = (navigator as Navigator & { gpu?: { requestAdapter(): Promise<GpuAdapterLike | null> } }).gpu;
  if (!gpu) return { available: false, note: 'no navigator.gpu' };
  const adapter = await gpu.requestAdapter().catch(() => null);
  if (!adapter) return { available: false, note: 'no WebGPU adapter' };
  const info = adapter.info ?? {};
  const description = [info.vendor, info.architecture, info.device, info.description].filter(Boolean).join(' ');
  const software = adapter.isFallbackAdapter === true || info.isFallbackAdapter === true || isSoftwareRenderer(description);
  return { available: true, software, note: `${software ? 'software fallback adapter' : 'adapter'}${description ? `: ${description}` : ''}` };
}

interface GpuAdapterLike {
  isFallbackAdapter?: boolean;
  info?: { vendor?: string; architecture?: string; device?: string; description?: string; isFallbackAdapter?: boolean };
}

/** The WebGL renderer string (e.g. SwiftShader), read from a throw-away OffscreenCanvas context. */
function describeWebGlRenderer(): { available: boolean; renderer: string } {
  try {
    const gl = new OffscreenCanvas(1, 1).getContext('webgl2') as WebGL2RenderingContext | null;
    if (!gl) return { available: false, renderer: 'no WebGL2 context' };
    const ext = gl.getExtension('WEBGL_debug_renderer_info');
    const renderer = String(gl.getParameter(ext ? ext.UNMASKED_RENDERER_WEBGL : gl.RENDERER));
    gl.getExtension('WEBGL_lose_context')?.loseContext();
    return { available: true, renderer };
  } catch {
    return { available: false, renderer: 'no WebGL2 context' };
  }
}

/** Switches tfjs to `backend`; false when it could not (tfjs may have fallen back to another one). */
async function activateBackend(backend: string): Promise<boolean> {
  const ok = await tf.setBackend(backend).catch(() => false);
  return ok && tf.getBackend() === backend;
}

/** ms per training step of the studio's loop (Adam) on the current backend: 2 warm-up steps (shader compilation), then up to 20 timed ones. */
export function timeTrainingSteps(shape: ProbeShape = DEFAULT_SHAPE): number {
  const topology: NetworkTopology = { inputs: shape.inputs, hidden: shape.hidden, activation: 'relu', outputs: shape.outputs, output: 'softmax' };
  const random = createRandom(1);
  const layout = planParameterLayout(topology);
  let theta = tf.tensor1d(flattenWeights(layout, initialiseWeights(topology, random)));
  const optimizer = createFlatOptimizer('adam', 1e-3, layout.size);
  const x = tf.tensor2d(Float32Array.from({ length: shape.batchSize * shape.inputs }, () => random() * 2 - 1), [shape.batchSize, shape.inputs]);
  const y = tf.tidy(() => tf.oneHot(tf.tensor1d(Int32Array.from({ length: shape.batchSize }, (_, i) => i % shape.outputs), 'int32'), shape.outputs).toFloat() as tf.Tensor2D);
  const rowWeights = tf.scalar(1 / shape.batchSize);
  const step = (read: boolean): void => {
    const next = tf.tidy(() => {
      const { loss, gradient } = computeLossAndGradient(viewParameters(layout, theta), topology, { x, y, rowWeights });
      if (read) loss.dataSync(); // one read per 5 steps, as the loop reads once per epoch: GPU work must finish
      return optimizer.step(theta, gradient);
    });
    theta.dispose();
    theta = next;
  };
  try {
    step(false);
    step(true);
    const start = performance.now();
    let steps = 0;
    while (steps < PROBE_STEPS && performance.now() - start < PROBE_BUDGET_MS) {
      for (let i = 0; i < 5; i++) step(i === 4);
      steps += 5;
    }
    return (performance.now() - start) / steps;
  } finally {
    tf.dispose([x, y, rowWeights, theta]);
    optimizer.dispose();
  }
}

// A software GPU (SwiftShader) took 10–60× WASM's time per step on every machine measured, and timing it would
// cost 1–2 s of shader compilation: it is listed, not timed, so it never wins an 'auto' choice.
const NOT_TIMED = 'not timed: software GPUs are far slower than wasm';

async function probeBackend(backend: (typeof CANDIDATES)[number], shape: ProbeShape): Promise<BackendProbe> {
  let note: string | undefined;
  if (backend === 'webgpu') {
    const adapter = await inspectWebGpu();
    if (!adapter.available) return { backend, available: false, note: adapter.note };
    if (adapter.software) return { backend, available: true, note: `${adapter.note}; ${NOT_TIMED}` };
    note = adapter.note;
  }
  if (backend === 'webgl') {
    const webgl = describeWebGlRenderer();
    if (!webgl.available) return { backend, available: false, note: webgl.renderer };
    if (isSoftwareRenderer(webgl.renderer)) return { backend, available: true, note: `software renderer: ${webgl.renderer}; ${NOT_TIMED}` };
    note = webgl.renderer;
  }
  if (!(await activateBackend(backend))) return { backend, available: false, note: note ?? `tfjs could not start ${backend}` };
  if (backend === 'wasm') note = (await tf.env().getAsync('WASM_HAS_SIMD_SUPPORT')) ? 'SIMD' : 'no SIMD';
  try {
    const msPerStep = timeTrainingSteps(shape);
    // The lean loop on wasm (and cpu) runs the kernel engine where WebAssembly SIMD is there: time that.
    const kernelMs = backend === 'wasm' ? timeKernelSteps(shape, PROBE_STEPS, PROBE_BUDGET_MS) : null;
    if (kernelMs !== null) return { backend, available: true, msPerStep: kernelMs, note: `${note}; SIMD kernel, tfjs-wasm ${msPerStep.toFixed(2)} ms/step` };
    return { backend, available: true, msPerStep, ...(note ? { note } : {}) };
  } catch (error) {
    return { backend, available: false, note: `failed while probing: ${error instanceof Error ? error.message : String(error)}` };
  }
}

async function measureAndChoose(preference: TfBackendPreference, shape: ProbeShape): Promise<BackendChoice> {
  const probes: BackendProbe[] = [];
  for (const backend of CANDIDATES) {
    const start = performance.now();
    const probe = await probeBackend(backend, shape);
    probes.push({ ...probe, probeMs: Math.round(performance.now() - start) });
  }
  const choice = preference === 'auto' ? rankBackendProbes(probes) : chooseForPreference(preference, probes);
  if (!(await activateBackend(choice.backend))) await activateBackend('cpu');
  return { ...choice, backend: tf.getBackend() };
}

/**
 * Selects the tfjs backend for this worker: 'auto' probes every available backend on `shape` (≤ ~1.5 s) and
 * takes the fastest; a named one is used when it starts, else the fastest other, with the reason saying so.
 * The measurement is remembered per preference for the worker's lifetime; later calls only re-activate it.
 */
export async function selectTfBackend(preference: TfBackendPreference, shape: ProbeShape = DEFAULT_SHAPE): Promise<BackendChoice> {
  let pending = remembered.get(preference);
  if (pending === undefined) {
    pending = measureAndChoose(preference, shape);
    remembered.set(preference, pending);
  }
  const choice = await pending;
  if (tf.getBackend() !== choice.backend) await activateBackend(choice.backend);
  return choice;
}

/** tfjs memory for leak checks: backend name, live tensors, data buffers and bytes. */
export function describeTfMemory(): { backend: string; numTensors: number; numDataBuffers: number; numBytes: number } {
  const memory = tf.memory();
  return { backend: tf.getBackend(), numTensors: memory.numTensors, numDataBuffers: memory.numDataBuffers, numBytes: memory.numBytes };
}
