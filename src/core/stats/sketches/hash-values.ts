// 64-bit hashes (two 32-bit halves) of numbers and UTF-8 byte runs, for HyperLogLog. Equal values hash equal:
// −0 as 0; every NaN is skipped by the callers (missing). All arithmetic stays in int32 (`| 0`): uint32 results
// (`>>> 0`) are not small integers to V8, and Chromium deoptimized these functions ~170 times per 10 MB.

const float = new Float64Array(1);
const words = new Int32Array(float.buffer);

/** MurmurHash3's 32-bit finaliser, as an int32. */
function mix(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return (h ^ (h >>> 16)) | 0;
}

/** Calls `emit(high, low)` (int32s) with the hash of `x`'s float64 bits. */
export function hashNumber(x: number, emit: (high: number, low: number) => void): void {
  float[0] = x === 0 ? 0 : x;
  const a = mix(words[0] ^ 0x1e3779b9);
  const b = mix(((words[1] ^ a) + 0x7f4a7c15) | 0);
  emit(mix(a ^ Math.imul(b, 0x4c9e2d51)), mix(b ^ Math.imul(a, 0x1b873593) ^ 0x5bd1e995));
}

/** Calls `emit(high, low)` (int32s) with the hash of bytes[from, to): two FNV-1a streams with different bases, finalised. */
export function hashBytes(bytes: Uint8Array, from: number, to: number, emit: (high: number, low: number) => void): void {
  let h = 0x011c9dc5;
  let g = 0x01000193 ^ 0x6a09e667;
  for (let i = from; i < to; i++) {
    h = Math.imul(h ^ bytes[i], 0x01000193);
    g = Math.imul(g ^ bytes[i], 0x010001b3);
  }
  const high = mix(h ^ (to - from));
  emit(high, mix(g ^ Math.imul(high, 0x05ebca6b)));
}
