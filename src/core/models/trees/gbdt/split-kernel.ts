// find-split.ts's numeric scan as WebAssembly over a histogram in the heap: the running sums as one f64x2
// (g, h), both sides' scores by one f64x2 divide. The same operations in the same order as the JavaScript
// (IEEE arithmetic per lane), so the same split, bit for bit.

import { F64, I32, op, V128, type Code, type WasmFunction } from '../../../wasm/wasm-module';

/** The best-split record the kernel reads and updates: byte offsets of its fields. */
export const RECORD = { gain: 0, gradLeft: 8, hessLeft: 16, countLeft: 24, bin: 32, missingLeft: 36, bytes: 48 } as const;

const BIN_BYTES = 24;
const LOW = [0, 1, 2, 3, 4, 5, 6, 7, 16, 17, 18, 19, 20, 21, 22, 23];
const HIGH = LOW.map((lane) => lane + 8);

const [hist, nonMissing, missing, record, g, h, count, parentScore, minSamples, minHessian, l2] = Array.from({ length: 11 }, (_, i) => i);
const [b, bEnd, at, improved, sideCount, gain, bestGain, acc, other, q, gh, lambda] = Array.from({ length: 12 }, (_, i) => 11 + i);

/**
 * One direction of the scan. Left → right: acc holds the left sums (missing values go right). Right → left:
 * acc holds the right sums, bins from nonMissing − 1 down (missing values go left).
 */
function scan(leftToRight: boolean): Code {
  const [left, right] = leftToRight ? [acc, other] : [other, acc];
  return op.block(
    op.f64x2Zero, op.set(acc), op.f64Zero, op.set(sideCount),
    leftToRight
      ? [...op.i32(0), ...op.set(b), ...op.get(nonMissing), ...op.i32(-1), ...op.add, ...op.get(missing), ...op.add, ...op.set(bEnd), ...op.get(hist), ...op.set(at)]
      : [...op.get(nonMissing), ...op.i32(-2), ...op.add, ...op.set(b), ...op.get(nonMissing), ...op.i32(-1), ...op.add, ...op.i32(BIN_BYTES), ...op.mul, ...op.get(hist), ...op.add, ...op.set(at)],
    op.loop(
      leftToRight ? [...op.get(b), ...op.get(bEnd), ...op.geS, ...op.brIf(1)] : [...op.get(b), ...op.i32(0), ...op.ltS, ...op.brIf(1)],
      op.block(
        op.get(acc), op.get(at), op.loadV128(), op.f64x2Add, op.set(acc),
        op.get(sideCount), op.get(at), op.loadF64(16), op.f64Add, op.set(sideCount),
        op.get(gh), op.get(acc), op.f64x2Sub, op.set(other),
        op.get(sideCount), op.get(minSamples), op.f64Lt, op.brIf(0),
        op.get(count), op.get(sideCount), op.f64Sub, op.get(minSamples), op.f64Lt, op.brIf(2),
        op.get(acc), op.f64x2Lane(1), op.get(minHessian), op.f64Lt, op.brIf(0),
        op.get(other), op.f64x2Lane(1), op.get(minHessian), op.f64Lt, op.brIf(2),
        // gain = g_L² / (h_L + λ) + g_R² / (h_R + λ) − parent, left term first as in find-split.ts.
        op.get(left), op.get(right), op.i8x16Shuffle(LOW), op.tee(q), op.get(q), op.f64x2Mul,
        op.get(left), op.get(right), op.i8x16Shuffle(HIGH), op.get(lambda), op.f64x2Add, op.f64x2Div, op.set(q),
        op.get(q), op.f64x2Lane(0), op.get(q), op.f64x2Lane(1), op.f64Add, op.get(parentScore), op.f64Sub, op.tee(gain),
        op.get(bestGain), op.f64Gt, op.get(gain), op.f64Zero, op.f64Gt, op.and,
        op.ifThen(
          op.get(gain), op.set(bestGain), op.i32(1), op.set(improved),
          op.get(record), op.get(gain), op.storeF64(RECORD.gain),
          op.get(record), op.get(left), op.f64x2Lane(0), op.storeF64(RECORD.gradLeft),
          op.get(record), op.get(left), op.f64x2Lane(1), op.storeF64(RECORD.hessLeft),
          op.get(record), leftToRight ? op.get(sideCount) : [...op.get(count), ...op.get(sideCount), ...op.f64Sub], op.storeF64(RECORD.countLeft),
          op.get(record), op.get(b), op.storeI32At(RECORD.bin),
          op.get(record), op.i32(leftToRight ? 0 : 1), op.storeI32At(RECORD.missingLeft),
        ),
      ),
      op.get(at), op.i32(leftToRight ? BIN_BYTES : -BIN_BYTES), op.add, op.set(at),
      op.get(b), op.i32(leftToRight ? 1 : -1), op.add, op.set(b), op.br(0),
    ),
  );
}

// scanNumeric(hist, nonMissing, missing, record, g, h, count, parentScore, minSamplesLeaf, minHessian, l2) →
// 1 when it found a split better than the record's gain (and wrote it there), else 0.
export const SCAN_NUMERIC: WasmFunction = {
  name: 'scanNumeric', params: 4, f64Params: 7, results: 1, locals: [I32, I32, I32, I32, F64, F64, F64, V128, V128, V128, V128, V128],
  body: [
    ...op.get(record), ...op.loadF64(RECORD.gain), ...op.set(bestGain),
    ...op.get(g), ...op.f64x2Splat, ...op.get(h), ...op.f64x2ReplaceLane(1), ...op.set(gh),
    ...op.get(l2), ...op.f64x2Splat, ...op.set(lambda),
    ...scan(true),
    ...op.block(op.get(missing), op.eqz, op.brIf(0), scan(false)),
    ...op.get(improved),
  ],
};
