import { describe, expect, it } from 'vitest';
import { normalizeReturn } from './normalize-return';

const texts = (result: ReturnType<typeof normalizeReturn>) => (result.kind === 'table' ? [result.rowCount, result.columns.map((c) => [c.name, c.values])] : result);

describe('normalizeReturn', () => {
  it('makes rows a table: keys in order of first appearance, absent keys missing, cells as import texts', () => {
    const when = new Date(Date.UTC(2024, 0, 2));
    expect(texts(normalizeReturn([{ a: 1, b: 'x' }, { b: null, c: true, a: 2.5 }, { a: Number.NaN, d: when, e: { k: [1] } }]))).toEqual([3, [
      ['a', ['1', '2.5', null]],
      ['b', ['x', null, null]],
      ['c', [null, 'true', null]],
      ['d', [null, null, '2024-01-02T00:00:00.000Z']],
      ['e', [null, null, '{"k":[1]}']],
    ]]);
  });

  it('makes { columns } a table, typed arrays included', () => {
    expect(texts(normalizeReturn({ columns: { x: new Float64Array([1, 2]), y: ['a', undefined] } }))).toEqual([2, [['x', ['1', '2']], ['y', ['a', null]]]]);
  });

  it('takes { plot: { data, layout } } as a plain figure, and undefined as nothing', () => {
    expect(normalizeReturn({ plot: { data: [{ type: 'bar', x: ['a'], y: new Int32Array([3]) }] } })).toEqual({ kind: 'plot', figure: { data: [{ type: 'bar', x: ['a'], y: [3] }], layout: {} } });
    expect(normalizeReturn(undefined)).toEqual({ kind: 'none' });
  });

  it('takes anything else JSON can show as a value: numbers, arrays of numbers, Maps and Sets', () => {
    expect(normalizeReturn(42)).toEqual({ kind: 'value', json: '42', truncated: false });
    expect(normalizeReturn([1, 2])).toEqual({ kind: 'value', json: '[\n  1,\n  2\n]', truncated: false });
    expect(normalizeReturn({ m: new Map([['k', new Set([1])]]), n: 10n })).toEqual({ kind: 'value', json: '{\n  "m": {\n    "k": [\n      1\n    ]\n  },\n  "n": "10"\n}', truncated: false });
  });

  it('names what is wrong with a return it cannot use', () => {
    const circular: Record<string, unknown> = {};
    circular.self = circular;
    const cases: unknown[] = [[], [{ a: 1 }, 5], { columns: { a: [1, 2], b: [1] } }, { columns: { a: 'xy' } }, { columns: {} }, [{ a: () => 1 }], { plot: { data: 'x' } }, () => 1, circular];
    const messages = cases.map((value) => {
      try {
        normalizeReturn(value);
        return 'no error';
      } catch (error) {
        return `${(error as Error).name}: ${(error as Error).message.split('. ')[0]}`;
      }
    });
    expect(messages).toEqual([
      'ReturnError: Your code returned an empty array, so there are no rows for a table',
      'ReturnError: Your code returned an array of rows, but item [1] is a number, not an object like { name: value }',
      'ReturnError: Your code returned columns of different lengths: "a" has 2 values, "b" has 1',
      'ReturnError: In { columns: { … } }, "a" is the text "xy"; each column must be an array of values.',
      'ReturnError: Your code returned { columns: {} } without any column',
      'ReturnError: Column "a", row 0 holds a function; a table\'s cells are numbers, text, true/false, dates or null.',
      'ReturnError: Your code returned { plot: … } whose plot is missing "data", an array of traces',
      'ReturnError: Your code returned a function',
      'ReturnError: Your code returned a value with a circular reference, which cannot be shown',
    ]);
  });
});
