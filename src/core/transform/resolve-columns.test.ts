import { describe, expect, it } from 'vitest';
import type { Table } from '../table/types';
import { compileGlob, resolveColumnRule, resolveStep } from './resolve-columns';
import type { ColumnRule, PipelineStep } from './step-types';

const table: Table = {
  rowCount: 3,
  columns: [
    { kind: 'numeric', name: 'price_eur', values: Float64Array.from([1, NaN, 3]) },
    { kind: 'numeric', name: 'price_usd', values: Float64Array.from([1, 2, 3]) },
    { kind: 'categorical', name: 'city', codes: Int32Array.from([0, -1, 1]), levels: ['Oslo', 'Rome'] },
    { kind: 'boolean', name: 'member', values: Uint8Array.from([1, 0, 255]) },
    { kind: 'datetime', name: 'seen', values: Float64Array.from([0, 1, 2]) },
    { kind: 'text', name: 'note', bytes: new Uint8Array(0), offsets: Uint32Array.from([0, 0, 0, 0]), missing: Uint8Array.from([1, 1, 1]), idLike: false },
    { kind: 'numeric', name: 'y', values: Float64Array.from([0, 1, 0]) },
  ],
};
const drop = (columns: ColumnRule): PipelineStep => ({ kind: 'drop', id: 'd', columns });

describe('resolveColumnRule', () => {
  it('picks by kind, by missing values, by name and excludes, in table order, never the target', () => {
    const pick = (rule: ColumnRule) => resolveColumnRule(drop(rule), rule, table, 'y');
    expect({
      numeric: pick({ rule: 'numeric' }),
      categorical: pick({ rule: 'categorical' }),
      boolean: pick({ rule: 'boolean' }),
      datetime: pick({ rule: 'datetime' }),
      missing: pick({ rule: 'missing' }),
      numericMissing: pick({ rule: 'numeric', onlyMissing: true }),
      name: pick({ rule: 'name', pattern: 'price_*' }),
      narrowed: pick({ rule: 'missing', pattern: 'p?ice*' }),
      excluded: pick({ rule: 'numeric', exclude: ['price_usd'] }),
      targetByName: pick({ rule: 'name', pattern: '*' }),
    }).toEqual({
      numeric: ['price_eur', 'price_usd'],
      categorical: ['city'],
      boolean: ['member'],
      datetime: ['seen'],
      missing: ['price_eur', 'city', 'member', 'note'],
      numericMissing: ['price_eur'],
      name: ['price_eur', 'price_usd'],
      narrowed: ['price_eur'],
      excluded: ['price_eur'],
      targetByName: ['price_eur', 'price_usd', 'city', 'member', 'seen', 'note'],
    });
  });

  it("keeps to the kinds the step can read, and leaves out a step's own target", () => {
    const scale: PipelineStep = { kind: 'scale', id: 's', columns: { rule: 'missing' }, method: 'standard' };
    const median: PipelineStep = { kind: 'impute', id: 'i', columns: { rule: 'missing' }, strategy: 'median' };
    const frequent: PipelineStep = { kind: 'impute', id: 'i', columns: { rule: 'missing' }, strategy: 'most_frequent' };
    const encode: PipelineStep = { kind: 'target_encode', id: 't', columns: { rule: 'name', pattern: '*' }, target: 'city' };
    expect([resolveStep(scale, table, null), resolveStep(median, table, null), resolveStep(frequent, table, null), resolveStep(encode, table, null)].map((s) => ('columns' in s ? s.columns : null))).toEqual([
      ['price_eur'],
      ['price_eur'],
      ['price_eur', 'city', 'member', 'note'],
      ['member', 'note'],
    ]);
  });

  it('leaves a list as it is and refuses a name rule without a pattern', () => {
    const listed: PipelineStep = { kind: 'drop', id: 'd', columns: ['y', 'nope'] };
    expect(resolveStep(listed, table, 'y')).toBe(listed);
    expect(() => resolveStep(drop({ rule: 'name' }), table, null)).toThrow("Step 'd' (drop): the rule 'by name' needs a pattern, e.g. price_* (* any characters, ? one).");
  });
});

describe('compileGlob', () => {
  it('matches whole names with * and ?, everything else literally', () => {
    const names = ['price_1', 'price_10', 'price.x', 'priceAx', 'a+b (kg)', 'PRICE_1'];
    expect({
      star: names.filter((n) => compileGlob('price_*').test(n)),
      one: names.filter((n) => compileGlob('price_?').test(n)),
      dot: names.filter((n) => compileGlob('price.x').test(n)),
      special: names.filter((n) => compileGlob('a+b (*)').test(n)),
    }).toEqual({ star: ['price_1', 'price_10'], one: ['price_1'], dot: ['price.x'], special: ['a+b (kg)'] });
  });
});
