// The validation gate of a challenger (a retrain's, or a version a prediction log shows beside the champion): it must
// beat the champion by at least δ on the primary metric, must not fall behind it on any monitored slice by more than
// the tolerance and, when the difference has an interval (logged traffic), the interval must lie on the better side
// of 0. Each condition is a sentence with numbers.

import { DataError } from '../errors';
import { formatNumber } from '../table/format-cell';
import type { MetricDirection } from './compare-batch-performance';

/** A model's scores on the common holdout: the primary metric overall and on each monitored slice. */
export interface GateScores {
  readonly primary: number;
  /** The primary metric per slice name (e.g. "region = EU"). */
  readonly slices: Readonly<Record<string, number>>;
}

export interface GateInput {
  readonly champion: GateScores;
  readonly challenger: GateScores;
  /** The primary metric's name, for the sentences. */
  readonly primary: string;
  readonly direction: MetricDirection;
  /** The least improvement on the primary metric, in its units (≥ 0). */
  readonly delta: number;
  /** The slices that must not regress. */
  readonly slices: readonly string[];
  /** The most a slice may fall behind the champion, in metric units (≥ 0). */
  readonly sliceTolerance: number;
  /** The interval of challenger − champion on the primary metric at `level` (e.g. 0.95); absent: no such condition. */
  readonly difference?: { readonly low: number; readonly high: number; readonly level: number } | null;
}

/** `reasons`: when failed, every failed condition; when passed, why each condition held (recorded with the promotion). */
export interface GateDecision {
  readonly passed: boolean;
  readonly reasons: readonly string[];
}

// Floating-point differences (0.83 − 0.82 = 0.00999…) must not fail a gain of exactly δ.
const ROUNDING = 1e-12;

export function decideGate(input: GateInput): GateDecision {
  const { champion, challenger, primary, direction, delta, slices, sliceTolerance } = input;
  if (!(delta >= 0 && Number.isFinite(delta))) throw new DataError(`The gate's δ must be a number ≥ 0 (got ${delta}); it is the least improvement on ${primary} a challenger must show.`);
  if (!(sliceTolerance >= 0 && Number.isFinite(sliceTolerance))) throw new DataError(`The slice tolerance must be a number ≥ 0 (got ${sliceTolerance}); it is how much worse a slice may get.`);
  const gainOf = (before: number, after: number) => (direction === 'higher' ? after - before : before - after);
  const failed: string[] = [];
  const held: string[] = [];
  if (!Number.isFinite(champion.primary) || !Number.isFinite(challenger.primary)) {
    failed.push(`${primary} is missing for the ${Number.isFinite(champion.primary) ? 'challenger' : 'champion'}, so the challenger cannot be shown to be better.`);
  } else {
    const gain = gainOf(champion.primary, challenger.primary);
    const beats = gain >= delta - ROUNDING;
    const numbers = `challenger ${formatNumber(challenger.primary)}, champion ${formatNumber(champion.primary)} (${direction} is better; gain ${formatNumber(gain)}, δ = ${formatNumber(delta)})`;
    (beats ? held : failed).push(`${primary}: the challenger ${beats ? 'beats' : 'does not beat'} the champion by at least δ — ${numbers}.`);
  }
  if (input.difference) judgeDifference(input.difference, primary, direction, held, failed);
  for (const slice of slices) {
    const before = Object.hasOwn(champion.slices, slice) ? champion.slices[slice] : Number.NaN;
    const after = Object.hasOwn(challenger.slices, slice) ? challenger.slices[slice] : Number.NaN;
    if (!Number.isFinite(before) || !Number.isFinite(after)) {
      failed.push(`Slice "${slice}": ${primary} is missing for the ${Number.isFinite(before) ? 'challenger' : 'champion'}, so a regression there cannot be ruled out.`);
      continue;
    }
    const drop = -gainOf(before, after);
    const numbers = `${primary} ${formatNumber(before)} → ${formatNumber(after)} (worse by ${formatNumber(Math.max(0, drop))}, tolerance ${formatNumber(sliceTolerance)})`;
    if (drop > sliceTolerance + ROUNDING) failed.push(`Slice "${slice}" regresses beyond the tolerance: ${numbers}.`);
    else held.push(`Slice "${slice}" holds: ${numbers}.`);
  }
  return failed.length > 0 ? { passed: false, reasons: failed } : { passed: true, reasons: held };
}

/** The interval condition: wholly on the better side of 0 holds; touching or crossing 0, or on the worse side, fails. */
function judgeDifference(difference: NonNullable<GateInput['difference']>, primary: string, direction: MetricDirection, held: string[], failed: string[]): void {
  const { low, high, level } = difference;
  const interval = `the ${formatNumber(100 * level)} % interval of challenger − champion on ${primary} is [${formatNumber(low)}, ${formatNumber(high)}]`;
  if (!Number.isFinite(low) || !Number.isFinite(high)) {
    failed.push(`The difference on ${primary} has no interval (too few labelled rows on a side), so the gain cannot be told from chance.`);
    return;
  }
  const better = direction === 'higher' ? low > 0 : high < 0;
  const worse = direction === 'higher' ? high < 0 : low > 0;
  const side = direction === 'higher' ? 'above' : 'below';
  if (better) held.push(`Not chance: ${interval}, wholly ${side} 0 (${direction} is better).`);
  else if (worse) failed.push(`Worse: ${interval}, wholly on the worse side of 0 (${direction} is better).`);
  else failed.push(`Possibly chance: ${interval}, which includes 0; log more labelled traffic for a narrower interval.`);
}
