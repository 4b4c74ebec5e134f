// Reads a number the way a person wrote it in a data file, refusing what is really an identifier.

/**
 * The value of a trimmed decimal number ("-0.5", "+3", "1e3", ".5"), or NaN when `s` is not one.
 * Not numbers: thousands separators ("1,000"), leading zeros ("007" is an id), hex, "Infinity",
 * and integers of more than 15 digits (they would lose precision as float64).
 */
export function parseNumber(s: string): number {
  const n = s.length;
  let i = 0;
  let c = s.charCodeAt(0);
  if (c === 43 || c === 45) i = 1;
  const intStart = i;
  while (i < n && (c = s.charCodeAt(i)) >= 48 && c <= 57) i++;
  const intDigits = i - intStart;
  if (intDigits > 1 && s.charCodeAt(intStart) === 48) return NaN;
  let fracDigits = 0;
  if (i < n && c === 46) {
    const fracStart = ++i;
    while (i < n && (c = s.charCodeAt(i)) >= 48 && c <= 57) i++;
    fracDigits = i - fracStart;
  }
  if (intDigits === 0 && fracDigits === 0) return NaN;
  let exponent = false;
  if (i < n && (c === 101 || c === 69)) {
    c = s.charCodeAt(++i);
    if (c === 43 || c === 45) i++;
    const expStart = i;
    while (i < n && (c = s.charCodeAt(i)) >= 48 && c <= 57) i++;
    if (i === expStart) return NaN;
    exponent = true;
  }
  if (i !== n) return NaN;
  if (intDigits > 15 && fracDigits === 0 && !exponent) return NaN;
  return Number(s);
}
