// The dense layer's matrix product as WebAssembly SIMD (f32x4, assembled by wasm-module.ts, no toolchain), for
// the neural network's CPU path: C = A·B + bias, optionally through ReLU, four (or one) rows of A × eight columns
// of B at a time with eight running sums in registers (XNNPACK's "load-splat" shape). A is addressed by strides,
// so Aᵀ·B (the weight gradient) needs no transposed copy.

import { createModuleLoader } from './load-module';
import { assembleModule, I32, op, V128, type Code, type WasmFunction } from './wasm-module';

/** f32 SIMD instructions (wasm-module's table has the f64 ones only). */
const f32 = {
  load32Splat: (offset = 0): Code => [0xfd, 0x09, 2, offset],
  add: [0xfd, 0xe4, 0x01] as Code,
  mul: [0xfd, 0xe6, 0x01] as Code,
  max: [0xfd, 0xe9, 0x01] as Code,
  gt: [0xfd, 0x44] as Code,
  and: [0xfd, 0x4e] as Code,
  sub: [0xfd, 0xe5, 0x01] as Code,
  div: [0xfd, 0xe7, 0x01] as Code,
  sqrt: [0xfd, 0xe3, 0x01] as Code,
  /** `value` rounded to float32 in all four lanes (f32.const + splat). */
  splatConst: (value: number): Code => [0x43, ...new Uint8Array(Float32Array.of(value).buffer), 0xfd, 0x13],
  /** The f64 on the stack rounded to float32 in all four lanes. */
  splatF64: [0xb6, 0xfd, 0x13] as Code,
  zero: op.f64x2Zero, // all-zero bits are 0.0f in every lane too
};

/**
 * name(a, b, c, bias, rows, k, m8, m, aRow, aCol, relu): for rows 0 … rows − 1 (a multiple of `height`) and
 * columns 0 … m8 − 1 (a multiple of 8), c[r][j] = bias[j] + Σₖ A(r, k)·b[k][j], then max(·, 0) when relu ≠ 0.
 * A(r, k) sits at byte a + r·aRow + k·aCol; b and c are row-major with m floats per row; all pointers in bytes.
 */
function multiplyKernel(name: string, height: 1 | 4): WasmFunction {
  const [a, b, c, bias, rows, k, m8, m, aRow, aCol, relu, r, j, kk, pa, pb, stride, pc] = Array.from({ length: 18 }, (_, i) => i);
  const offsets = Array.from({ length: height - 1 }, (_, i) => 18 + i); // byte offsets of rows 1 … height − 1 from row 0
  const vector = 18 + offsets.length;
  const [b0, b1, splat] = [vector, vector + 1, vector + 2];
  const sums = Array.from({ length: height }, (_, i) => [vector + 3 + 2 * i, vector + 4 + 2 * i]);
  const accumulate = (sum: number, column: number): Code => [...op.get(sum), ...op.get(splat), ...op.get(column), ...f32.mul, ...f32.add, ...op.set(sum)];
  const row = (i: number): Code => [
    ...op.get(pa), ...(i > 0 ? [...op.get(offsets[i - 1]), ...op.add] : []), ...f32.load32Splat(), ...op.set(splat),
    ...accumulate(sums[i][0], b0), ...accumulate(sums[i][1], b1),
  ];
  const clamp = (sum: number): Code => [...op.get(sum), ...f32.zero, ...f32.max, ...op.set(sum)];
  return {
    name, params: 11, locals: [...new Array<typeof I32>(7 + offsets.length).fill(I32), ...new Array<typeof V128>(3 + 2 * height).fill(V128)],
    body: [
      ...op.get(m), ...op.i32(2), ...op.shl, ...op.set(stride),
      ...offsets.flatMap((offset, i) => [...op.get(aRow), ...op.i32(i + 1), ...op.mul, ...op.set(offset)]),
      ...op.i32(0), ...op.set(r),
      ...op.block(op.loop(
        op.get(r), op.get(rows), op.geU, op.brIf(1),
        op.i32(0), op.set(j),
        op.block(op.loop(
          op.get(j), op.get(m8), op.geU, op.brIf(1),
          ...sums.flat().map((sum, s) => [...op.get(bias), ...op.get(j), ...op.i32(2), ...op.shl, ...op.add, ...op.loadV128(16 * (s % 2)), ...op.set(sum)]),
          op.get(a), op.get(r), op.get(aRow), op.mul, op.add, op.set(pa),
          op.get(b), op.get(j), op.i32(2), op.shl, op.add, op.set(pb),
          op.get(k), op.set(kk),
          op.block(op.loop(
            op.get(kk), op.eqz, op.brIf(1),
            op.get(pb), op.loadV128(0), op.set(b0),
            op.get(pb), op.loadV128(16), op.set(b1),
            ...Array.from({ length: height }, (_, i) => row(i)),
            op.get(pa), op.get(aCol), op.add, op.set(pa),
            op.get(pb), op.get(stride), op.add, op.set(pb),
            op.get(kk), op.i32(1), op.sub, op.set(kk),
            op.br(0),
          )),
          op.get(relu), op.ifThen(...sums.flat().map(clamp)),
          op.get(c), op.get(r), op.get(stride), op.mul, op.add, op.get(j), op.i32(2), op.shl, op.add, op.set(pc),
          ...sums.map(([low, high]) => [...op.get(pc), ...op.get(low), ...op.storeV128(0), ...op.get(pc), ...op.get(high), ...op.storeV128(16), ...op.get(pc), ...op.get(stride), ...op.add, ...op.set(pc)]),
          op.get(j), op.i32(8), op.add, op.set(j),
          op.br(0),
        )),
        op.get(r), op.i32(height), op.add, op.set(r),
        op.br(0),
      )),
    ],
  };
}

