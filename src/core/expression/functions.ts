// The expression language's functions: math, missing-value helpers, date parts (UTC) and text helpers.
// Each checks its argument count and kinds and throws a PipelineError at the call's position otherwise.

import { clipText, createExpressionError } from './expression-error';
import type { EvaluationContext } from './evaluate';
import type { ExpressionNode } from './parse';
import { isMissingAt, mapBoolean, mapNumeric, mapText, MISSING_BOOLEAN, type Vector } from './vectors';

type Call = Extract<ExpressionNode, { type: 'call' }>;

const MATH: Record<string, (x: number) => number> = {
  abs: Math.abs,
  log: (x) => (x > 0 ? Math.log(x) : NaN),
  log1p: (x) => (x > -1 ? Math.log1p(x) : NaN),
  exp: Math.exp,
  sqrt: (x) => (x >= 0 ? Math.sqrt(x) : NaN),
  floor: Math.floor,
  ceil: Math.ceil,
};

const DATE_PARTS: Record<string, (d: Date) => number> = {
  year: (d) => d.getUTCFullYear(),
  month: (d) => d.getUTCMonth() + 1,
  day: (d) => d.getUTCDate(),
  weekday: (d) => (d.getUTCDay() + 6) % 7, // 0 = Monday
  hour: (d) => d.getUTCHours(),
};

/** Names of every function, for the editor's completion list. */
export const FUNCTION_NAMES = [...Object.keys(MATH), 'min', 'max', 'round', 'is_missing', 'coalesce', 'if', ...Object.keys(DATE_PARTS), 'lower', 'upper', 'len', 'contains'];

/** Applies function `name` to evaluated arguments. */
export function callFunction(name: string, args: Vector[], call: Call, ctx: EvaluationContext): Vector {
  const n = ctx.table.rowCount;
  const fail = (message: string): never => {
    throw createExpressionError(message, ctx.source, call.start);
  };
  const arity = (min: number, max = min): void => {
    if (args.length < min || args.length > max) fail(`${name}() takes ${min === max ? min : `${min} to ${max === Infinity ? 'any number of' : max}`} argument${max === 1 ? '' : 's'}, got ${args.length}`);
  };
  const numbers = (i: number): Float64Array => {
    const v = args[i];
    return v.kind === 'numeric' || v.kind === 'datetime' ? v.values : fail(`${name}() needs a number for argument ${i + 1}, got ${v.kind}`);
  };
  const texts = (i: number): (string | null)[] => (args[i].kind === 'text' ? (args[i].values as (string | null)[]) : fail(`${name}() needs text for argument ${i + 1}, got ${args[i].kind}`));

  // Own keys only: "toString(x)" must not call Object.prototype.toString.
  if (Object.hasOwn(MATH, name)) {
    arity(1);
    const x = numbers(0);
    return mapNumeric(n, (r) => MATH[name](x[r]));
  }
  if (Object.hasOwn(DATE_PARTS, name)) {
    arity(1);
    if (args[0].kind !== 'datetime') fail(`${name}() needs a date, got ${args[0].kind}`);
    const t = numbers(0);
    return mapNumeric(n, (r) => (Number.isNaN(t[r]) ? NaN : DATE_PARTS[name](new Date(t[r]))));
  }
  switch (name) {
    case 'min':
    case 'max': {
      arity(1, Infinity);
      const columns = args.map((_, i) => numbers(i));
      const pick = name === 'min' ? Math.min : Math.max;
      // Pairwise, not pick(...row): spreading many arguments overflowed the stack (and any NaN still wins).
      return mapNumeric(n, (r) => columns.reduce((best, c) => pick(best, c[r]), columns[0][r]));
    }
    case 'round': {
      arity(1, 2);
      const x = numbers(0);
      const digits = args.length > 1 ? numbers(1) : null;
      return mapNumeric(n, (r) => {
        const scale = 10 ** (digits ? digits[r] : 0);
        return Math.round(x[r] * scale) / scale;
      });
    }
    case 'is_missing':
      arity(1);
      return mapBoolean(n, (r) => isMissingAt(args[0], r));
    case 'coalesce': {
      arity(1, Infinity);
      const kind = args[0].kind;
      if (args.some((a) => a.kind !== kind)) fail(`coalesce() needs arguments of one kind, got ${args.map((a) => a.kind).join(', ')}`);
      return pickPerRow(args, n, (r) => args.findIndex((a) => !isMissingAt(a, r)));
    }
    case 'if': {
      arity(3);
      const condition = args[0];
      if (condition.kind !== 'boolean') fail(`if() needs true/false as its condition, got ${condition.kind}`);
      if (args[1].kind !== args[2].kind) fail(`if() needs both branches of one kind, got ${args[1].kind} and ${args[2].kind}`);
      return pickPerRow(args, n, (r) => (condition.values[r] === MISSING_BOOLEAN ? -1 : condition.values[r] === 1 ? 1 : 2));
    }
    case 'lower':
    case 'upper': {
      arity(1);
      const s = texts(0);
      return mapText(n, (r) => (s[r] === null ? null : name === 'lower' ? (s[r] as string).toLowerCase() : (s[r] as string).toUpperCase()));
    }
    case 'len': {
      arity(1);
      const s = texts(0);
      return mapNumeric(n, (r) => (s[r] === null ? NaN : [...(s[r] as string)].length));
    }
    case 'contains': {
      arity(2);
      const s = texts(0);
      const part = texts(1);
      return mapBoolean(n, (r) => (s[r] === null || part[r] === null ? null : (s[r] as string).includes(part[r] as string)));
    }
  }
  const known = FUNCTION_NAMES.join(', ');
  return fail(`Unknown function '${clipText(name)}' (known: ${known})`);
}

/** Per row, the value of args[choose(row)] (−1 or none → missing), keeping args[1]'s kind. */
function pickPerRow(args: Vector[], n: number, choose: (row: number) => number): Vector {
  const kind = args[args.length - 1].kind;
  const at = (r: number): Vector | null => {
    const i = choose(r);
    return i < 0 ? null : args[i];
  };
  if (kind === 'text') return mapText(n, (r) => (at(r)?.values[r] as string | null | undefined) ?? null);
  if (kind === 'boolean') {
    return mapBoolean(n, (r) => {
      const v = at(r)?.values[r] as number | undefined;
      return v === undefined || v === MISSING_BOOLEAN ? null : v === 1;
    });
  }
  const out = mapNumeric(n, (r) => (at(r)?.values[r] as number | undefined) ?? NaN);
  return kind === 'datetime' ? { kind: 'datetime', values: out.values as Float64Array } : out;
}
