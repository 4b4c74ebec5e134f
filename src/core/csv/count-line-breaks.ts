// Counts line breaks in a slice of text, for line numbers inside quoted fields.

/** Number of `newline` characters in s[from, to). */
export function countLineBreaks(s: string, from: number, to: number, newline: '\n' | '\r'): number {
  let count = 0;
  let i = s.indexOf(newline, from);
  while (i !== -1 && i < to) {
    count++;
    i = s.indexOf(newline, i + 1);
  }
  return count;
}
