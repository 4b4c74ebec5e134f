// The Monitor cell's thresholds and the sentences it shows beside them: PSI badges (0.1 / 0.25 by default), the
// binning PSI depends on, the small-batch size and the multiple-testing note.

import { DataError } from '../errors';
import { formatCount } from '../ingest/describe-evidence';
import { formatNumber } from '../table/format-cell';
import { PSI_BINS, PSI_FLOOR } from '../stats/measure-psi';
import type { DriftOptions, DriftStatus, DriftThresholds } from './drift-types';

export const DEFAULT_DRIFT_THRESHOLDS: DriftThresholds = { psiWarn: 0.1, psiAlert: 0.25, alpha: 0.05 };

/**
 * Below this many present values PSI is mostly noise. From scripts/reference/monitor_reference.py (20,000 batches
 * per size drawn from the reference's own distribution, 1,000-value reference, the binning below): with no drift
 * at all PSI reaches 0.1 in 71 % of 70-row batches (and 0.25 in 11 %), 47 % at 100 rows, 6.7 % at 200, 2.2 % at
 * 250 and 0.9 % at 300; 250 is the first size tried where a false warning is under 5 % and a false alert never
 * happened.
 */
export const SMALL_BATCH_ROWS = 250;

export const PSI_BINNING_DESCRIPTION =
  `Numbers are cut at the reference sample's ${PSI_BINS - 1} deciles (numpy's linear quantiles at 10 %, 20 % … 90 %) into ` +
  `up to ${PSI_BINS} bins closed on the right, (−∞, c1], (c1, c2] … (c9, +∞); equal cut points from tied values merge, so a ` +
  `tied column has fewer bins. Each bin's share is floored at ${PSI_FLOOR} (0.01 %) on both sides so an empty bin does not ` +
  'make PSI infinite. Categories use the levels seen in training plus one bucket for the rest; missing values are left out ' +
  'of PSI and reported as missing rates.';

/** The thresholds with defaults filled in; refuses ones that cannot order the badges. */
export function resolveDriftThresholds(options: DriftOptions = {}): DriftThresholds {
  const thresholds = { ...DEFAULT_DRIFT_THRESHOLDS, ...stripUndefined(options) };
  const { psiWarn, psiAlert, alpha } = thresholds;
  if (!(psiWarn > 0 && psiAlert > psiWarn && Number.isFinite(psiAlert))) {
    throw new DataError(`The PSI thresholds must satisfy 0 < warning < alert (got warning ${psiWarn}, alert ${psiAlert}); the usual pair is 0.1 and 0.25.`);
  }
  if (!(alpha > 0 && alpha < 1)) throw new DataError(`The significance level must be between 0 and 1 (got ${alpha}); 0.05 is usual.`);
  return thresholds;
}

/** The thresholds `options` sets (options of a wider type, e.g. MonitorOptions, bring other fields: left out). */
function stripUndefined(options: DriftOptions): Partial<DriftThresholds> {
  const { psiWarn, psiAlert, alpha } = options;
  return Object.fromEntries(Object.entries({ psiWarn, psiAlert, alpha }).filter(([, value]) => value !== undefined));
}

/** The badge of a PSI value (NaN: ok, nothing could be measured). */
export function classifyPsi(psi: number, thresholds: DriftThresholds): DriftStatus {
  if (psi >= thresholds.psiAlert) return 'alert';
  if (psi >= thresholds.psiWarn) return 'warn';
  return 'ok';
}

/** The worse of two badges. */
export function worseStatus(a: DriftStatus, b: DriftStatus): DriftStatus {
  const rank: Record<DriftStatus, number> = { ok: 0, warn: 1, alert: 2 };
  return rank[a] >= rank[b] ? a : b;
}

/** Why a batch of `rows` rows is too small for PSI to mean much. */
export function describeSmallBatch(rows: number): string {
  return `The batch has ${formatCount(rows)} row${rows === 1 ? '' : 's'}, fewer than ${formatCount(SMALL_BATCH_ROWS)}: with no drift at all, ` +
    'PSI reaches 0.1 in 71 % of 70-row batches and 0.25 in 11 % of them (2 % and never at 250 rows), so treat its badges as ' +
    'a hint and monitor a larger batch before acting.';
}

/** The Bonferroni note over `tests` p-values at level `alpha`, naming what stays significant. */
export function describeMultipleTesting(tests: number, alpha: number, significant: readonly string[]): string {
  if (tests === 0) return 'No feature was tested.';
  const level = `${alpha} / ${formatCount(tests)} = ${Number((alpha / tests).toPrecision(3))}`;
  const found = significant.length === 0 ? 'none is significant after the adjustment' : `significant after it: ${significant.map((s) => `"${s}"`).join(', ')}`;
  return `${formatCount(tests)} feature${tests === 1 ? ' was' : 's were'} tested (KS for numbers, chi-square for categories); ` +
    `even with no drift each has a ${formatNumber(100 * alpha)} % chance of p < ${alpha}, about ${formatNumber(Number((alpha * tests).toPrecision(3)))} false alarm${alpha * tests === 1 ? '' : 's'} in all, so each ` +
    `p-value is also shown times ${formatCount(tests)} (Bonferroni, i.e. compared with ${level}); ${found}.`;
}
