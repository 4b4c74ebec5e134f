// Brute-force kNN on one block of queries × one block of training rows, in 4 × 4 tiles: each feature value
// loaded is used four times, 16 running sums stay in registers (≈ 4× the pair-at-a-time loop in V8). Distances
// are the direct differences summed in column order (no ‖a‖² − 2a·b + ‖b‖², which cancels), so they equal
// measureReduced's to the bit and the k-d tree and this path pick the same neighbours.

import { measureReduced, type DistanceMetric } from './neighbour-distance';
import type { NeighbourHeaps } from './neighbour-heaps';

/** Rows of a 4 × 4 tile. */
const TILE = 4;

/**
 * Offers training rows `tStart` … `tEnd − 1` to queries `qStart` … `qEnd − 1` (query q in heap slot q − qStart).
 * Rows go in ascending order per query, so across blocks visited in row order a tie keeps the earlier row.
 */
export function scanBruteForceBlock(
  train: Float64Array, tStart: number, tEnd: number, queries: Float64Array, qStart: number, qEnd: number,
  cols: number, metric: DistanceMetric, heaps: NeighbourHeaps, tile: Float64Array,
): void {
  const manhattan = metric === 'manhattan';
  const measureTile = manhattan ? measureTileAbsolute : measureTileSquared;
  const tileEnd = tStart + Math.floor((tEnd - tStart) / TILE) * TILE;
  let q = qStart;
  for (; q + TILE <= qEnd; q += TILE) {
    const slot = q - qStart;
    for (let t = tStart; t < tileEnd; t += TILE) {
      measureTile(queries, q * cols, train, t * cols, cols, tile);
      for (let i = 0; i < TILE; i++) {
        const bound = heaps.bound[slot + i];
        for (let r = 0; r < TILE; r++) if (tile[i * TILE + r] <= bound) heaps.offer(slot + i, tile[i * TILE + r], t + r);
      }
    }
    for (let i = 0; i < TILE; i++) scanPairs(train, tileEnd, tEnd, queries, q + i, slot + i, cols, manhattan, heaps);
  }
  for (; q < qEnd; q++) scanPairs(train, tStart, tEnd, queries, q, q - qStart, cols, manhattan, heaps);
}

/** One query against rows tStart … tEnd − 1, pair by pair (the tiles' leftovers). */
function scanPairs(train: Float64Array, tStart: number, tEnd: number, queries: Float64Array, q: number, slot: number, cols: number, manhattan: boolean, heaps: NeighbourHeaps): void {
  for (let t = tStart; t < tEnd; t++) {
    const d = measureReduced(queries, q * cols, train, t * cols, cols, manhattan, heaps.bound[slot]);
    if (d <= heaps.bound[slot]) heaps.offer(slot, d, t);
  }
}

/** Squared distances of 4 query rows (from `a`) × 4 training rows (from `b`) into out[4·query + row]. */
function measureTileSquared(queries: Float64Array, a: number, train: Float64Array, b: number, cols: number, out: Float64Array): void {
  const a1 = a + cols, a2 = a1 + cols, a3 = a2 + cols;
  const b1 = b + cols, b2 = b1 + cols, b3 = b2 + cols;
  let s00 = 0, s01 = 0, s02 = 0, s03 = 0, s10 = 0, s11 = 0, s12 = 0, s13 = 0;
  let s20 = 0, s21 = 0, s22 = 0, s23 = 0, s30 = 0, s31 = 0, s32 = 0, s33 = 0;
  for (let j = 0; j < cols; j++) {
    const x0 = queries[a + j], x1 = queries[a1 + j], x2 = queries[a2 + j], x3 = queries[a3 + j];
    const y0 = train[b + j], y1 = train[b1 + j], y2 = train[b2 + j], y3 = train[b3 + j];
    let d = x0 - y0; s00 += d * d; d = x0 - y1; s01 += d * d; d = x0 - y2; s02 += d * d; d = x0 - y3; s03 += d * d;
    d = x1 - y0; s10 += d * d; d = x1 - y1; s11 += d * d; d = x1 - y2; s12 += d * d; d = x1 - y3; s13 += d * d;
    d = x2 - y0; s20 += d * d; d = x2 - y1; s21 += d * d; d = x2 - y2; s22 += d * d; d = x2 - y3; s23 += d * d;
    d = x3 - y0; s30 += d * d; d = x3 - y1; s31 += d * d; d = x3 - y2; s32 += d * d; d = x3 - y3; s33 += d * d;
  }
  out[0] = s00; out[1] = s01; out[2] = s02; out[3] = s03; out[4] = s10; out[5] = s11; out[6] = s12; out[7] = s13;
  out[8] = s20; out[9] = s21; out[10] = s22; out[11] = s23; out[12] = s30; out[13] = s31; out[14] = s32; out[15] = s33;
}

/** Manhattan distances of 4 query rows × 4 training rows into out[4·query + row] (as measureTileSquared). */
function measureTileAbsolute(queries: Float64Array, a: number, train: Float64Array, b: number, cols: number, out: Float64Array): void {
  const a1 = a + cols, a2 = a1 + cols, a3 = a2 + cols;
  const b1 = b + cols, b2 = b1 + cols, b3 = b2 + cols;
  let s00 = 0, s01 = 0, s02 = 0, s03 = 0, s10 = 0, s11 = 0, s12 = 0, s13 = 0;
  let s20 = 0, s21 = 0, s22 = 0, s23 = 0, s30 = 0, s31 = 0, s32 = 0, s33 = 0;
  for (let j = 0; j < cols; j++) {
    const x0 = queries[a + j], x1 = queries[a1 + j], x2 = queries[a2 + j], x3 = queries[a3 + j];
    const y0 = train[b + j], y1 = train[b1 + j], y2 = train[b2 + j], y3 = train[b3 + j];
    s00 += Math.abs(x0 - y0); s01 += Math.abs(x0 - y1); s02 += Math.abs(x0 - y2); s03 += Math.abs(x0 - y3);
    s10 += Math.abs(x1 - y0); s11 += Math.abs(x1 - y1); s12 += Math.abs(x1 - y2); s13 += Math.abs(x1 - y3);
    s20 += Math.abs(x2 - y0); s21 += Math.abs(x2 - y1); s22 += Math.abs(x2 - y2); s23 += Math.abs(x2 - y3);
    s30 += Math.abs(x3 - y0); s31 += Math.abs(x3 - y1); s32 += Math.abs(x3 - y2); s33 += Math.abs(x3 - y3);
  }
  out[0] = s00; out[1] = s01; out[2] = s02; out[3] = s03; out[4] = s10; out[5] = s11; out[6] = s12; out[7] = s13;
  out[8] = s20; out[9] = s21; out[10] = s22; out[11] = s23; out[12] = s30; out[13] = s31; out[14] = s32; out[15] = s33;
}