/** reluBackward(dz, dh, h, count): dz[i] = h[i] > 0 ? dh[i] : 0 for `count` floats (a multiple of 4, ≥ 4); pointers in bytes. */
function reluBackwardKernel(): WasmFunction {
  const [dz, dh, h, count, end] = [0, 1, 2, 3, 4];
  return {
    name: 'reluBackward', params: 4, locals: [I32],
    body: [
      ...op.get(dz), ...op.get(count), ...op.i32(2), ...op.shl, ...op.add, ...op.set(end),
      ...op.loop(
        op.get(dz), op.get(dh), op.loadV128(), op.get(h), op.loadV128(), f32.zero, f32.gt, f32.and, op.storeV128(),
        op.get(dh), op.i32(16), op.add, op.set(dh),
        op.get(h), op.i32(16), op.add, op.set(h),
        op.get(dz), op.i32(16), op.add, op.tee(dz), op.get(end), op.ltU, op.brIf(0),
      ),
    ],
  };
}

/**
 * adam(theta, gradient, first, second, count, rate): tf.train.adam's update in float32, as flat-optimizer.ts:
 * m = 0.9·m + 0.1·g, v = 0.999·v + 0.001·g², θ −= rate · m / (√v + 1e-7), over `count` floats (a multiple of 4,
 * ≥ 4); `rate` is the bias-corrected step (f64, rounded to float32). Pointers in bytes.
 */
function adamKernel(): WasmFunction {
  const [theta, gradient, first, second, count, rate, end, g, m, v, step] = Array.from({ length: 11 }, (_, i) => i);
  const advance = (pointer: number): Code => [...op.get(pointer), ...op.i32(16), ...op.add, ...op.set(pointer)];
  return {
    name: 'adam', params: 5, f64Params: 1, locals: [I32, V128, V128, V128, V128],
    body: [
      ...op.get(rate), ...f32.splatF64, ...op.set(step),
      ...op.get(theta), ...op.get(count), ...op.i32(2), ...op.shl, ...op.add, ...op.set(end),
      ...op.loop(
        op.get(gradient), op.loadV128(), op.set(g),
        op.get(first), op.get(first), op.loadV128(), f32.splatConst(0.9), f32.mul, op.get(g), f32.splatConst(0.1), f32.mul, f32.add, op.tee(m), op.storeV128(),
        op.get(second), op.get(second), op.loadV128(), f32.splatConst(0.999), f32.mul, op.get(g), op.get(g), f32.mul, f32.splatConst(0.001), f32.mul, f32.add, op.tee(v), op.storeV128(),
        op.get(theta), op.get(theta), op.loadV128(), op.get(m), op.get(v), f32.sqrt, f32.splatConst(1e-7), f32.add, f32.div, op.get(step), f32.mul, f32.sub, op.storeV128(),
        advance(gradient), advance(first), advance(second),
        op.get(theta), op.i32(16), op.add, op.tee(theta), op.get(end), op.ltU, op.brIf(0),
      ),
    ],
  };
}

/** The module's exports over the imported memory (see multiplyKernel, reluBackwardKernel and adamKernel for the arguments). */
export interface DenseKernels {
  reluBackward(dz: number, dh: number, h: number, count: number): void;
  adam(theta: number, gradient: number, first: number, second: number, count: number, rate: number): void;
  multiply4(a: number, b: number, c: number, bias: number, rows: number, k: number, m8: number, m: number, aRow: number, aCol: number, relu: number): void;
  multiply1(a: number, b: number, c: number, bias: number, rows: number, k: number, m8: number, m: number, aRow: number, aCol: number, relu: number): void;
}

const DENSE_KERNEL_BYTES = assembleModule([multiplyKernel('multiply4', 4), multiplyKernel('multiply1', 1), reluBackwardKernel(), adamKernel()]);

/** The compiled module, once per thread; null where WebAssembly SIMD is unavailable. */
export const compileDenseKernel = createModuleLoader(DENSE_KERNEL_BYTES);
