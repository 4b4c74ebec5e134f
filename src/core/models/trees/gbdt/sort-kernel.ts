// sort-values.ts's radix sort as WebAssembly: 64-bit keys moved as one i64, no bounds checks. Same passes,
// same result; the kernel's memory holds the values, a scratch buffer and the 2^16 digit counts.

import { I32, I64, op, type Code, type WasmFunction } from '../../../wasm/wasm-module';

/** Bytes of the digit counts (2^16 × u32) at the start of the sort's memory. */
export const COUNTS_BYTES = 4 * (1 << 16);

/** `i` from `start` to `end` by `stride` bytes (nothing when start ≥ end). */
function forEachPointer(i: number, start: Code, end: number, stride: number, body: Code[]): Code {
  return [
    ...start, ...op.set(i),
    ...op.block(
      op.get(i), op.get(end), op.geU, op.brIf(0),
      op.loop(...body, op.get(i), op.i32(stride), op.add, op.tee(i), op.get(end), op.ltU, op.brIf(0)),
    ),
  ];
}

// radix(values, scratch, m): sorts m float64 values ascending (as Float64Array.prototype.sort, −0 before +0;
// no NaN); the counts live at address 0. Order-preserving keys: flip every bit of negatives, the sign of the rest.
export const RADIX: WasmFunction = (() => {
  const [values, scratch, m, i, end, from, to, a, at, key, swap] = Array.from({ length: 11 }, (_, n) => n);
  const signBit: Code = [...op.i64(1), ...op.i64(63), ...op.i64Shl];
  const digitAddress = (shift: number): Code => [...op.i64(shift), ...op.i64ShrU, ...op.i32WrapI64, ...op.i32(0xffff), ...op.and, ...op.i32(2), ...op.shl];
  const setEnd = (base: number, bytes: number): Code => [...op.get(base), ...op.get(m), ...op.i32(bytes), ...op.mul, ...op.add, ...op.set(end)];
  const pass = (shift: number): Code => op.block(
    op.i32(COUNTS_BYTES), op.set(end), forEachPointer(i, op.i32(0), end, 4, [op.get(i), op.i32(0), op.storeI32()]),
    setEnd(from, 8),
    forEachPointer(i, op.get(from), end, 8, [
      op.get(i), op.loadI64(), digitAddress(shift), op.tee(a), op.get(a), op.loadI32(), op.i32(1), op.add, op.storeI32(),
    ]),
    // A digit every value shares moves nothing: skip the pass.
    op.get(from), op.loadI64(), digitAddress(shift), op.loadI32(), op.get(m), op.eq, op.brIf(0),
    op.i32(COUNTS_BYTES), op.set(end), op.i32(0), op.set(at),
    forEachPointer(i, op.i32(0), end, 4, [op.get(i), op.loadI32(), op.get(i), op.get(at), op.storeI32(), op.get(at), op.add, op.set(at)]),
    setEnd(from, 8),
    forEachPointer(i, op.get(from), end, 8, [
      op.get(i), op.loadI64(), op.set(key),
      op.get(key), digitAddress(shift), op.tee(a), op.loadI32(), op.tee(at), op.i32(3), op.shl, op.get(to), op.add, op.get(key), op.storeI64(),
      op.get(a), op.get(at), op.i32(1), op.add, op.storeI32(),
    ]),
    op.get(from), op.set(swap), op.get(to), op.set(from), op.get(swap), op.set(to),
  );
  return {
    name: 'radix', params: 3, locals: [I32, I32, I32, I32, I32, I32, I64, I32],
    body: [
      ...setEnd(values, 8),
      ...forEachPointer(i, op.get(values), end, 8, [
        op.get(i), op.get(i), op.loadI64(), op.tee(key), op.get(key), op.i64(63), op.i64ShrS, signBit, op.i64Or, op.i64Xor, op.storeI64(),
      ]),
      ...op.get(values), ...op.set(from), ...op.get(scratch), ...op.set(to),
      ...[0, 16, 32, 48].flatMap(pass),
      ...setEnd(from, 8),
      ...forEachPointer(i, op.get(from), end, 8, [
        op.get(i), op.get(i), op.loadI64(), op.tee(key), op.get(key), op.i64(63), op.i64ShrS, op.i64(-1), op.i64Xor, signBit, op.i64Or, op.i64Xor,
        op.storeI64(),
      ]),
      // An odd number of passes ran: the sorted keys are in scratch; copy them back.
      ...op.block(
        op.get(from), op.get(values), op.eq, op.brIf(0),
        forEachPointer(i, op.get(from), end, 8, [
          op.get(i), op.get(from), op.sub, op.get(values), op.add, op.get(i), op.loadI64(), op.storeI64(),
        ]),
      ),
    ],
  };
})();
