// Column-shaped values the interpreter computes with: one typed array per node, missing as NaN / 255 / null.

/** A vector of row values: numeric and datetime use NaN, boolean 255, text null for missing. */
export type Vector =
  | { readonly kind: 'numeric'; readonly values: Float64Array }
  | { readonly kind: 'datetime'; readonly values: Float64Array }
  | { readonly kind: 'boolean'; readonly values: Uint8Array }
  | { readonly kind: 'text'; readonly values: (string | null)[] };

export const MISSING_BOOLEAN = 255;

/** A numeric vector from a per-row function. */
export function mapNumeric(n: number, f: (row: number) => number): Vector {
  const values = new Float64Array(n);
  for (let r = 0; r < n; r++) values[r] = f(r);
  return { kind: 'numeric', values };
}

/** A boolean vector from a per-row function returning true, false or null (missing). */
export function mapBoolean(n: number, f: (row: number) => boolean | null): Vector {
  const values = new Uint8Array(n);
  for (let r = 0; r < n; r++) {
    const v = f(r);
    values[r] = v === null ? MISSING_BOOLEAN : v ? 1 : 0;
  }
  return { kind: 'boolean', values };
}

/** A text vector from a per-row function. */
export function mapText(n: number, f: (row: number) => string | null): Vector {
  return { kind: 'text', values: Array.from({ length: n }, (_, r) => f(r)) };
}

/** True when the row's value is missing. */
export function isMissingAt(v: Vector, row: number): boolean {
  if (v.kind === 'boolean') return v.values[row] === MISSING_BOOLEAN;
  if (v.kind === 'text') return v.values[row] === null;
  return Number.isNaN(v.values[row]);
}

/** A constant vector of a literal. */
export function fillLiteral(value: number | string | boolean, n: number): Vector {
  if (typeof value === 'number') return { kind: 'numeric', values: new Float64Array(n).fill(value) };
  if (typeof value === 'boolean') return { kind: 'boolean', values: new Uint8Array(n).fill(value ? 1 : 0) };
  return { kind: 'text', values: new Array<string | null>(n).fill(value) };
}
