// Helpers for a suite's `ratios(result)` export (the convention is in bench/README.md, "Ratios"): judging a ratio
// against a target written as text, and formatting the human strings of a row.

/**
 * Whether `ratio` meets `target` ("≤ 1", "<= 0.8", "≥ 1.5", ">= 1"; a unit after the number is ignored):
 * null when the ratio is missing or the target is not a bound (e.g. "stated").
 */
export function judgeRatio(ratio, target) {
  if (ratio === null || ratio === undefined || !Number.isFinite(ratio)) return null;
  const match = /^\s*(≤|<=|≥|>=)\s*([0-9.]+)/.exec(String(target));
  if (!match) return null;
  const bound = Number(match[2]);
  return match[1] === '≤' || match[1] === '<=' ? ratio <= bound : ratio >= bound;
}

/** One ratio row; `met` judged from `ratio` and `target` unless given. */
export function makeRatio({ what, ours, reference, ratio, target, met }) {
  const value = ratio === undefined || ratio === null || !Number.isFinite(ratio) ? null : ratio;
  return { what, ours, reference, ratio: value, target, met: met === undefined ? judgeRatio(value, target) : met };
}

/** "2.31 s" from milliseconds (ms below 1 s). */
export function formatMs(ms) {
  if (ms === null || ms === undefined || !Number.isFinite(ms)) return 'n/a';
  return ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${Math.round(ms)} ms`;
}

/** "298,098 rows/s" style: a rounded number with thousands separators and a unit. */
export function formatRate(value, unit) {
  if (value === null || value === undefined || !Number.isFinite(value)) return 'n/a';
  return `${Math.round(value).toLocaleString('en-US')} ${unit}`;
}
