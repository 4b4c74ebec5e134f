// Picks the TensorFlow.js backend for this worker by measuring, not assuming: each available backend (WebGPU
// with an adapter, WebGL, WASM with SIMD, CPU) runs a short training probe shaped like the model at hand and
// the fastest wins. Runs only in a worker (Vite `?url` imports for the WASM files); remembered for its lifetime.

import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-webgpu';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import wasmPlainUrl from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm?url';
import wasmSimdUrl from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-simd.wasm?url';
import wasmThreadedUrl from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-threaded-simd.wasm?url';
import { computeLogits, createVariables, initialiseWeights, type NetworkTopology } from '../core/models/neural/network';
import { createRandom } from '../core/split/prng';
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
const CANDIDATES = ['webgpu', 'webgl', 'wasm', 'cpu'] as const;

setWasmPaths({ 'tfjs-backend-wasm.wasm': wasmPlainUrl, 'tfjs-backend-wasm-simd.wasm': wasmSimdUrl, 'tfjs-backend-wasm-threaded-simd.wasm': wasmThreadedUrl });
// Threads hang in this build (ReferenceError in the thread worker) and gave nothing on 2 cores.
tf.env().set('WASM_HAS_MULTITHREAD_SUPPORT', false);

const remembered = new Map<string, Promise<BackendChoice>>();

/** What the WebGPU adapter is, or why there is none (before tfjs tries it: it would silently move on). */
async function inspectWebGpu(): Promise<{ available: boolean; note: string }> {
  const gpu = (navigator as Navigator & { gpu?: { requestAdapter(): Promise<GpuAdapterLike | null> } }).gpu;
  if (!gpu) return { available: false, note: 'no navigator.gpu' };
  const adapter = await gpu.requestAdapter().catch(() => null);
  if (!adapter) return { available: false, note: 'no WebGPU adapter' };
  const info = adapter.info ?? {};
  const description = [info.vendor, info.architecture, info.device, info.description].filter(Boolean).join(' ');
  const software = adapter.isFallbackAdapter === true || info.isFallbackAdapter === true || isSoftwareRenderer(description);
  return { available: true, note: `${software ? 'software fallback adapter' : 'adapter'}${description ? `: ${description}` : ''}` };
}

interface GpuAdapterLike {
  isFallbackAdapter?: boolean;
  info?: { vendor?: string; architecture?: string; device?: string; description?: string; isFallbackAdapter?: boolean };
}

/** The WebGL renderer string (e.g. SwiftShader) of tfjs' context, when the driver tells it. */
function describeWebGlRenderer(): string {
  try {
    const gl = (tf.backend() as unknown as { gpgpu?: { gl?: WebGLRenderingContext } }).gpgpu?.gl;
    if (!gl) return 'WebGL';
    const ext = gl.getExtension('WEBGL_debug_renderer_info');
    const renderer = String(gl.getParameter(ext ? ext.UNMASKED_RENDERER_WEBGL : gl.RENDERER));
    return isSoftwareRenderer(renderer) ? `software renderer: ${renderer}` : renderer;
  } catch {
    return 'WebGL';
  }
}

/** Switches tfjs to `backend`; false when it could not (tfjs may have fallen back to another one). */
async function activateBackend(backend: string): Promise<boolean> {
  const ok = await tf.setBackend(backend).catch(() => false);
  return ok && tf.getBackend() === backend;
}

/** ms per Adam step on the current backend: 2 warm-up steps (shader compilation), then up to 20 timed ones. */
export function timeTrainingSteps(shape: ProbeShape = DEFAULT_SHAPE): number {
  const topology: NetworkTopology = { inputs: shape.inputs, hidden: shape.hidden, activation: 'relu', outputs: shape.outputs, output: 'softmax' };
  const random = createRandom(1);
  const net = createVariables(topology, initialiseWeights(topology, random));
  const variables = [...net.kernels, ...net.biases] as tf.Variable[];
  const optimizer = tf.train.adam(1e-3);
  const x = tf.tensor2d(Float32Array.from({ length: shape.batchSize * shape.inputs }, () => random() * 2 - 1), [shape.batchSize, shape.inputs]);
  const y = tf.tidy(() => tf.oneHot(tf.tensor1d(Int32Array.from({ length: shape.batchSize }, (_, i) => i % shape.outputs), 'int32'), shape.outputs).toFloat());
  const step = (): tf.Scalar => optimizer.minimize(() => tf.losses.softmaxCrossEntropy(y, computeLogits(x, net, 'relu')) as tf.Scalar, true, variables)!;
  try {
    tf.tidy(() => { step(); step().dataSync(); });
    const start = performance.now();
    let steps = 0;
    while (steps < PROBE_STEPS && performance.now() - start < PROBE_BUDGET_MS) {
      tf.tidy(() => { for (let i = 0; i < 4; i++) step(); step().dataSync(); });
      steps += 5;
    }
    return (performance.now() - start) / steps;
  } finally {
    tf.dispose([x, y, ...variables]);
    optimizer.dispose();
  }
}

async function probeBackend(backend: (typeof CANDIDATES)[number], shape: ProbeShape): Promise<BackendProbe> {
  let note: string | undefined;
  if (backend === 'webgpu') {
    const adapter = await inspectWebGpu();
    if (!adapter.available) return { backend, available: false, note: adapter.note };
    note = adapter.note;
  }
  if (!(await activateBackend(backend))) return { backend, available: false, note: note ?? `tfjs could not start ${backend}` };
  if (backend === 'webgl') note = describeWebGlRenderer();
  if (backend === 'wasm') note = (await tf.env().getAsync('WASM_HAS_SIMD_SUPPORT')) ? 'SIMD' : 'no SIMD';
  try {
    return { backend, available: true, msPerStep: timeTrainingSteps(shape), ...(note ? { note } : {}) };
  } catch (error) {
    return { backend, available: false, note: `failed while probing: ${error instanceof Error ? error.message : String(error)}` };
  }
}

async function measureAndChoose(preference: TfBackendPreference, shape: ProbeShape): Promise<BackendChoice> {
  const probes: BackendProbe[] = [];
  for (const backend of CANDIDATES) probes.push(await probeBackend(backend, shape));
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
