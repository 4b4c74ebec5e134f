// Brute-force kNN's hot loop as WebAssembly SIMD (assembled by the boosting kernels' wasm-module.ts, no
// toolchain): two query rows × four training rows at a time, two features per f64x2 step, eight running sums
// in registers and no bounds checks (≈ 2× the JavaScript 4 × 4 tile). Lane 0 sums the even features and lane 1
// the odd ones, added at the end: the order measureReduced follows, so every path gives bit-identical distances.

import { assembleModule, I32, op, V128, type Code, type WasmFunction } from '../trees/gbdt/wasm-module';

/** f64x2.abs (not in wasm-module's table, which only the boosting kernels have needed so far). */
const F64X2_ABS: Code = [0xfd, 0xec, 0x01];

/**
 * name(qa, qb, train, groups, stride, out): for each of `groups` groups of four training rows from byte `train`
 * (rows `stride` bytes apart, a whole number of f64x2), the reduced distances to query rows at bytes qa and qb,
 * written as 8 f64 per group at `out`: qa to rows 0–3, then qb to rows 0–3. groups ≥ 1.
 */
function distanceKernel(name: 'squared' | 'manhattan'): WasmFunction {
  const [qa, qb, train, groups, stride, out, j, t1, t2, t3, xa, xb, y, d, a0, a1, a2, a3, b0, b1, b2, b3] = Array.from({ length: 22 }, (_, i) => i);
  const add = (x: number, sum: number): Code => name === 'manhattan'
    ? [...op.get(sum), ...op.get(x), ...op.get(y), ...op.f64x2Sub, ...F64X2_ABS, ...op.f64x2Add, ...op.set(sum)]
    : [...op.get(sum), ...op.get(x), ...op.get(y), ...op.f64x2Sub, ...op.tee(d), ...op.get(d), ...op.f64x2Mul, ...op.f64x2Add, ...op.set(sum)];
  const row = (base: number, sumA: number, sumB: number): Code => [...op.get(base), ...op.get(j), ...op.add, ...op.loadV128(), ...op.set(y), ...add(xa, sumA), ...add(xb, sumB)];
  const store = (sum: number, offset: number): Code => [...op.get(out), ...op.get(sum), ...op.f64x2Lane(0), ...op.get(sum), ...op.f64x2Lane(1), ...op.f64Add, ...op.storeF64(offset)];
  const sums = [a0, a1, a2, a3, b0, b1, b2, b3];
  return {
    name, params: 6, locals: [I32, I32, I32, I32, ...new Array<typeof V128>(4 + sums.length).fill(V128)],
    body: op.loop(
      ...sums.map((sum) => [...op.f64x2Zero, ...op.set(sum)]),
      op.get(train), op.get(stride), op.add, op.tee(t1), op.get(stride), op.add, op.tee(t2), op.get(stride), op.add, op.set(t3),
      op.i32(0), op.set(j),
      op.loop(
        op.get(qa), op.get(j), op.add, op.loadV128(), op.set(xa),
        op.get(qb), op.get(j), op.add, op.loadV128(), op.set(xb),
        row(train, a0, b0), row(t1, a1, b1), row(t2, a2, b2), row(t3, a3, b3),
        op.get(j), op.i32(16), op.add, op.tee(j), op.get(stride), op.ltU, op.brIf(0),
      ),
      ...sums.map((sum, i) => store(sum, 8 * i)),
      op.get(out), op.i32(64), op.add, op.set(out),
      op.get(t3), op.get(stride), op.add, op.set(train),
      op.get(groups), op.i32(1), op.sub, op.tee(groups), op.brIf(0),
    ),
  };
}

/** The module's exports: both kernels over the imported memory. */
export interface DistanceKernels {
  squared(qa: number, qb: number, train: number, groups: number, stride: number, out: number): void;
  manhattan(qa: number, qb: number, train: number, groups: number, stride: number, out: number): void;
}

/** The kernel module's bytes. */
export const DISTANCE_KERNEL_BYTES = assembleModule([distanceKernel('squared'), distanceKernel('manhattan')]);

let compiled: WebAssembly.Module | null | undefined;

/** The compiled module, once per thread; null where WebAssembly SIMD is unavailable. */
export function compileDistanceKernel(): WebAssembly.Module | null {
  if (compiled === undefined) {
    try {
      compiled = typeof WebAssembly === 'object' && WebAssembly.validate(DISTANCE_KERNEL_BYTES) ? new WebAssembly.Module(DISTANCE_KERNEL_BYTES) : null;
    } catch {
      compiled = null;
    }
  }
  return compiled;
}
