// Approximate distinct counts in 16 KiB: HyperLogLog (Flajolet et al. 2007) at precision 14, with linear counting
// for small cardinalities (Heule et al. 2013). Standard error 1.04 / √16384 ≈ 0.81 %. Merging takes register maxima.
// Values are hashed to 64 bits (hash-values.ts): 14 bits pick a register, the other 32 give the rank.

/** Registers = 2^precision. */
export const HLL_PRECISION = 14;
/** Relative standard error of an estimate: 1.04 / √(2^14). */
export const HLL_STANDARD_ERROR = 1.04 / Math.sqrt(2 ** HLL_PRECISION);
const REGISTERS = 2 ** HLL_PRECISION;
const INDEX_SHIFT = 32 - HLL_PRECISION;

/** A live sketch: one byte per register (the highest rank seen). */
export interface HyperLogLog {
  registers: Uint8Array;
}

/** The sketch as plain JSON: register r is `registers.charCodeAt(r) − 48` (ranks are at most 33). */
export interface HyperLogLogJson {
  precision: number;
  registers: string;
}

export function createHyperLogLog(): HyperLogLog {
  return { registers: new Uint8Array(REGISTERS) };
}

/** Adds a value by its 64-bit hash (`high`, `low`: two 32-bit halves as int32 or uint32, see hash-values.ts). */
export function addHash(sketch: HyperLogLog, high: number, low: number): void {
  const index = high >>> INDEX_SHIFT;
  const rank = low === 0 ? 33 : Math.clz32(low) + 1;
  if (rank > sketch.registers[index]) sketch.registers[index] = rank;
}

/** The estimated number of distinct values added (linear counting while registers are empty enough). */
export function estimateDistinct(sketch: HyperLogLog): number {
  const m = REGISTERS;
  let sum = 0;
  let zeros = 0;
  for (let r = 0; r < m; r++) {
    const rank = sketch.registers[r];
    sum += 2 ** -rank;
    if (rank === 0) zeros++;
  }
  const alpha = 0.7213 / (1 + 1.079 / m);
  const raw = (alpha * m * m) / sum;
  if (raw <= 2.5 * m && zeros > 0) return m * Math.log(m / zeros);
  return raw;
}

/** Both sketches' values in one (new) sketch: the larger register each. */
export function mergeHyperLogLog(a: HyperLogLog, b: HyperLogLog): HyperLogLog {
  const registers = new Uint8Array(REGISTERS);
  for (let r = 0; r < REGISTERS; r++) registers[r] = Math.max(a.registers[r], b.registers[r]);
  return { registers };
}

export function serializeHyperLogLog(sketch: HyperLogLog): HyperLogLogJson {
  let text = '';
  for (let r = 0; r < REGISTERS; r += 4096) text += String.fromCharCode(...Array.from(sketch.registers.subarray(r, r + 4096), (x) => x + 48));
  return { precision: HLL_PRECISION, registers: text };
}

/** Reads serializeHyperLogLog's JSON back; a precision other than 14 or a wrong length is a RangeError. */
export function parseHyperLogLog(json: HyperLogLogJson): HyperLogLog {
  if (json.precision !== HLL_PRECISION || json.registers.length !== REGISTERS) {
    throw new RangeError(`A HyperLogLog sketch must have precision ${HLL_PRECISION} and ${REGISTERS} registers, got ${json.precision} and ${json.registers.length}`);
  }
  const registers = new Uint8Array(REGISTERS);
  for (let r = 0; r < REGISTERS; r++) registers[r] = json.registers.charCodeAt(r) - 48;
  return { registers };
}
