// The validators the notebook file's schemas are built from, each with the rule it states ("must be between 0
// and 1"): a problem reads `<path> <rule> (got <value>)`. Type mismatches without a rule of their own are
// worded by format-issues.ts from the type.

import * as v from 'valibot';

/** A finite number. */
export const finiteNumber = v.pipe(v.number(), v.finite('must be a finite number'));

/** A number from `min` to `max`, both included. */
export function between(min: number, max: number) {
  const rule = `must be between ${min} and ${max}`;
  return v.pipe(v.number(), v.finite(rule), v.minValue(min, rule), v.maxValue(max, rule));
}

/** A number strictly between `min` and `max`. */
export function strictlyBetween(min: number, max: number) {
  const rule = `must be between ${min} and ${max}, both excluded`;
  return v.pipe(v.number(), v.finite(rule), v.gtValue(min, rule), v.ltValue(max, rule));
}

/** A number of at least `min`. */
export function atLeast(min: number) {
  return v.pipe(v.number(), v.finite(`must be a number of at least ${min}`), v.minValue(min, `must be a number of at least ${min}`));
}

/** A whole number (seeds: any safe integer; the random generators fold it to 32 bits). */
export const integer = v.pipe(v.number(), v.safeInteger('must be a whole number'));

/** A whole number of at least `min` (and at most `max` when given). */
export function integerFrom(min: number, max?: number) {
  const rule = max === undefined ? `must be a whole number of at least ${min}` : `must be a whole number from ${min} to ${max}`;
  return v.pipe(v.number(), v.safeInteger(rule), v.minValue(min, rule), v.maxValue(max ?? Number.MAX_SAFE_INTEGER, rule));
}

/** One of `values`, the rule listing them. */
export function oneOf<const T extends readonly string[]>(values: T) {
  return v.picklist(values, `must be one of ${values.map((value) => JSON.stringify(value)).join(', ')}`);
}

/** Text with at least one non-space character. */
export const nonEmptyText = v.pipe(v.string(), v.check((text) => text.trim() !== '', 'must not be empty'));

/** Text or null. */
export const nullableText = v.nullable(v.string('must be text or null'));

/** A list of texts (column names, missing tokens). */
export const texts = v.array(v.string());

/** A plain JSON object, passed on as it is (keys such as "__proto__" kept: nothing is copied). */
export const plainObject = v.custom<Record<string, unknown>>((input) => input !== null && typeof input === 'object' && !Array.isArray(input), 'must be an object');
