// The 32-bit finaliser of MurmurHash3: spreads every input bit over the low bits that index a hash table.

/** A well-mixed 32-bit integer from `h` (any int32/uint32). */
export function mixHash(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

/** The smallest power of two ≥ 2·n (at least 16): table sizes that keep linear probing short. */
export function sizeTable(n: number): number {
  let size = 16;
  while (size < 2 * n) size *= 2;
  return size;
}
