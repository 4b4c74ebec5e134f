// Brute-force kNN's screening pass as WebAssembly SIMD over float32 copies of the rows: four query rows × two
// training rows at a time, four features per f32x4 step (twice the f64x2 kernel's lanes), and a filter in the
// kernel: only a pair of rows where some query's approximate distance is within that query's threshold is written
// out. The caller measures those rows again exactly (f64, measureReduced), so results never depend on f32.

import { createModuleLoader } from '../../wasm/load-module';
import { assembleModule, I32, op, V128, type Code, type WasmFunction } from '../../wasm/wasm-module';

// f32x4 and v128 instructions wasm-module's table does not carry (only the f64 kernels have needed it so far).
const F32X4_ADD: Code = [0xfd, 0xe4, 0x01];
const F32X4_SUB: Code = [0xfd, 0xe5, 0x01];
const F32X4_MUL: Code = [0xfd, 0xe6, 0x01];
const F32X4_ABS: Code = [0xfd, 0xe0, 0x01];
const F32X4_LE: Code = [0xfd, 0x45];
const V128_OR: Code = [0xfd, 0x50];
const V128_ANY_TRUE: Code = [0xfd, 0x53];

/** i8x16.shuffle picking 4-byte lanes (a's 0–3, b's 4–7). */
const shuffleLanes = (lanes: number[]): Code => op.i8x16Shuffle(lanes.flatMap((lane) => [0, 1, 2, 3].map((b) => 4 * lane + b)));

/** [Σa, Σb, Σc, Σd] of four f32x4 locals (pairwise lane sums through two shuffle rounds). */
function sumLanes(a: number, b: number, c: number, d: number): Code {
  const halves = (x: number, y: number): Code => [...op.get(x), ...op.get(y), ...shuffleLanes([0, 1, 4, 5]), ...op.get(x), ...op.get(y), ...shuffleLanes([2, 3, 6, 7]), ...F32X4_ADD];
  // On the stack: [a0+a2, a1+a3, b0+b2, b1+b3] and the same for c, d; then odd and even lanes added.
  return [...halves(a, b), ...op.set(SCRATCH), ...halves(c, d), ...op.set(SCRATCH + 1),
    ...op.get(SCRATCH), ...op.get(SCRATCH + 1), ...shuffleLanes([0, 2, 4, 6]), ...op.get(SCRATCH), ...op.get(SCRATCH + 1), ...shuffleLanes([1, 3, 5, 7]), ...F32X4_ADD];
}

// Locals: 7 i32 parameters, 5 i32 locals, then v128s.
const [Q0, TRAIN, GROUPS, STRIDE, OUT, THRESHOLDS, CANDIDATES, J, Q1, Q2, Q3, T1, COUNT, G] = Array.from({ length: 14 }, (_, i) => i);
const [X0, X1, X2, X3, Y, D, TH, R0, R1] = Array.from({ length: 9 }, (_, i) => 14 + i);
const SUMS = Array.from({ length: 8 }, (_, i) => 23 + i);
const SCRATCH = 31;

/**
 * name(queries, train, groups, stride, out, thresholds, candidates) → count: four f32 query rows from byte `queries`
 * against `groups` pairs of f32 training rows from byte `train`, rows `stride` bytes apart (a multiple of 16).
 * For every pair where some query's distance (squared for Euclidean) is ≤ its threshold (4 f32 at `thresholds`),
 * writes the pair's index g as i32 at `candidates` + 4·count and its 8 distances at `out` + 32·count (row 2g for
 * queries 0–3, then row 2g + 1), and counts it. groups ≥ 1.
 */
function screenKernel(name: 'squared' | 'manhattan'): WasmFunction {
  const queries = [Q0, Q1, Q2, Q3];
  const xs = [X0, X1, X2, X3];
  const add = (x: number, sum: number): Code => name === 'manhattan'
    ? [...op.get(sum), ...op.get(x), ...op.get(Y), ...F32X4_SUB, ...F32X4_ABS, ...F32X4_ADD, ...op.set(sum)]
    : [...op.get(sum), ...op.get(x), ...op.get(Y), ...F32X4_SUB, ...op.tee(D), ...op.get(D), ...F32X4_MUL, ...F32X4_ADD, ...op.set(sum)];
  const load = (base: number, into: number): Code => [...op.get(base), ...op.get(J), ...op.add, ...op.loadV128(), ...op.set(into)];
  const row = (base: number, r: number): Code => [...load(base, Y), ...xs.flatMap((x, q) => add(x, SUMS[2 * q + r]))];
  const passes = (r: number): Code => [...op.get(r), ...op.get(TH), ...F32X4_LE];
  return {
    name, params: 7, results: 1, locals: [...new Array<typeof I32>(7).fill(I32), ...new Array<typeof V128>(19).fill(V128)],
    body: [
      ...op.get(Q0), ...op.get(STRIDE), ...op.add, ...op.tee(Q1), ...op.get(STRIDE), ...op.add, ...op.tee(Q2), ...op.get(STRIDE), ...op.add, ...op.set(Q3),
      ...op.get(THRESHOLDS), ...op.loadV128(), ...op.set(TH),
      ...op.loop(
        ...SUMS.map((sum) => [...op.f64x2Zero, ...op.set(sum)]),
        op.get(TRAIN), op.get(STRIDE), op.add, op.set(T1),
        op.i32(0), op.set(J),
        op.loop(
          ...queries.map((q, i) => load(q, xs[i])),
          row(TRAIN, 0), row(T1, 1),
          op.get(J), op.i32(16), op.add, op.tee(J), op.get(STRIDE), op.ltU, op.brIf(0),
        ),
        sumLanes(SUMS[0], SUMS[2], SUMS[4], SUMS[6]), op.set(R0),
        sumLanes(SUMS[1], SUMS[3], SUMS[5], SUMS[7]), op.set(R1),
        passes(R0), passes(R1), V128_OR, V128_ANY_TRUE,
        op.ifThen(
          op.get(CANDIDATES), op.get(COUNT), op.i32(2), op.shl, op.add, op.get(G), op.storeI32(),
          op.get(OUT), op.get(COUNT), op.i32(5), op.shl, op.add, op.get(R0), op.storeV128(),
          op.get(OUT), op.get(COUNT), op.i32(5), op.shl, op.add, op.get(R1), op.storeV128(16),
          op.get(COUNT), op.i32(1), op.add, op.set(COUNT),
        ),
        op.get(T1), op.get(STRIDE), op.add, op.set(TRAIN),
        op.get(G), op.i32(1), op.add, op.tee(G), op.get(GROUPS), op.ltU, op.brIf(0),
      ),
      ...op.get(COUNT),
    ],
  };
}

/** The module's exports: both screens over the imported memory. */
export interface ScreenKernels {
  squared(queries: number, train: number, groups: number, stride: number, out: number, thresholds: number, candidates: number): number;
  manhattan(queries: number, train: number, groups: number, stride: number, out: number, thresholds: number, candidates: number): number;
}

const SCREEN_KERNEL_BYTES = assembleModule([screenKernel('squared'), screenKernel('manhattan')]);

/** The compiled module, once per thread; null where WebAssembly SIMD is unavailable. */
export const compileScreenKernel = createModuleLoader(SCREEN_KERNEL_BYTES);
