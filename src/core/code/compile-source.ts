// Makes the cell's source one async function of (input, console), so top-level `await` and `return` work, and
// says where a syntax error is: engines give no position for code made by the Function constructor, so the first
// prefix of the source that fails with the same message names the line (an unclosed bracket names the end).
// `import()` is refused here: it is syntax, not a global that seal-scope.ts could switch off.

import type { CodeError } from './code-types';
import { readFunctionLine } from './map-error-line';

/** The user's code as a function: its `input` and `console` are the cell's (build-input.ts, capture-console.ts). */
export type UserFunction = (input: unknown, console: unknown) => Promise<unknown>;

/** The source compiled, with the lines the engine puts before the body (null when its stacks give no line). */
export type CompiledSource = { readonly kind: 'ok'; readonly run: UserFunction; readonly lineOffset: number | null } | { readonly kind: 'error'; readonly error: CodeError };

type FunctionMaker = new (...parameters: string[]) => UserFunction;
const AsyncFunction = Object.getPrototypeOf(async function () {}).constructor as FunctionMaker;
const PARAMETERS = ['input', 'console'];

/** `import` then `(`, with spaces or comments between; not a property named import (`x.import(…)`). */
const DYNAMIC_IMPORT = /(?<![.\w$])import(?:\s|\/\*[\s\S]*?\*\/|\/\/[^\n]*\n|<!--[^\n]*\n)*\(/;
/** Sources longer than this many lines are not searched for a syntax error's line. */
const MAX_LOCATED_LINES = 2000;
const CLOSERS: readonly (readonly [string, string])[] = [['{', '}'], ['(', ')'], ['[', ']']];

/** Compiles `source` (nothing runs yet), or says why it cannot run. */
export function compileSource(source: string): CompiledSource {
  const blocked = DYNAMIC_IMPORT.exec(source);
  if (blocked) {
    const line = source.slice(0, blocked.index).split('\n').length;
    return { kind: 'error', error: { reason: 'blocked', message: 'import() is not available in a Code cell: the notebook runs offline and your data never leaves the tab. Write the code you need in the cell.', line } };
  }
  try {
    return { kind: 'ok', run: new AsyncFunction(...PARAMETERS, source), lineOffset: measureLineOffset() };
  } catch (error) {
    return { kind: 'error', error: describeSyntaxError(source, error) };
  }
}

/** Lines before the body in this engine's constructed functions, read from a probe's stack. */
function measureLineOffset(): number | null {
  const holder: { error?: Error } = {};
  void new AsyncFunction(...PARAMETERS, 'input.error = new Error("probe");')(holder, null);
  const line = readFunctionLine(holder.error?.stack);
  return line === null ? null : line - 1;
}

function describeSyntaxError(source: string, error: unknown): CodeError {
  const message = error instanceof Error ? error.message : String(error);
  // A Content-Security-Policy on the worker's script without 'unsafe-eval' forbids compiling any source.
  if (error instanceof EvalError) return { reason: 'blocked', message: `The Content-Security-Policy of the Code cell's worker forbids running code from text ('unsafe-eval'): ${message}`, line: null };
  const lines = source.split('\n');
  const unclosed = CLOSERS.find(([, closer]) => compiles(`${source}\n${closer}`));
  if (unclosed) {
    const last = lines.reduce((found, line, index) => (line.trim() === '' ? found : index + 1), lines.length);
    return { reason: 'syntax', message: `SyntaxError: a "${unclosed[0]}" is never closed; add the missing "${unclosed[1]}".`, line: last };
  }
  return { reason: 'syntax', message: `SyntaxError: ${message}`, line: locateSyntaxError(lines, message) };
}

/** The first line whose prefix of the source fails with `message`; null when none does (or the source is too long). */
function locateSyntaxError(lines: readonly string[], message: string): number | null {
  if (lines.length > MAX_LOCATED_LINES) return null;
  for (let count = 1; count <= lines.length; count++) {
    try {
      new AsyncFunction(...PARAMETERS, lines.slice(0, count).join('\n'));
    } catch (error) {
      if (error instanceof Error && error.message === message) return count;
    }
  }
  return null;
}

function compiles(body: string): boolean {
  try {
    new AsyncFunction(...PARAMETERS, body);
    return true;
  } catch {
    return false;
  }
}
