// Pratt parser for the expression language. Precedence, loosest first: or, and, not, comparisons,
// + −, * / %, unary −, ^ (right-associative, so −2^2 = −4). Calls are name(args); a bare name is a column.

import { clipText, createExpressionError } from './expression-error';
import { tokenize, type Token } from './tokenize';

export type BinaryOperator = '+' | '-' | '*' | '/' | '%' | '^' | '==' | '!=' | '<' | '<=' | '>' | '>=' | 'and' | 'or';

export type ExpressionNode =
  | { readonly type: 'literal'; readonly value: number | string | boolean; readonly start: number }
  | { readonly type: 'column'; readonly name: string; readonly start: number }
  | { readonly type: 'unary'; readonly op: '-' | 'not'; readonly operand: ExpressionNode; readonly start: number }
  | { readonly type: 'binary'; readonly op: BinaryOperator; readonly left: ExpressionNode; readonly right: ExpressionNode; readonly start: number }
  | { readonly type: 'call'; readonly name: string; readonly args: ExpressionNode[]; readonly start: number };

const INFIX: Record<string, { op: BinaryOperator; power: number }> = {
  or: { op: 'or', power: 1 }, '||': { op: 'or', power: 1 },
  and: { op: 'and', power: 2 }, '&&': { op: 'and', power: 2 },
  '==': { op: '==', power: 4 }, '=': { op: '==', power: 4 }, '!=': { op: '!=', power: 4 }, '<>': { op: '!=', power: 4 },
  '<': { op: '<', power: 4 }, '<=': { op: '<=', power: 4 }, '>': { op: '>', power: 4 }, '>=': { op: '>=', power: 4 },
  '+': { op: '+', power: 5 }, '-': { op: '-', power: 5 },
  '*': { op: '*', power: 6 }, '/': { op: '/', power: 6 }, '%': { op: '%', power: 6 },
  '^': { op: '^', power: 8 },
};
const NOT_POWER = 3;
const NEGATE_POWER = 7;
const MAX_DEPTH = 100;
/** Most nodes on a path from the root: `a + b + … ` is a left-leaning tree as tall as it is long, and evaluating it recurses. */
export const MAX_TREE_HEIGHT = 1_000;
/** Most arguments of one call: each is a whole column while the call runs. */
export const MAX_ARGUMENTS = 1_000;

/** Parses `source` to an AST; PipelineError with position and caret on any syntax error. */
export function parseExpression(source: string): ExpressionNode {
  const tokens = tokenize(source);
  let index = 0;
  let depth = 0;
  // Heights of the trees made so far (a leaf is 1): nesting is capped by MAX_DEPTH, but an operator chain grows a tree
  // without recursing here, and 20,000 terms overflowed the evaluator's stack.
  const heights = new WeakMap<ExpressionNode, number>();
  const measure = <N extends ExpressionNode>(node: N, ...children: ExpressionNode[]): N => {
    let height = 1;
    for (const child of children) height = Math.max(height, 1 + (heights.get(child) ?? 1));
    if (height > MAX_TREE_HEIGHT) throw createExpressionError(`Expression more than ${MAX_TREE_HEIGHT} operations deep; split it into several derived columns`, source, node.start);
    heights.set(node, height);
    return node;
  };
  const peek = (): Token => tokens[index];
  const fail = (token: Token): never => {
    const text = clipText(token.text);
    const what = token.kind === 'end' ? 'end of expression' : token.kind === 'string' ? `string '${text}'` : token.kind === 'column' ? `column '${text}'` : `'${text}'`;
    throw createExpressionError(`Unexpected ${what}`, source, token.start);
  };
  const expect = (text: string): void => {
    if (peek().kind === 'operator' && peek().text === text) index++;
    else fail(peek());
  };

  const parse = (minPower: number): ExpressionNode => {
    if (++depth > MAX_DEPTH) throw createExpressionError(`Expression nested more than ${MAX_DEPTH} levels deep`, source, peek().start);
    let left = parsePrefix();
    for (;;) {
      const token = peek();
      const key = token.kind === 'operator' ? token.text : token.kind === 'name' ? token.text.toLowerCase() : null;
      // Own keys only: a name such as "constructor" would find Object.prototype's member.
      const infix = key !== null && Object.hasOwn(INFIX, key) ? INFIX[key] : undefined;
      if (!infix || infix.power <= minPower) break;
      index++;
      const right = parse(infix.op === '^' ? infix.power - 1 : infix.power);
      left = measure({ type: 'binary', op: infix.op, left, right, start: token.start }, left, right);
    }
    depth--;
    return left;
  };

  const parsePrefix = (): ExpressionNode => {
    const token = tokens[index++];
    switch (token.kind) {
      case 'number':
        return { type: 'literal', value: Number(token.text), start: token.start };
      case 'string':
        return { type: 'literal', value: token.text, start: token.start };
      case 'column':
        return { type: 'column', name: token.text, start: token.start };
      case 'name': {
        const word = token.text.toLowerCase();
        if (word === 'true' || word === 'false') return { type: 'literal', value: word === 'true', start: token.start };
        if (word === 'not') return negate('not', token);
        if (word === 'and' || word === 'or') return fail(token);
        if (peek().kind === 'operator' && peek().text === '(') return parseCall(token);
        return { type: 'column', name: token.text, start: token.start };
      }
      case 'operator':
        if (token.text === '-') return negate('-', token);
        if (token.text === '+') return parse(NEGATE_POWER);
        if (token.text === '!') return negate('not', token);
        if (token.text === '(') {
          const inner = parse(0);
          expect(')');
          return inner;
        }
        return fail(token);
      case 'end':
        return fail(token);
    }
  };

  const negate = (op: '-' | 'not', token: Token): ExpressionNode => {
    const operand = parse(op === '-' ? NEGATE_POWER : NOT_POWER);
    return measure({ type: 'unary', op, operand, start: token.start }, operand);
  };

  const parseCall = (name: Token): ExpressionNode => {
    index++; // '('
    const args: ExpressionNode[] = [];
    if (!(peek().kind === 'operator' && peek().text === ')')) {
      args.push(parse(0));
      while (peek().kind === 'operator' && peek().text === ',') {
        if (args.length >= MAX_ARGUMENTS) throw createExpressionError(`${clipText(name.text)}() given more than ${MAX_ARGUMENTS} arguments; combine fewer columns per call`, source, peek().start);
        index++;
        args.push(parse(0));
      }
    }
    expect(')');
    return measure({ type: 'call', name: name.text.toLowerCase(), args, start: name.start }, ...args);
  };

  if (peek().kind === 'end') throw createExpressionError('Empty expression', source, 0);
  const tree = parse(0);
  if (peek().kind !== 'end') fail(peek());
  return tree;
}
