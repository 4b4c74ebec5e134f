// Reads yes/no style flags. 0 and 1 are deliberately not booleans: they stay numbers.

/** The spelling families a boolean column can use, as ColumnInference.detail shows them. */
export type BooleanStyle = 'true/false' | 'yes/no' | 't/f' | 'y/n';

const WORDS = new Map<string, [0 | 1, BooleanStyle]>(Object.entries({
  true: [1, 'true/false'],
  false: [0, 'true/false'],
  yes: [1, 'yes/no'],
  no: [0, 'yes/no'],
  t: [1, 't/f'],
  f: [0, 't/f'],
  y: [1, 'y/n'],
  n: [0, 'y/n'],
} as Record<string, [0 | 1, BooleanStyle]>));

/** 1 or 0 for a trimmed true/false, yes/no, t/f or y/n (any case); -1 for anything else. */
export function parseBoolean(s: string): 0 | 1 | -1 {
  if (s === 'true') return 1; // the common spellings, without allocating a lower-case copy
  if (s === 'false') return 0;
  if (s.length > 5 || s.length === 0) return -1;
  const c = s.charCodeAt(0) | 0x20; // lower-cased first letter: t, f, y or n
  if (c !== 116 && c !== 102 && c !== 121 && c !== 110) return -1;
  return WORDS.get(s.toLowerCase())?.[0] ?? -1;
}

/** The spelling family of a value parseBoolean accepts. */
export function describeBooleanStyle(s: string): BooleanStyle {
  return WORDS.get(s.trim().toLowerCase())?.[1] ?? 'true/false';
}
