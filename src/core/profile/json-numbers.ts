// Small conversions that keep the profile JSON-clean: percentages and NaN/Infinity → null.

/** part / whole as 0–100; 0 when whole is 0. */
export function percent(part: number, whole: number): number {
  return whole === 0 ? 0 : (100 * part) / whole;
}

/** The number itself when finite, otherwise null (the JSON result never holds NaN or Infinity). */
export function finiteOrNull(value: number): number | null {
  return Number.isFinite(value) ? value : null;
}
