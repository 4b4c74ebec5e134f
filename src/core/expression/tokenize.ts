// Tokenizer for the expression language: numbers, 'strings' / "strings", names, `quoted` or [bracketed]
// column names, operators and punctuation — each token keeps its 0-based start for error messages.

import { createExpressionError } from './expression-error';

export type TokenKind = 'number' | 'string' | 'name' | 'column' | 'operator' | 'end';

export interface Token {
  readonly kind: TokenKind;
  /** Literal text: the number's digits, the string's content, the name, or the operator. */
  readonly text: string;
  /** 0-based index into the source. */
  readonly start: number;
}

const OPERATORS = ['==', '!=', '<=', '>=', '&&', '||', '<>', '+', '-', '*', '/', '%', '^', '(', ')', ',', '<', '>', '=', '!'];

/** Longest expression read, in characters: a formula is a line or a few; megabytes of one are a pasted file. */
export const MAX_EXPRESSION_LENGTH = 100_000;

/** Splits `source` into tokens ending with an 'end' token; PipelineError on a character it cannot read. */
export function tokenize(source: string): Token[] {
  if (source.length > MAX_EXPRESSION_LENGTH) {
    const length = source.length.toLocaleString('en-US');
    throw createExpressionError(`Expression is ${length} characters long, more than ${MAX_EXPRESSION_LENGTH.toLocaleString('en-US')}; split it into several derived columns`, source, MAX_EXPRESSION_LENGTH);
  }
  const tokens: Token[] = [];
  let i = 0;
  while (i < source.length) {
    const ch = source[i];
    if (/\s/.test(ch)) {
      i++;
    } else if (/[0-9.]/.test(ch)) {
      const match = /^(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?/.exec(source.slice(i));
      if (!match) throw createExpressionError(`Unexpected '${ch}'`, source, i);
      tokens.push({ kind: 'number', text: match[0], start: i });
      i += match[0].length;
    } else if (ch === "'" || ch === '"') {
      i = readDelimited(source, i, ch, 'string', tokens);
    } else if (ch === '`') {
      i = readDelimited(source, i, '`', 'column', tokens);
    } else if (ch === '[') {
      i = readDelimited(source, i, ']', 'column', tokens);
    } else if (/[\p{L}_]/u.test(ch)) {
      const match = /^[\p{L}_][\p{L}\p{N}_]*/u.exec(source.slice(i)) as RegExpExecArray;
      tokens.push({ kind: 'name', text: match[0], start: i });
      i += match[0].length;
    } else {
      const op = OPERATORS.find((o) => source.startsWith(o, i));
      if (!op) throw createExpressionError(`Unexpected '${ch}'`, source, i);
      tokens.push({ kind: 'operator', text: op, start: i });
      i += op.length;
    }
  }
  tokens.push({ kind: 'end', text: '', start: source.length });
  return tokens;
}

/** Reads a quoted run from `start` (the opening quote) to `close`; a doubled close quote is a literal one. */
function readDelimited(source: string, start: number, close: string, kind: TokenKind, tokens: Token[]): number {
  let text = '';
  // From close quote to close quote (indexOf), not a character at a time: a 10 MB string took seconds.
  for (let i = start + 1, at = source.indexOf(close, i); at !== -1; at = source.indexOf(close, i)) {
    text += source.slice(i, at);
    if (source[at + 1] === close && close !== ']') {
      text += close;
      i = at + 2;
      continue;
    }
    tokens.push({ kind, text, start });
    return at + 1;
  }
  const what = kind === 'string' ? 'string' : 'column name';
  throw createExpressionError(`Unclosed ${what} (missing ${close})`, source, start);
}
