// A carriage return not followed by a line feed ends a row in a file whose lines end in LF or CRLF, as spreadsheets
// and pandas read it (papaparse splits on one newline string and would run the two rows together): such CRs outside
// quoted fields become LF before the text is parsed. Inside quotes a CR stays text.

const QUOTE = 34;
const LF = 10;
const CR = 13;

/**
 * `s` (which starts a row) with every lone CR outside quotes replaced by LF, and where they were; null when there is
 * none (the common case, found with one indexOf per CR). Unless `final`, a CR at the very end may be the first half
 * of a CRLF and is left alone, as is anything after a quote that is still open.
 */
export function breakLoneCrs(s: string, delimiter: string, final: boolean): { text: string; at: number[] } | null {
  let cr = s.indexOf('\r');
  while (cr !== -1 && s.charCodeAt(cr + 1) === LF) cr = s.indexOf('\r', cr + 2);
  if (cr === -1 || (cr === s.length - 1 && !final)) return null;
  const at = findLoneCrs(s, delimiter.charCodeAt(0), final);
  if (at.length === 0) return null;
  const parts: string[] = [];
  let from = 0;
  for (const i of at) {
    parts.push(s.slice(from, i));
    from = i + 1;
  }
  parts.push(s.slice(from));
  return { text: parts.join('\n'), at };
}

/** Positions of lone CRs outside quoted fields: a quote opens a field only as its first character, as papaparse reads. */
function findLoneCrs(s: string, delimiter: number, final: boolean): number[] {
  const at: number[] = [];
  const len = s.length;
  let fieldStart = true;
  for (let i = 0; i < len; i++) {
    const c = s.charCodeAt(i);
    if (fieldStart && c === QUOTE) {
      // Skip to the closing quote ("" inside is an escaped quote); the rest of the field is read as unquoted text.
      let q = i + 1;
      for (;;) {
        q = s.indexOf('"', q);
        if (q === -1) return at; // still open: the parser carries it or reports it
        if (s.charCodeAt(q + 1) !== QUOTE) break;
        q += 2;
      }
      i = q;
      fieldStart = false;
      continue;
    }
    fieldStart = c === delimiter || c === LF;
    if (c !== CR) continue;
    if (s.charCodeAt(i + 1) === LF) continue; // CRLF: the LF ends the row
    if (i === len - 1 && !final) break;
    at.push(i);
    fieldStart = true;
  }
  return at;
}
