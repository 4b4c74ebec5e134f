// Numbers written beyond float64's range ("1e999", a 400-digit decimal) parse as ±Infinity. A numeric column keeps
// them as missing instead, with a warning, so the profile and the models never meet an infinity they cannot use.

import { formatCount } from './describe-evidence';
import type { ImportWarning } from './types';

/** Where a column's values overflowed: how many, and the first row (0-based) with its sign. */
export interface NumberOverflows {
  count: number;
  firstRow: number;
  firstPositive: boolean;
}

/** Replaces every ±Infinity in `values` by NaN (missing); null when there was none. */
export function dropNumberOverflows(values: Float64Array): NumberOverflows | null {
  let found: NumberOverflows | null = null;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (v !== Infinity && v !== -Infinity) continue;
    found ??= { count: 0, firstRow: i, firstPositive: v > 0 };
    found.count++;
    values[i] = NaN;
  }
  return found;
}

/**
 * The warning for a column's overflows; `firstText` is the first one as written, where known; `rowLines` maps rows to
 * 1-based file lines (null: say "row").
 */
export function describeNumberOverflows(name: string, overflows: NumberOverflows, firstText: string | null, rowLines: ArrayLike<number> | null): ImportWarning {
  const at = rowLines ? rowLines[overflows.firstRow] : overflows.firstRow + 1;
  const first = firstText !== null ? `"${firstText.length > 24 ? `${firstText.slice(0, 24)}…` : firstText}"` : overflows.firstPositive ? '+∞' : '−∞';
  return {
    code: 'number-overflow',
    message:
      `Column "${name}": ${formatCount(overflows.count)} values are beyond the range of 64-bit numbers (±1.8e308), the first ${first} on ` +
      `${rowLines ? 'line' : 'row'} ${at}. They were read as missing, so the profile and the models treat them as missing values, not as infinity. ` +
      'If they mean "very large", replace them in the file with a large finite number.',
    ...(rowLines ? { lines: [at] } : {}),
  };
}
