// Numbers in fitted state stay JSON-exact: NaN and ±Infinity become strings, −0 becomes 0, so that
// JSON.parse(JSON.stringify(fitted)) deep-equals the fitted pipeline.

/** A number as stored in fitted state. */
export type JsonNumber = number | 'NaN' | 'Infinity' | '-Infinity';

/** Encodes a number for fitted state (finite numbers unchanged, −0 as 0). */
export function encodeNumber(value: number): JsonNumber {
  if (Number.isNaN(value)) return 'NaN';
  if (value === Infinity) return 'Infinity';
  if (value === -Infinity) return '-Infinity';
  return value === 0 ? 0 : value;
}

/** Decodes a stored number. */
export function decodeNumber(value: JsonNumber): number {
  return typeof value === 'number' ? value : value === 'NaN' ? NaN : value === 'Infinity' ? Infinity : -Infinity;
}

/** Encodes every number of an array. */
export function encodeNumbers(values: ArrayLike<number>): JsonNumber[] {
  return Array.from(values, encodeNumber);
}

/** Decodes every number of an array. */
export function decodeNumbers(values: readonly JsonNumber[]): number[] {
  return values.map(decodeNumber);
}
