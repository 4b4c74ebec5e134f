// A tiny WebAssembly binary writer: just enough (i32 functions over one imported memory, SIMD loads/stores) to
// assemble our kernels (gradient boosting's histograms, kNN's distances) from readable instruction lists, with no
// toolchain and no binary in the repo.

/** Bytes of an instruction sequence. */
export type Code = number[];

/**
 * One exported function: `params` i32 parameters then `f64Params` f64 ones, i32 results, extra locals by type,
 * its body (without the final `end`).
 */
export interface WasmFunction {
  name: string;
  params: number;
  f64Params?: number;
  results?: number;
  locals: ValueType[];
  body: Code;
}

/** Value types as their binary codes. */
export const I32 = 0x7f;
export const I64 = 0x7e;
export const F64 = 0x7c;
export const V128 = 0x7b;
type ValueType = typeof I32 | typeof I64 | typeof F64 | typeof V128;

/** Unsigned LEB128. */
export function encodeUnsigned(value: number): Code {
  const out: Code = [];
  do {
    let byte = value & 0x7f;
    value >>>= 7;
    if (value !== 0) byte |= 0x80;
    out.push(byte);
  } while (value !== 0);
  return out;
}

/** Signed LEB128 of an i32 (also a valid i64 immediate). */
export function encodeSigned(value: number): Code {
  const out: Code = [];
  for (;;) {
    const byte = value & 0x7f;
    value >>= 7;
    if ((value === 0 && (byte & 0x40) === 0) || (value === -1 && (byte & 0x40) !== 0)) return [...out, byte];
    out.push(byte | 0x80);
  }
}

function encodeF64(value: number): Code {
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, value, true);
  return [...new Uint8Array(view.buffer)];
}

function encodeI64(value: number): Code {
  const view = new DataView(new ArrayBuffer(8));
  view.setBigInt64(0, BigInt(value), true);
  return [...new Uint8Array(view.buffer)];
}

const encodeName = (name: string): Code => [...encodeUnsigned(name.length), ...Array.from(name, (c) => c.charCodeAt(0))];
const encodeVector = (items: Code[]): Code => [...encodeUnsigned(items.length), ...items.flat()];
const encodeSection = (id: number, content: Code): Code => [id, ...encodeUnsigned(content.length), ...content];

