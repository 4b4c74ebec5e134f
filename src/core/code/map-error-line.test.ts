import { describe, expect, it } from 'vitest';
import { createCodeCellError, describeCodeError, describeThrown, findUserLine, readFunctionLine } from './map-error-line';

const V8 = 'ReferenceError: x is not defined\n    at eval (eval at compile (code.js:10:5), <anonymous>:5:3)\n    at run (code.js:20:1)';
const FIREFOX = 'anonymous@code.js line 10 > AsyncFunction:4:7\nrun@code.js:20:1';

describe('map-error-line', () => {
  it('reads the line of the first frame in constructed code, V8 and SpiderMonkey', () => {
    expect([readFunctionLine(V8), readFunctionLine(FIREFOX), readFunctionLine('Error: x\n    at run (code.js:1:1)'), readFunctionLine(undefined)]).toEqual([5, 4, null, null]);
  });

  it('shifts it by the engine\'s lines before the body, and drops a line outside the source', () => {
    expect([findUserLine(V8, 2, 10), findUserLine(V8, 2, 2), findUserLine(V8, null, 10)]).toEqual([3, null, null]);
  });

  it('describes what was thrown: the error with its name and line, the cell\'s own errors by message, other values quoted', () => {
    const error = new ReferenceError('x is not defined');
    error.stack = V8;
    expect(describeCodeError(describeThrown(error, 2, 10))).toBe('Line 3: ReferenceError: x is not defined');
    expect(describeThrown(createCodeCellError('fetch is not available'), 2, 10).message).toBe('fetch is not available');
    expect(describeThrown('boom', 2, 10)).toEqual({ reason: 'runtime', message: 'Your code threw "boom", not an Error.', line: null });
  });
});
