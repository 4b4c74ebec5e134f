import { describe, expect, it } from 'vitest';
import { compileSource } from './compile-source';
import { describeCodeError, describeThrown, findUserLine, readFunctionLine } from './map-error-line';

/** Compiles and runs `source`; the error it ends with, as the cell shows it (null when it returns). */
async function runToError(source: string, input: unknown = null): Promise<string | null> {
  const compiled = compileSource(source);
  if (compiled.kind === 'error') return describeCodeError(compiled.error);
  try {
    await compiled.run(input, console);
    return null;
  } catch (thrown) {
    return describeCodeError(describeThrown(thrown, compiled.lineOffset, source.split('\n').length));
  }
}

describe('compileSource and the line of an error', () => {
  it('runs the source as an async function of input and console: await and return work', async () => {
    const compiled = compileSource('const x = await Promise.resolve(input.a);\nreturn x * 2;');
    expect(compiled.kind).toBe('ok');
    if (compiled.kind === 'ok') expect(await compiled.run({ a: 21 }, console)).toBe(42);
  });

  it("maps a runtime error to the user's line, in nested functions too", async () => {
    expect(await runToError('const a = 1;\nconst b = 2;\nreturn a + missing;')).toBe('Line 3: ReferenceError: missing is not defined');
    expect(await runToError('function f(row) {\n  return row.x.y;\n}\n\nreturn [{ x: null }].map(f);')).toBe("Line 2: TypeError: Cannot read properties of null (reading 'y')");
    expect(await runToError('await null;\n\nthrow new RangeError("too far");')).toBe('Line 3: RangeError: too far');
  });

  it('names the line of a syntax error: the first prefix that fails the same way', async () => {
    expect(await runToError('const a = 1;\nconst b = ;\nreturn a;')).toBe("Line 2: SyntaxError: Unexpected token ';'");
    expect(await runToError('const rows = [1, 2].map((x) =>\n  x * 2);\nreturn rows.map((r) => ({ a: r );')).toBe("Line 3: SyntaxError: Unexpected token ')'");
  });

  it('names an unclosed bracket and the last line for it', async () => {
    expect(await runToError('if (input) {\n  return 1;\n\n')).toBe('Line 2: SyntaxError: a "{" is never closed; add the missing "}".');
    expect(await runToError('return Math.max(1,\n  2')).toBe('Line 2: SyntaxError: a "(" is never closed; add the missing ")".');
  });

  it('refuses import() wherever it is written, naming its line; a property named import is fine (a method written `import(x) {…}` is refused too)', async () => {
    const message = 'import() is not available in a Code cell: the notebook runs offline and your data never leaves the tab. Write the code you need in the cell.';
    expect(await runToError('const a = 1;\nconst m = await import("https://example.com/x.js");')).toBe(`Line 2: ${message}`);
    expect(await runToError('await import /* a */ // b\n ("x");')).toBe(`Line 1: ${message}`);
    expect(await runToError('const o = { import: (x) => x };\nreturn o.import(1);')).toBe(null);
  });

  it('reads V8 and SpiderMonkey frames of constructed code, and no line where there is none', () => {
    expect(readFunctionLine('Error: x\n    at f (file:///a.js:1:2)\n    at eval (eval at <anonymous> (file:///a.js:2:11), <anonymous>:5:6)')).toBe(5);
    expect(readFunctionLine('f@https://host/worker.js:3:9\nanonymous@https://host/worker.js line 20 > AsyncFunction:4:7')).toBe(4);
    expect([readFunctionLine(undefined), findUserLine('at <anonymous>:9:1', 2, 3), findUserLine('at <anonymous>:4:1', null, 3)]).toEqual([null, null, null]);
  });

  it('quotes a thrown non-Error and leaves the line out', async () => {
    expect(await runToError('throw "nope";')).toBe('Your code threw "nope", not an Error.');
  });
});
