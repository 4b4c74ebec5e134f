// Words for the Monitor cell's side-by-side of two logged versions: a version's predictions, a metric with its
// interval, and the one-line verdict above the gate's sentences.

import type { LoggedComparison } from '../../../core/monitor/compare-logged-versions';
import type { PredictionDistribution } from '../../../core/monitor/describe-logged-predictions';
import { formatNumber } from '../../../state/tune-figures';

/** "Adelie 70.6 %, Gentoo 29.4 %" (classes predicted at least once) or "mean 12.3 · p10 8 · median 12 · p90 16". */
export function describeDistribution(distribution: PredictionDistribution): string {
  if (distribution.scored === 0) return 'no scored row';
  if (distribution.kind === 'classes') {
    return distribution.labels.map((label, i) => ({ label, share: distribution.shares[i] })).filter((c) => c.share > 0)
      .map((c) => `${c.label} ${(c.share * 100).toFixed(1)} %`).join(', ');
  }
  const show = (value: number | null) => (value === null ? '—' : formatNumber(value));
  return `mean ${show(distribution.mean)} · p10 ${show(distribution.p10)} · median ${show(distribution.p50)} · p90 ${show(distribution.p90)}`;
}

/** "0.588 [0.561, 0.612]"; "—" without a value, and the value alone without an interval. */
export function describeInterval(value: number | null | undefined, low: number | null | undefined, high: number | null | undefined): string {
  if (value === null || value === undefined) return '—';
  const interval = low === null || low === undefined || high === null || high === undefined ? '' : ` [${formatNumber(low)}, ${formatNumber(high)}]`;
  return `${formatNumber(value)}${interval}`;
}

/** The comparison's headline: which version, whether it passed the gate, or why there is no verdict. */
export function describeVerdict(comparison: LoggedComparison, modelName: string, monitoredVersion: number): string {
  const challenger = comparison.registered ? `${modelName} v${comparison.registered.version}` : `"${comparison.challenger.version}"`;
  const against = `${modelName} v${monitoredVersion}`;
  if (!comparison.gate) return `No verdict on ${challenger} (${comparison.challenger.role}) yet.`;
  return comparison.gate.passed ? `${challenger} (${comparison.challenger.role}) passed its gate against ${against}.` : `${challenger} (${comparison.challenger.role}) did not pass its gate against ${against}.`;
}
