// Guesses a CSV file's delimiter from the first lines of its text: the candidate that splits
// the header into the most fields and splits the other lines the same way wins.

export type Delimiter = ',' | ';' | '\t' | '|';

const CANDIDATES: readonly Delimiter[] = [',', '\t', ';', '|'];
const SAMPLE_LINES = 30;

/** Picks among , \t ; | (in that order on ties); ',' when none splits the header. */
export function detectDelimiter(sample: string): Delimiter {
  const lines = countPerLine(sample);
  let best: Delimiter = ',';
  let bestScore = 0;
  for (let k = 0; k < CANDIDATES.length; k++) {
    const first = lines[0]?.[k] ?? 0;
    if (first === 0) continue;
    const rest = lines.slice(1);
    const agreeing = rest.filter((counts) => counts[k] === first).length;
    const consistency = rest.length === 0 ? 1 : agreeing / rest.length;
    // Consistency dominates; the field count breaks near-ties.
    const score = consistency * 1000 + Math.min(first, 999);
    if (score > bestScore) {
      best = CANDIDATES[k];
      bestScore = score;
    }
  }
  return best;
}

/** For each of the first lines that are not blank or only spaces and tabs, how often each candidate occurs (outside quotes). */
function countPerLine(sample: string): number[][] {
  const lines: number[][] = [];
  let counts = [0, 0, 0, 0];
  let inQuote = false;
  let nonBlank = false;
  for (let i = 0; i < sample.length && lines.length < SAMPLE_LINES; i++) {
    const c = sample[i];
    if (c === '"') inQuote = !inQuote;
    else if (inQuote) continue;
    else if (c === '\n' || c === '\r') {
      if (nonBlank) lines.push(counts);
      counts = [0, 0, 0, 0];
      nonBlank = false;
      continue;
    } else {
      const k = CANDIDATES.indexOf(c as Delimiter);
      if (k !== -1) counts[k]++;
      // A line of spaces and tabs is blank (the parser skips it before the header, as pandas does).
      if (c === ' ' || c === '\t') continue;
    }
    nonBlank = true;
  }
  // A last line without its line break may be cut off mid-row: use it only when it is the only one.
  if (nonBlank && lines.length === 0) lines.push(counts);
  return lines;
}
