// Turns raw header cells into usable, unique column names, remembering what was renamed.

/** One renamed header: its 0-based position, the text in the file and the name used instead. */
export interface RenamedHeader {
  index: number;
  from: string;
  to: string;
}

/** Trims names; an empty one becomes "column_<n>" (1-based), a repeat "name_2", "name_3"… */
export function makeHeadersUnique(raw: readonly string[]): { names: string[]; renamed: RenamedHeader[] } {
  const taken = new Set(raw.map((name) => name.trim()));
  const used = new Set<string>();
  const names: string[] = [];
  const renamed: RenamedHeader[] = [];
  raw.forEach((text, index) => {
    const trimmed = text.trim();
    let name = trimmed === '' ? `column_${index + 1}` : trimmed;
    if (used.has(name) || (trimmed === '' && taken.has(name))) {
      const base = name;
      let n = 2;
      while (used.has(`${base}_${n}`) || taken.has(`${base}_${n}`)) n++;
      name = `${base}_${n}`;
    }
    used.add(name);
    names.push(name);
    if (name !== text) renamed.push({ index, from: text, to: name });
  });
  return { names, renamed };
}
