import { describe, expect, it } from 'vitest';
import { createCapturedConsole, formatConsoleLine } from './capture-console';
import { MAX_CONSOLE_LINE_CHARS, MAX_CONSOLE_LINES, type ConsoleLine } from './code-types';

describe('createCapturedConsole', () => {
  it('writes one line per call with its level, text as it is and other values as JSON', () => {
    const lines: ConsoleLine[] = [];
    const { console } = createCapturedConsole((line) => lines.push(line));
    console.log('rows:', 3, { a: [1, 2] }, null, undefined);
    console.warn(new TypeError('bad'), 5n, new Float32Array([0.5]));
    console.debug(new Map([['k', 1]]));
    expect(lines).toEqual([
      { level: 'log', text: 'rows: 3 {"a":[1,2]} null undefined' },
      { level: 'warn', text: 'TypeError: bad 5n [0.5]' },
      { level: 'log', text: '{"k":1}' },
    ]);
  });

  it(`keeps the first ${MAX_CONSOLE_LINES} lines and counts the rest; cuts a long line`, () => {
    const lines: ConsoleLine[] = [];
    const { console, countDropped } = createCapturedConsole((line) => lines.push(line));
    for (let i = 0; i < MAX_CONSOLE_LINES + 20; i++) console.error(i);
    expect([lines.length, lines.at(-1), countDropped()]).toEqual([MAX_CONSOLE_LINES, { level: 'error', text: String(MAX_CONSOLE_LINES - 1) }, 20]);
    expect(formatConsoleLine(['x'.repeat(MAX_CONSOLE_LINE_CHARS + 5)])).toBe(`${'x'.repeat(MAX_CONSOLE_LINE_CHARS)}… (5 more characters)`);
  });

  it('says so for a circular value instead of throwing', () => {
    const loop: Record<string, unknown> = {};
    loop.loop = loop;
    expect(formatConsoleLine(['a', loop])).toBe('a [a value with a circular reference]');
  });
});
