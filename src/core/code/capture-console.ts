// The `console` a Code cell's source writes to: each call becomes one line (arguments joined by spaces, objects as
// JSON), handed on at once, up to MAX_CONSOLE_LINES lines of at most MAX_CONSOLE_LINE_CHARS; later lines are only
// counted, so a loop that logs a million times cannot flood the page.

import { MAX_CONSOLE_LINE_CHARS, MAX_CONSOLE_LINES, type ConsoleLine } from './code-types';
import { toPlainJson } from './to-plain-json';

type Write = (...args: unknown[]) => void;

/** The console methods the cell offers (debug, dir, table and trace write log lines). */
export interface CodeConsole {
  readonly log: Write;
  readonly info: Write;
  readonly warn: Write;
  readonly error: Write;
  readonly debug: Write;
  readonly dir: Write;
  readonly table: Write;
  readonly trace: Write;
}

/** A console whose lines go to `onLine` (the first MAX_CONSOLE_LINES); `countDropped` says how many did not. */
export function createCapturedConsole(onLine: (line: ConsoleLine) => void): { console: CodeConsole; countDropped(): number } {
  let kept = 0;
  let dropped = 0;
  const writer = (level: ConsoleLine['level']): Write => (...args) => {
    if (kept >= MAX_CONSOLE_LINES) {
      dropped++;
      return;
    }
    kept++;
    onLine({ level, text: formatConsoleLine(args) });
  };
  const log = writer('log');
  return {
    console: { log, info: writer('info'), warn: writer('warn'), error: writer('error'), debug: log, dir: log, table: log, trace: log },
    countDropped: () => dropped,
  };
}

/** Arguments as one line: text as it is, other values as JSON (errors by name and message), cut to the line cap. */
export function formatConsoleLine(args: readonly unknown[]): string {
  const text = args.map(formatArgument).join(' ');
  return text.length > MAX_CONSOLE_LINE_CHARS ? `${text.slice(0, MAX_CONSOLE_LINE_CHARS)}… (${text.length - MAX_CONSOLE_LINE_CHARS} more characters)` : text;
}

function formatArgument(value: unknown): string {
  if (typeof value === 'string') return value;
  if (value instanceof Error) return `${value.name}: ${value.message}`;
  if (typeof value === 'function') return `[function ${value.name || 'anonymous'}]`;
  if (typeof value === 'symbol') return value.toString();
  if (typeof value === 'bigint') return `${value}n`;
  if (value === undefined || typeof value === 'number' || typeof value === 'boolean') return String(value);
  try {
    return JSON.stringify(toPlainJson(value)) ?? String(value);
  } catch {
    return '[a value with a circular reference]';
  }
}