/** The instructions the kernels use (memory offsets in bytes; alignment hints are only hints). */
export const op = {
  get: (local: number): Code => [0x20, ...encodeUnsigned(local)],
  set: (local: number): Code => [0x21, ...encodeUnsigned(local)],
  tee: (local: number): Code => [0x22, ...encodeUnsigned(local)],
  i32: (value: number): Code => [0x41, ...encodeSigned(value)],
  f64One: [0x44, 0, 0, 0, 0, 0, 0, 0xf0, 0x3f] as Code,
  add: [0x6a] as Code,
  sub: [0x6b] as Code,
  mul: [0x6c] as Code,
  xor: [0x73] as Code,
  shl: [0x74] as Code,
  shrU: [0x76] as Code,
  geU: [0x4f] as Code,
  ltU: [0x49] as Code,
  gtU: [0x4b] as Code,
  f64Add: [0xa0] as Code,
  and: [0x71] as Code,
  eq: [0x46] as Code,
  i64: (value: number): Code => [0x42, ...encodeSigned(value)],
  geS: [0x4e] as Code,
  ltS: [0x48] as Code,
  f64Lt: [0x63] as Code,
  f64Gt: [0x64] as Code,
  f64Sub: [0xa1] as Code,
  storeI32At: (offset: number): Code => [0x36, 2, ...encodeUnsigned(offset)],
  f64x2Splat: [0xfd, 0x14] as Code,
  f64x2Lane: (lane: number): Code => [0xfd, 0x21, lane],
  f64x2ReplaceLane: (lane: number): Code => [0xfd, 0x22, lane],
  f64Zero: [0x44, 0, 0, 0, 0, 0, 0, 0, 0] as Code,
  eqz: [0x45] as Code,
  f64x2Zero: [0xfd, 0x0c, ...new Array(16).fill(0)] as Code,
  ifThen: (...body: Code[]): Code => [0x04, 0x40, ...body.flat(), 0x0b],
  br: (depth: number): Code => [0x0c, ...encodeUnsigned(depth)],
  i64Xor: [0x85] as Code,
  i64Or: [0x84] as Code,
  i64Shl: [0x86] as Code,
  i64ShrS: [0x87] as Code,
  i64ShrU: [0x88] as Code,
  i32WrapI64: [0xa7] as Code,
  loadI64: (offset = 0): Code => [0x29, 3, ...encodeUnsigned(offset)],
  storeI64: (offset = 0): Code => [0x37, 3, ...encodeUnsigned(offset)],
  loadU8: (offset = 0): Code => [0x2d, 0, ...encodeUnsigned(offset)],
  loadI32: (offset = 0): Code => [0x28, 2, ...encodeUnsigned(offset)],
  loadF64: (offset = 0): Code => [0x2b, 3, ...encodeUnsigned(offset)],
  storeF64: (offset = 0): Code => [0x39, 3, ...encodeUnsigned(offset)],
  storeI32: (offset = 0): Code => [0x36, 2, ...encodeUnsigned(offset)],
  loadV128: (offset = 0): Code => [0xfd, 0x00, 3, ...encodeUnsigned(offset)],
  storeV128: (offset = 0): Code => [0xfd, 0x0b, 3, ...encodeUnsigned(offset)],
  f64x2Add: [0xfd, 0xf0, 0x01] as Code,
  f64x2Sub: [0xfd, 0xf1, 0x01] as Code,
  f64x2Mul: [0xfd, 0xf2, 0x01] as Code,
  f64x2Div: [0xfd, 0xf3, 0x01] as Code,
  f64x2Neg: [0xfd, 0xed, 0x01] as Code,
  /** Pseudo-min/max (b < a ? b : a, a < b ? b : a): one instruction each on x64, unlike IEEE min/max. */
  f64x2Pmin: [0xfd, 0xf6, 0x01] as Code,
  f64x2Pmax: [0xfd, 0xf7, 0x01] as Code,
  f64x2Nearest: [0xfd, 0x94, 0x01] as Code,
  i32x4TruncSatF64x2Zero: [0xfd, 0xfc, 0x01] as Code,
  i64x2ExtendLowI32x4: [0xfd, 0xc7, 0x01] as Code,
  i64x2Add: [0xfd, 0xce, 0x01] as Code,
  i64x2Shl: [0xfd, 0xcb, 0x01] as Code,
  /** `value` in both f64 lanes (as f64.const + splat: 11 bytes instead of v128.const's 18). */
  f64x2Const: (value: number): Code => [0x44, ...encodeF64(value), 0xfd, 0x14],
  /** A v128 constant holding `value` in both i64 lanes (|value| < 2^31). */
  i64x2Const: (value: number): Code => [0xfd, 0x0c, ...encodeI64(value), ...encodeI64(value)],
  /** Bytes of a and b (b's numbered 16 … 31) picked by the 16 lane indices. */
  i8x16Shuffle: (lanes: number[]): Code => [0xfd, 0x0d, ...lanes],
  block: (...body: Code[]): Code => [0x02, 0x40, ...body.flat(), 0x0b],
  loop: (...body: Code[]): Code => [0x03, 0x40, ...body.flat(), 0x0b],
  brIf: (depth: number): Code => [0x0d, ...encodeUnsigned(depth)],
};

/**
 * A module importing `env.memory` and exporting the given functions; with `sharedMaxPages` the memory it imports
 * is a shared one (threads) with that maximum, which only such a memory satisfies.
 */
export function assembleModule(functions: WasmFunction[], sharedMaxPages?: number): Uint8Array<ArrayBuffer> {
  const i32s = (count: number): Code => encodeVector(Array.from({ length: count }, () => [I32]));
  const params = (fn: WasmFunction): Code => encodeVector([...Array.from({ length: fn.params }, () => [I32]), ...Array.from({ length: fn.f64Params ?? 0 }, () => [F64])]);
  const types = functions.map((fn) => [0x60, ...params(fn), ...i32s(fn.results ?? 0)]);
  // Memory limits: flags 0 (minimum 1 page) or 3 (shared, minimum 1, maximum).
  const limits = sharedMaxPages === undefined ? [0x00, 0x01] : [0x03, 0x01, ...encodeUnsigned(sharedMaxPages)];
  const imports = [[...encodeName('env'), ...encodeName('memory'), 0x02, ...limits]];
  const declared = functions.map((_, i) => encodeUnsigned(i));
  const exports = functions.map((fn, i) => [...encodeName(fn.name), 0x00, ...encodeUnsigned(i)]);
  const bodies = functions.map((fn) => {
    const locals = encodeVector(fn.locals.map((type) => [0x01, type]));
    const content = [...locals, ...fn.body, 0x0b];
    return [...encodeUnsigned(content.length), ...content];
  });
  return Uint8Array.from([
    0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00,
    ...encodeSection(1, encodeVector(types)),
    ...encodeSection(2, encodeVector(imports)),
    ...encodeSection(3, encodeVector(declared)),
    ...encodeSection(7, encodeVector(exports)),
    ...encodeSection(10, encodeVector(bodies)),
  ]);
}
