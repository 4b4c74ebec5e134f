// Column statistics over every row of a streamed dataset, read from its one-pass sketches (core/stats/sketches):
// counts, missing, mean, std, min, max and level counts exact; quantiles (KLL, ±KLL_RANK_ERROR of rank) and distinct
// counts of numbers, dates and text (HyperLogLog, ±0.81 % standard error) approximate, and flagged as such.

import { parseColumnSketch, type ColumnSketchJson } from '../stats/sketches/column-sketch';
import { estimateDistinct, HLL_STANDARD_ERROR } from '../stats/sketches/hyper-log-log';
import { estimateQuantiles, KLL_RANK_ERROR } from '../stats/sketches/kll-sketch';
import { describeVariance } from '../stats/sketches/moments-sketch';
import type { ColumnKind } from '../table/types';

/** One column's statistics over every row; `approximate` names the fields that are estimates. */
export interface SketchColumnStats {
  name: string;
  kind: ColumnKind;
  rows: number;
  missing: number;
  missingPct: number;
  distinct: number;
  mean: number | null;
  std: number | null;
  min: number | null;
  max: number | null;
  /** p1, p5, p25, p50, p75, p95, p99 (numbers and dates). */
  quantiles: { p1: number; p5: number; p25: number; p50: number; p75: number; p95: number; p99: number } | null;
  /** Categorical and boolean columns: the most frequent values (up to 10), exact counts. */
  topValues: { value: string; count: number }[];
  approximate: ('distinct' | 'quantiles')[];
}

/** The bounds approximate figures carry, for a legend. */
export const SKETCH_BOUNDS = { quantileRankError: KLL_RANK_ERROR, distinctStandardError: HLL_STANDARD_ERROR } as const;

const QS = [0.01, 0.05, 0.25, 0.5, 0.75, 0.95, 0.99];

/** Every column's statistics from the stored sketches; `levels` gives categorical columns' level texts by column name. */
export function describeSketches(sketches: readonly ColumnSketchJson[], levels: Readonly<Record<string, readonly string[]>> = {}): SketchColumnStats[] {
  return sketches.map((json) => {
    const sketch = parseColumnSketch(json);
    const base = { name: sketch.name, kind: sketch.kind, rows: sketch.rows, mean: null, std: null, min: null, max: null, quantiles: null, topValues: [] };
    if (sketch.kind === 'numeric' || sketch.kind === 'datetime') {
      const { moments } = sketch;
      const [p1, p5, p25, p50, p75, p95, p99] = estimateQuantiles(sketch.quantiles, QS);
      const std = describeVariance(moments);
      return {
        ...base, missing: moments.missing, missingPct: percent(moments.missing, sketch.rows), distinct: Math.round(estimateDistinct(sketch.distinct)),
        mean: moments.count > 0 ? moments.mean : null, std: Number.isNaN(std) ? null : Math.sqrt(std), min: moments.min, max: moments.max,
        quantiles: moments.count > 0 ? { p1, p5, p25, p50, p75, p95, p99 } : null, approximate: ['distinct', 'quantiles'],
      };
    }
    if (sketch.kind === 'text') {
      return { ...base, missing: sketch.missing, missingPct: percent(sketch.missing, sketch.rows), distinct: Math.round(estimateDistinct(sketch.distinct)), approximate: ['distinct'] };
    }
    if (sketch.kind !== 'boolean' && sketch.kind !== 'categorical') throw new RangeError(`Unknown sketch kind ${sketch.kind}`);
    const counts = sketch.kind === 'boolean' ? [sketch.falseCount, sketch.trueCount] : sketch.levelCounts;
    const names = sketch.kind === 'boolean' ? ['false', 'true'] : (levels[sketch.name] ?? []);
    const topValues = counts.map((count, i) => ({ value: names[i] ?? `#${i}`, count })).filter((v) => v.count > 0).sort((a, b) => b.count - a.count).slice(0, 10);
    return { ...base, missing: sketch.missing, missingPct: percent(sketch.missing, sketch.rows), distinct: counts.filter((n) => n > 0).length, topValues, approximate: [] };
  });
}

function percent(part: number, whole: number): number {
  return whole === 0 ? 0 : (100 * part) / whole;
}
