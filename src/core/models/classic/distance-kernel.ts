// Brute-force kNN's hot loop as WebAssembly SIMD (assembled by the boosting kernels' wasm-module.ts, no
// toolchain): four query rows × two training rows at a time, two features per f64x2 step, eight running sums in
// registers and no bounds checks (a JavaScript 4 × 4 tile ran ~2.5× slower; 4 × 2 measured ~1.3× faster than 2 × 4).
// Lane 0 sums the even features and lane 1 the odd ones, added at the end: the order measureReduced follows, so
// every path gives bit-identical distances.

import { createModuleLoader } from '../../wasm/load-module';
import { assembleModule, I32, op, V128, type Code, type WasmFunction } from '../../wasm/wasm-module';

/** f64x2.abs (not in wasm-module's table, which only the boosting kernels have needed so far). */
const F64X2_ABS: Code = [0xfd, 0xec, 0x01];

/**
 * name(queries, train, groups, stride, out): four query rows from byte `queries` and `groups` pairs of training
 * rows from byte `train`, all rows `stride` bytes apart (a whole number of f64x2); writes 8 f64 per pair at
 * `out`, query-major: q0·r0, q0·r1, q1·r0, q1·r1, …, q3·r1. groups ≥ 1.
 */
function distanceKernel(name: 'squared' | 'manhattan'): WasmFunction {
  const [q0, train, groups, stride, out, j, q1, q2, q3, t1, x0, x1, x2, x3, y, d] = Array.from({ length: 16 }, (_, i) => i);
  const sums = Array.from({ length: 8 }, (_, i) => 16 + i);
  const queries = [q0, q1, q2, q3];
  const xs = [x0, x1, x2, x3];
  const add = (x: number, sum: number): Code => name === 'manhattan'
    ? [...op.get(sum), ...op.get(x), ...op.get(y), ...op.f64x2Sub, ...F64X2_ABS, ...op.f64x2Add, ...op.set(sum)]
    : [...op.get(sum), ...op.get(x), ...op.get(y), ...op.f64x2Sub, ...op.tee(d), ...op.get(d), ...op.f64x2Mul, ...op.f64x2Add, ...op.set(sum)];
  const load = (base: number, into: number): Code => [...op.get(base), ...op.get(j), ...op.add, ...op.loadV128(), ...op.set(into)];
  const row = (base: number, r: number): Code => [...load(base, y), ...xs.flatMap((x, q) => add(x, sums[2 * q + r]))];
  const store = (sum: number, offset: number): Code => [...op.get(out), ...op.get(sum), ...op.f64x2Lane(0), ...op.get(sum), ...op.f64x2Lane(1), ...op.f64Add, ...op.storeF64(offset)];
  return {
    name, params: 5, locals: [I32, I32, I32, I32, I32, ...new Array<typeof V128>(6 + sums.length).fill(V128)],
    body: [
      ...op.get(q0), ...op.get(stride), ...op.add, ...op.tee(q1), ...op.get(stride), ...op.add, ...op.tee(q2), ...op.get(stride), ...op.add, ...op.set(q3),
      ...op.loop(
        ...sums.map((sum) => [...op.f64x2Zero, ...op.set(sum)]),
        op.get(train), op.get(stride), op.add, op.set(t1),
        op.i32(0), op.set(j),
        op.loop(
          ...queries.map((q, i) => load(q, xs[i])),
          row(train, 0), row(t1, 1),
          op.get(j), op.i32(16), op.add, op.tee(j), op.get(stride), op.ltU, op.brIf(0),
        ),
        ...sums.map((sum, i) => store(sum, 8 * i)),
        op.get(out), op.i32(64), op.add, op.set(out),
        op.get(t1), op.get(stride), op.add, op.set(train),
        op.get(groups), op.i32(1), op.sub, op.tee(groups), op.brIf(0),
      ),
    ],
  };
}

/** The module's exports: both kernels over the imported memory. */
export interface DistanceKernels {
  squared(queries: number, train: number, groups: number, stride: number, out: number): void;
  manhattan(queries: number, train: number, groups: number, stride: number, out: number): void;
}

/** The kernel module's bytes. */
const DISTANCE_KERNEL_BYTES = assembleModule([distanceKernel('squared'), distanceKernel('manhattan')]);

/** The compiled module, once per thread; null where WebAssembly SIMD is unavailable. */
export const compileDistanceKernel = createModuleLoader(DISTANCE_KERNEL_BYTES);
