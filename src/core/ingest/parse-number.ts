// Reads a number the way a person wrote it in a data file, refusing what is really an identifier.

/** Exact powers of ten: a mantissa below 2^53 divided by one of these is correctly rounded (Clinger's fast path). */
const POWERS_OF_TEN = Array.from({ length: 23 }, (_, k) => 10 ** k);

/**
 * The value of a trimmed decimal number ("-0.5", "+3", "1e3", ".5"), or NaN when `s` is not one.
 * Not numbers: thousands separators ("1,000"), leading zeros ("007" is an id), hex, "Infinity",
 * and integers of more than 15 digits (they would lose precision as float64).
 */
export function parseNumber(s: string): number {
  return parseNumberIn(s, 0, s.length);
}

/** parseNumber of text[from, to), reading the common forms without making that string. */
export function parseNumberIn(text: string, from: number, to: number): number {
  let i = from;
  let c = text.charCodeAt(from);
  const negative = c === 45;
  if (c === 43 || c === 45) i++;
  const intStart = i;
  // The digits' value, exact while there are at most 15 of them; Number(s) reads the longer ones.
  let mantissa = 0;
  while (i < to && (c = text.charCodeAt(i)) >= 48 && c <= 57) {
    mantissa = mantissa * 10 + (c - 48);
    i++;
  }
  const intDigits = i - intStart;
  if (intDigits > 1 && text.charCodeAt(intStart) === 48) return NaN;
  let fracDigits = 0;
  if (i < to && c === 46) {
    const fracStart = ++i;
    while (i < to && (c = text.charCodeAt(i)) >= 48 && c <= 57) {
      mantissa = mantissa * 10 + (c - 48);
      i++;
    }
    fracDigits = i - fracStart;
  }
  if (intDigits === 0 && fracDigits === 0) return NaN;
  if (i === to) {
    if (intDigits > 15 && fracDigits === 0) return NaN;
    // Same value as Number(s): both the mantissa and 10^fracDigits are exact, so one division rounds correctly.
    if (intDigits + fracDigits <= 15) return negative ? -(mantissa / POWERS_OF_TEN[fracDigits]) : mantissa / POWERS_OF_TEN[fracDigits];
    return Number(text.slice(from, to));
  }
  if (c !== 101 && c !== 69) return NaN;
  c = text.charCodeAt(++i);
  if (c === 43 || c === 45) i++;
  const expStart = i;
  while (i < to && (c = text.charCodeAt(i)) >= 48 && c <= 57) i++;
  if (i === expStart || i !== to) return NaN;
  return Number(text.slice(from, to));
}
