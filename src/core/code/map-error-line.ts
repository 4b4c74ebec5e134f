// Turns what the user's code threw into a CodeError with the user's own line: the stack frame of the function made
// from the cell's source is found (V8 and SpiderMonkey spell it differently) and shifted by the lines the engine
// puts before the body, measured once per engine by compile-source.ts rather than assumed.

import type { CodeError } from './code-types';

/** A stack frame inside a function made by the Function / AsyncFunction constructor: V8, then SpiderMonkey. */
const FUNCTION_FRAMES = [/<anonymous>:(\d+):\d+/, /> (?:Async)?Function:(\d+):\d+/];

/** Errors the Code cell itself raises (a switched-off global, a missing column): shown without their name. */
export const CODE_CELL_ERROR = 'CodeCellError';

/** The line number in the first stack frame that lies in constructed code; null when there is none. */
export function readFunctionLine(stack: string | undefined): number | null {
  if (!stack) return null;
  for (const frame of stack.split('\n')) {
    for (const pattern of FUNCTION_FRAMES) {
      const match = pattern.exec(frame);
      if (match) return Number(match[1]);
    }
  }
  return null;
}

/** The user's 1-based line of a stack (null when unknown or outside the source's `lineCount` lines). */
export function findUserLine(stack: string | undefined, lineOffset: number | null, lineCount: number): number | null {
  const line = readFunctionLine(stack);
  if (line === null || lineOffset === null) return null;
  const userLine = line - lineOffset;
  return userLine >= 1 && userLine <= lineCount ? userLine : null;
}

/** What the code threw, as a runtime CodeError ("TypeError: …" at its line; a thrown non-Error is quoted). */
export function describeThrown(thrown: unknown, lineOffset: number | null, lineCount: number): CodeError {
  if (!(thrown instanceof Error)) return { reason: 'runtime', message: `Your code threw ${quoteThrown(thrown)}, not an Error.`, line: null };
  const message = thrown.name === CODE_CELL_ERROR ? thrown.message : `${thrown.name}: ${thrown.message}`;
  return { reason: 'runtime', message, line: findUserLine(thrown.stack, lineOffset, lineCount) };
}

/** An Error the Code cell raises for the user's code (shown as its message alone, at the user's line). */
export function createCodeCellError(message: string): Error {
  const error = new Error(message);
  error.name = CODE_CELL_ERROR;
  return error;
}

/** A CodeError as one sentence for the cell: "Line 3: ReferenceError: x is not defined". */
export function describeCodeError(error: CodeError): string {
  return error.line === null ? error.message : `Line ${error.line}: ${error.message}`;
}

function quoteThrown(thrown: unknown): string {
  if (typeof thrown === 'string') return JSON.stringify(thrown.length > 200 ? `${thrown.slice(0, 200)}…` : thrown);
  try {
    return String(thrown);
  } catch {
    return 'a value';
  }
}
