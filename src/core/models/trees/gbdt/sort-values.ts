// Ascending sort of float64 values for bin thresholds: an LSD radix sort on the bit patterns (4 passes of 16
// bits), in WebAssembly (sort-kernel.ts) or JavaScript, both faster than Float64Array.prototype.sort on
// 160,000 values. Readable form: values.sort().

import { instantiateWithMemory } from '../../../wasm/load-module';
import { compileKernel } from './kernel-code';
import { COUNTS_BYTES } from './sort-kernel';

const DIGITS = 1 << 16;

/** A sort for arrays of up to `capacity` values (no NaN): the WebAssembly kernel where available, else sortValues. */
export function createSorter(capacity: number, kind: 'wasm' | 'js' = 'wasm'): (values: Float64Array) => void {
  const kernel = kind === 'wasm' ? compileKernel() : null;
  // Without the kernel or the memory for it: the JavaScript sort below.
  const instance = kernel ? instantiateWithMemory<{ radix(values: number, scratch: number, m: number): void }>(kernel, COUNTS_BYTES + 16 * capacity) : null;
  if (instance) {
    const { memory, exports: { radix } } = instance;
    const heap = new Float64Array(memory.buffer, COUNTS_BYTES, capacity);
    return (values) => {
      heap.set(values);
      radix(COUNTS_BYTES, COUNTS_BYTES + 8 * capacity, values.length);
      values.set(heap.subarray(0, values.length));
    };
  }
  const scratch = new Float64Array(capacity);
  return (values) => sortValues(values, scratch);
}

/**
 * Sorts `values` (no NaN) ascending in place, in the order Float64Array.prototype.sort gives (−0 before +0),
 * using `scratch` (at least as long) as the second buffer. Assumes a little-endian platform, as typed arrays
 * on every browser and Node build do.
 */
export function sortValues(values: Float64Array, scratch: Float64Array): void {
  const m = values.length;
  let from = new Uint32Array(values.buffer, values.byteOffset, 2 * m);
  let to = new Uint32Array(scratch.buffer, scratch.byteOffset, 2 * m);
  // Order-preserving keys: flip every bit of negatives, only the sign bit of the rest.
  for (let i = 0; i < m; i++) {
    const hi = from[2 * i + 1];
    if (hi >>> 31) {
      from[2 * i] = ~from[2 * i];
      from[2 * i + 1] = ~hi;
    } else {
      from[2 * i + 1] = hi | 0x80000000;
    }
  }
  const counts = new Uint32Array(DIGITS);
  for (let pass = 0; pass < 4; pass++) {
    const word = pass >> 1;
    const shift = (pass & 1) * 16;
    counts.fill(0);
    for (let i = 0; i < m; i++) counts[(from[2 * i + word] >>> shift) & 0xffff]++;
    // A digit every value shares moves nothing: skip the pass.
    if (counts[(from[word] >>> shift) & 0xffff] === m) continue;
    let sum = 0;
    for (let d = 0; d < DIGITS; d++) {
      const c = counts[d];
      counts[d] = sum;
      sum += c;
    }
    for (let i = 0; i < m; i++) {
      const at = counts[(from[2 * i + word] >>> shift) & 0xffff]++;
      to[2 * at] = from[2 * i];
      to[2 * at + 1] = from[2 * i + 1];
    }
    [from, to] = [to, from];
  }
  for (let i = 0; i < m; i++) {
    const hi = from[2 * i + 1];
    if (hi >>> 31) {
      from[2 * i + 1] = hi & 0x7fffffff;
    } else {
      from[2 * i] = ~from[2 * i];
      from[2 * i + 1] = ~hi;
    }
  }
  if (from.buffer !== values.buffer || from.byteOffset !== values.byteOffset) values.set(new Float64Array(from.buffer, from.byteOffset, m));
}
